import { describe, expect, it } from 'vitest';
import { checkTenant, formOf, NEW_TENANT, tenantRows } from './tenantForm';

const filled = { code: 'dhbvn', name: 'Dakshin Haryana Bijli Vitran Nigam', time_zone: 'Asia/Kolkata', state: 'Haryana' };

describe('a tenant form', () => {
  it('starts a new tenant in IST with nothing else filled in', () => {
    expect(NEW_TENANT).toEqual({ code: '', name: '', time_zone: 'Asia/Kolkata', state: '' });
  });

  it('takes a code of lower-case letters, digits and dashes, as the server does', () => {
    expect(checkTenant(filled, true)).toEqual({});
    expect(checkTenant({ ...filled, code: 'DHBVN' }, true).code).toBeDefined();
    expect(checkTenant({ ...filled, code: '-dhbvn' }, true).code).toBeDefined();
    expect(checkTenant({ ...filled, code: 'd' }, true).code).toBeDefined();
    expect(checkTenant({ ...filled, code: 'a'.repeat(33) }, true).code).toBeDefined();
  });

  it('does not judge the code of a tenant being edited, which cannot change', () => {
    expect(checkTenant({ ...filled, code: 'Legacy_Code' }, false)).toEqual({});
  });

  it('asks for a name, a time zone and a state', () => {
    expect(checkTenant({ ...filled, name: '  ', time_zone: '', state: '' }, false)).toEqual({
      name: 'Enter the DISCOM’s name',
      time_zone: 'Enter a time zone, e.g. Asia/Kolkata',
      state: 'Choose the state or union territory the DISCOM serves',
    });
  });

  it('edits a tenant created before states were recorded with its state still to choose', () => {
    expect(formOf({ code: 'old', name: 'Old DISCOM', time_zone: 'Asia/Kolkata' })).toEqual({
      code: 'old',
      name: 'Old DISCOM',
      time_zone: 'Asia/Kolkata',
      state: '',
    });
  });
});

describe('tenant rows', () => {
  const tenants = [{ code: 'demo', name: 'Demo' }, { code: 'dhbvn', name: 'DHBVN' }];

  it('carry each tenant\'s own storage figures', () => {
    const storage = [
      { tenant_code: 'dhbvn', interval_values: 0, register_values: 0, estimated_bytes: 0 },
      { tenant_code: 'demo', interval_values: 12_34_567, register_values: 10, estimated_bytes: 2048 },
    ];
    expect(tenantRows(tenants, storage)).toEqual([
      { code: 'demo', name: 'Demo', interval_values: 12_34_567, estimated_bytes: 2048 },
      { code: 'dhbvn', name: 'DHBVN', interval_values: 0, estimated_bytes: 0 },
    ]);
  });

  it('are the tenants alone while storage is not known', () => {
    expect(tenantRows(tenants, undefined)).toEqual(tenants);
    expect(tenantRows([...tenants, { code: 'new', name: 'Created since' }], [])).toHaveLength(3);
  });
});
