import { describe, expect, it } from 'vitest';
import { navigationFor } from './navigation';

const labels = (roles: string[]) => navigationFor(roles).map((item) => item.label);

describe('menus by role', () => {
  it('gives a tenant admin every screen', () => {
    expect(labels(['TENANT_ADMIN'])).toEqual(['Overview', 'Network', 'Meters', 'VEE workbench', 'Alarms', 'HES vendors', 'Users and roles']);
  });

  it('keeps user administration from operators', () => {
    expect(labels(['OPERATOR'])).toEqual(['Overview', 'Network', 'Meters', 'VEE workbench', 'Alarms', 'HES vendors']);
  });

  it('gives field technicians no vendor configuration, VEE queue or alarms', () => {
    expect(labels(['FIELD_TECH'])).toEqual(['Overview', 'Network', 'Meters']);
  });

  it('gives a consumer nothing of the operations dashboard', () => {
    expect(labels(['CONSUMER'])).toEqual([]);
  });
});
