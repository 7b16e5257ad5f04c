import { describe, expect, it } from 'vitest';
import { isCurrentPath, navigationFor } from './navigation';

const labels = (roles: string[]) => navigationFor(roles).map((item) => item.label);

describe('menus by role', () => {
  it('gives a tenant admin every screen', () => {
    expect(labels(['TENANT_ADMIN'])).toEqual(['Overview', 'Network', 'Meters', 'VEE workbench', 'VEE settings', 'Alarms', 'Alarm rules', 'Communication loss', 'HES vendors', 'Users and roles']);
  });

  it('keeps user administration from operators', () => {
    expect(labels(['OPERATOR'])).toEqual(['Overview', 'Network', 'Meters', 'VEE workbench', 'VEE settings', 'Alarms', 'Alarm rules', 'Communication loss', 'HES vendors']);
  });

  it('gives field technicians no vendor configuration, VEE queue or alarms', () => {
    expect(labels(['FIELD_TECH'])).toEqual(['Overview', 'Network', 'Meters']);
  });

  it('gives a consumer nothing of the operations dashboard', () => {
    expect(labels(['CONSUMER'])).toEqual([]);
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
