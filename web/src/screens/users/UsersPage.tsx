import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Chip, Paper, Stack } from '@mui/material';
import { DataGrid, type GridColDef, type GridPaginationModel } from '@mui/x-data-grid';
import PersonAddIcon from '@mui/icons-material/PersonAdd';
import { api, type Schemas } from '../../api/client';
import { unwrap } from '../../api/problem';
import { PageHeader } from '../../components/PageHeader';
import { formatIstDateTime } from '../../format/indian';
import { CreateUserDialog } from './CreateUserDialog';
import { EditRolesDialog } from './EditRolesDialog';

type User = Schemas['UserAccount'];

function columns(onEdit: (user: User) => void): GridColDef<User>[] {
  return [
    { field: 'username', headerName: 'Username', width: 160 },
    { field: 'display_name', headerName: 'Name', flex: 1, minWidth: 180 },
    {
      field: 'roles',
      headerName: 'Roles',
      flex: 1,
      minWidth: 200,
      sortable: false,
      renderCell: ({ row }) => (
        <Stack direction="row" spacing={0.5} sx={{height: '100%', alignItems: "center" }}>
          {(row.roles ?? []).map((role) => (
            <Chip key={role} label={role} size="small" />
          ))}
        </Stack>
      ),
    },
    { field: 'enabled', headerName: 'Enabled', type: 'boolean', width: 90 },
    {
      field: 'created_at',
      headerName: 'Created (IST)',
      width: 190,
      valueFormatter: (value: string | undefined) => (value ? formatIstDateTime(value) : ''),
    },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 140,
      sortable: false,
      renderCell: ({ row }) => (
        <Button size="small" onClick={() => onEdit(row)} aria-label={`Change roles of ${row.username}`}>
          Change roles
        </Button>
      ),
    },
  ];
}

export default function UsersPage() {
  const [pagination, setPagination] = useState<GridPaginationModel>({ page: 0, pageSize: 50 });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const users = useQuery({
    queryKey: ['users', pagination],
    queryFn: async () =>
      unwrap(await api.GET('/api/v1/users', { params: { query: { page: pagination.page, size: pagination.pageSize } } })),
    placeholderData: (previous) => previous,
  });
  return (
    <>
      <PageHeader
        title="Users and roles"
        actions={
          <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => setCreating(true)}>
            New user
          </Button>
        }
      />
      <Paper sx={{ width: '100%' }}>
        <DataGrid
          aria-label="Users"
          rows={users.data?.items ?? []}
          getRowId={(row) => row.id ?? row.username ?? ''}
          columns={columns(setEditing)}
          loading={users.isFetching}
          paginationMode="server"
          rowCount={users.data?.total ?? 0}
          paginationModel={pagination}
          onPaginationModelChange={setPagination}
          pageSizeOptions={[25, 50, 100]}
          autoHeight
          disableRowSelectionOnClick
        />
      </Paper>
      <CreateUserDialog open={creating} onClose={() => setCreating(false)} />
      {editing && <EditRolesDialog user={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
