import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Paper } from '@mui/material';
import { DataGrid } from '@mui/x-data-grid';
import AddBusinessIcon from '@mui/icons-material/AddBusiness';
import { messageOf } from '../../api/problem';
import { useSession } from '../../auth/SessionProvider';
import { PageHeader } from '../../components/PageHeader';
import { useTenants, useTenantStorage } from './platformQueries';
import { tenantColumns } from './tenantColumns';
import { TenantAdminDialog } from './TenantAdminDialog';
import { TenantDialog } from './TenantDialog';
import { tenantRows, type Tenant } from './tenantForm';

/** The platform administrator's DISCOMs: create and edit them, give each its first administrator, switch into one. */
export default function TenantsPage() {
  const navigate = useNavigate();
  const { switchTenant } = useSession();
  const tenants = useTenants();
  const storage = useTenantStorage();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<Tenant | null>(null);
  const [adminOf, setAdminOf] = useState<string | null>(null);
  const switching = useMutation({
    mutationFn: (code: string) => switchTenant(code),
    onSuccess: () => navigate('/'),
  });

  const columns = tenantColumns({
    edit: setEditing,
    addAdmin: (tenant) => setAdminOf(tenant.code ?? null),
    switchInto: (tenant) => switching.mutate(tenant.code ?? ''),
  });
  return (
    <>
      <PageHeader
        title="Tenants"
        subtitle="Each DISCOM on the platform. Storage is each tenant's share of the meter data on disk, estimated."
        actions={
          <Button variant="contained" startIcon={<AddBusinessIcon />} onClick={() => setCreating(true)}>
            New tenant
          </Button>
        }
      />
      {tenants.isError && <Alert severity="error">{messageOf(tenants.error)}</Alert>}
      {storage.isError && <Alert severity="warning">Storage figures unavailable: {messageOf(storage.error)}</Alert>}
      {switching.isError && <Alert severity="error">{messageOf(switching.error)}</Alert>}
      <Paper sx={{ width: '100%' }}>
        <DataGrid
          aria-label="Tenants"
          rows={tenantRows(tenants.data ?? [], storage.data)}
          getRowId={(row) => row.code ?? ''}
          columns={columns}
          loading={tenants.isFetching}
          pageSizeOptions={[25, 50, 100]}
          initialState={{ pagination: { paginationModel: { pageSize: 50 } } }}
          autoHeight
          disableRowSelectionOnClick
        />
      </Paper>
      {creating && (
        // a new tenant has no one to sign in yet: its first administrator is asked for next
        <TenantDialog onClose={() => setCreating(false)} onSaved={(created) => setAdminOf(created.code ?? null)} />
      )}
      {editing && <TenantDialog tenant={editing} onClose={() => setEditing(null)} />}
      {adminOf && <TenantAdminDialog tenantCode={adminOf} onClose={() => setAdminOf(null)} />}
    </>
  );
}
