import type { ReactNode } from 'react';
import { IconButton, Stack, Tooltip } from '@mui/material';
import type { GridColDef } from '@mui/x-data-grid';
import EditIcon from '@mui/icons-material/Edit';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import { formatBytes, formatCount, formatIstDate } from '../../format/indian';
import type { Tenant, TenantRow } from './tenantForm';

export interface TenantActions {
  edit(tenant: Tenant): void;
  addAdmin(tenant: Tenant): void;
  switchInto(tenant: Tenant): void;
}

/** An icon button named for screen readers and, on hover, for everyone; icons keep the grid within a laptop's width. */
function RowAction({ label, icon, onClick }: { label: string; icon: ReactNode; onClick(): void }) {
  return (
    <Tooltip title={label}>
      <IconButton size="small" aria-label={label} onClick={onClick}>
        {icon}
      </IconButton>
    </Tooltip>
  );
}

/** Storage figures stay blank until they are known (the server scans the interval store for them). */
const whenKnown = (format: (value: number) => string) => (value: number | undefined) =>
  value === undefined ? '' : format(value);

export function tenantColumns(actions: TenantActions): GridColDef<TenantRow>[] {
  return [
    { field: 'code', headerName: 'Code', width: 110 },
    { field: 'name', headerName: 'Name', flex: 1, minWidth: 150 },
    { field: 'state', headerName: 'State', width: 140, valueFormatter: (value: string | undefined) => value ?? 'Not set' },
    { field: 'time_zone', headerName: 'Time zone', width: 120 },
    {
      field: 'created_at',
      headerName: 'Created (IST)',
      width: 120,
      valueFormatter: (value: string | undefined) => (value ? formatIstDate(value) : ''),
    },
    {
      field: 'interval_values',
      headerName: 'Interval values',
      type: 'number',
      width: 125,
      valueFormatter: whenKnown(formatCount),
    },
    {
      field: 'estimated_bytes',
      headerName: 'Storage (est.)',
      type: 'number',
      width: 115,
      valueFormatter: whenKnown(formatBytes),
    },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 130,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" sx={{ height: '100%', alignItems: 'center' }}>
          <RowAction label={`Edit tenant ${row.code}`} icon={<EditIcon fontSize="small" />} onClick={() => actions.edit(row)} />
          <RowAction
            label={`New administrator of ${row.code}`}
            icon={<PersonAddIcon fontSize="small" />}
            onClick={() => actions.addAdmin(row)}
          />
          <RowAction
            label={`Switch into ${row.code}`}
            icon={<SwapHorizIcon fontSize="small" />}
            onClick={() => actions.switchInto(row)}
          />
        </Stack>
      ),
    },
  ];
}
