import { describe, expect, it } from 'vitest';
import { isCurrentPath, navigationFor, opensWithoutTenant } from './navigation';

const labels = (roles: string[]) => navigationFor(roles).map((item) => item.label);

describe('menus by role', () => {
  it('gives a tenant admin every screen', () => {
    expect(labels(['TENANT_ADMIN'])).toEqual(['Overview', 'Network', 'Meters', 'VEE workbench', 'VEE settings', 'Alarms', 'Alarm rules', 'Communication loss', 'Billing runs', 'Tariffs', 'Prepaid accounts', 'Prepaid switching', 'Disconnection policy', 'HES vendors', 'Users and roles', 'Audit trail']);
  });

  it('keeps user administration from operators', () => {
    expect(labels(['OPERATOR'])).toEqual(['Overview', 'Network', 'Meters', 'VEE workbench', 'VEE settings', 'Alarms', 'Alarm rules', 'Communication loss', 'Billing runs', 'Tariffs', 'Prepaid accounts', 'Prepaid switching', 'Disconnection policy', 'HES vendors']);
  });

  it('gives field technicians no vendor configuration, VEE queue or alarms', () => {
    expect(labels(['FIELD_TECH'])).toEqual(['Overview', 'Network', 'Meters']);
  });

  it('gives a platform administrator outside any tenant the audit trail of platform actions and the tenants', () => {
    expect(labels(['PLATFORM_ADMIN'])).toEqual(['Audit trail', 'Tenants']);
  });

  it('keeps the tenants for a platform administrator acting in a tenant', () => {
    expect(labels(['PLATFORM_ADMIN', 'TENANT_ADMIN'])).toEqual([...labels(['TENANT_ADMIN']), 'Tenants']);
  });

  it('gives a consumer nothing of the operations dashboard', () => {
    expect(labels(['CONSUMER'])).toEqual([]);
  });
});

describe('screens before a tenant is chosen', () => {
  it('open only the audit trail of platform actions and the tenants', () => {
    expect(opensWithoutTenant('/audit-trail')).toBe(true);
    expect(opensWithoutTenant('/tenants')).toBe(true);
    expect(opensWithoutTenant('/users')).toBe(false);
    expect(opensWithoutTenant('/')).toBe(false);
  });
});

describe('the current menu entry', () => {
  it('covers the pages under an entry but not a sibling whose path starts the same', () => {
    expect(isCurrentPath('/meters/42', '/meters')).toBe(true);
    expect(isCurrentPath('/vee', '/vee')).toBe(true);
    expect(isCurrentPath('/vee-settings', '/vee')).toBe(false);
    expect(isCurrentPath('/vee-settings', '/vee-settings')).toBe(true);
    expect(isCurrentPath('/meters', '/')).toBe(false);
  });
});
