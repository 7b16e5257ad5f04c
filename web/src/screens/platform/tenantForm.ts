import type { Schemas } from '../../api/client';
import { IST_ZONE } from '../../format/indian';

export type Tenant = Schemas['Tenant'];
type TenantStorage = Schemas['TenantStorage'];

/** What the tenant dialog edits; the code only while creating (it names the tenant for good). */
export interface TenantForm {
  code: string;
  name: string;
  time_zone: string;
  state: string;
}

/** The server's rule for a tenant code (it prefixes usernames and appears in URLs). */
const CODE = /^[a-z0-9][a-z0-9-]{1,31}$/;

export const NEW_TENANT: TenantForm = { code: '', name: '', time_zone: IST_ZONE, state: '' };

export function formOf(tenant: Tenant): TenantForm {
  return { code: tenant.code ?? '', name: tenant.name ?? '', time_zone: tenant.time_zone ?? IST_ZONE, state: tenant.state ?? '' };
}

/** What the server would refuse, said before asking it; whether a zone or state is known stays the server's call. */
export function checkTenant(form: TenantForm, creating: boolean): Record<string, string> {
  const errors: Record<string, string> = {};
  if (creating && !CODE.test(form.code)) errors.code = '2 to 32 lower-case letters, digits or -, not starting with -';
  if (form.name.trim() === '') errors.name = 'Enter the DISCOM’s name';
  if (form.time_zone.trim() === '') errors.time_zone = 'Enter a time zone, e.g. Asia/Kolkata';
  if (form.state === '') errors.state = 'Choose the state or union territory the DISCOM serves';
  return errors;
}

export interface TenantRow extends Tenant {
  /** Absent while the storage figures load, or when they could not be read. */
  interval_values?: number;
  estimated_bytes?: number;
}

/** The tenants with their storage figures beside them, matched by code. */
export function tenantRows(tenants: readonly Tenant[], storage: readonly TenantStorage[] | undefined): TenantRow[] {
  const byCode = new Map((storage ?? []).map((s) => [s.tenant_code, s]));
  return tenants.map((tenant) => {
    const figures = byCode.get(tenant.code);
    return figures ? { ...tenant, interval_values: figures.interval_values, estimated_bytes: figures.estimated_bytes } : { ...tenant };
  });
}
