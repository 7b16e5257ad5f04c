import { Link as RouterLink, useNavigate } from 'react-router';
import { useState } from 'react';
import { Button, Link, Paper } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import type { Schemas } from '../../api/client';
import { hasAnyRole, TENANT_ADMINS } from '../../auth/roles';
import { useSignedIn } from '../../auth/SessionProvider';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { formatIstDateTime } from '../../format/indian';
import { CreateVendorDialog } from './CreateVendorDialog';
import { useVendors } from './vendorQueries';

type Vendor = Schemas['HesVendor'];

const COLUMNS: GridColDef<Vendor>[] = [
  {
    field: 'code',
    headerName: 'Code',
    width: 120,
    renderCell: ({ row }) => (
      <Link component={RouterLink} to={`/vendors/${row.id}`} tabIndex={-1}>
        {row.code}
      </Link>
    ),
  },
  { field: 'name', headerName: 'Name', flex: 1, minWidth: 200 },
  { field: 'protocol', headerName: 'Protocol', width: 110 },
  {
    field: 'ip_allowlist',
    headerName: 'IP allowlist',
    flex: 1,
    minWidth: 160,
    valueGetter: (value: string[] | undefined) => (value ?? []).join(', '),
  },
  {
    field: 'api_keys',
    headerName: 'API keys',
    width: 100,
    type: 'number',
    valueGetter: (value: unknown[] | undefined) => (value ?? []).length,
  },
  {
    field: 'created_at',
    headerName: 'Registered (IST)',
    width: 200,
    valueFormatter: (value: string | undefined) => (value ? formatIstDateTime(value) : ''),
  },
];

export default function VendorsPage() {
  const session = useSignedIn();
  const vendors = useVendors();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <>
      <PageHeader
        title="HES vendors"
        subtitle="Each head-end system that pushes data to this tenant. Enter opens a vendor."
        actions={
          hasAnyRole(session.roles, TENANT_ADMINS) && (
            <Button variant="contained" startIcon={<AddIcon />} onClick={() => setCreating(true)}>
              New vendor
            </Button>
          )
        }
      />
      {creating && <CreateVendorDialog open onClose={() => setCreating(false)} />}
      <QueryStatus query={vendors}>
        {(rows) => (
          <Paper sx={{ width: '100%' }}>
            <DataGrid
              aria-label="HES vendors"
              rows={rows}
              getRowId={(row) => row.id ?? row.code ?? ''}
              columns={COLUMNS}
              autoHeight
              hideFooter={rows.length <= 100}
              disableRowSelectionOnClick
              onRowClick={({ row }) => navigate(`/vendors/${row.id}`)}
              onCellKeyDown={({ row }, event) => {
                if (event.key === 'Enter') navigate(`/vendors/${row.id}`);
              }}
            />
          </Paper>
        )}
      </QueryStatus>
    </>
  );
}
