import { expect, expectAccessible, signIn, test } from './fixtures';

/** A code no earlier run against the same server has taken (the specs may run against a server kept running). */
const code = `e2e${Math.random().toString(36).slice(2, 8)}`;
const tenantAdmin = `${code}.admin`;
const tenantAdminPassword = 'rohtak-feeder-night-shift';

test('a platform administrator creates a tenant in its state with its first administrator, switches into it, and that administrator signs in', async ({
  page,
  monitor,
}) => {
  monitor.expectStatuses(422); // a time zone that changes its clocks, a password holding the username
  await page.goto('/tenants');
  await signIn(page, 'admin', 'vidyut-platform');
  await expect(page.getByRole('heading', { name: 'Tenants', level: 1 })).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Tenants' });
  await expect(grid.getByRole('row', { name: /Demo DISCOM/ })).toBeVisible();
  await expectAccessible(page, 'tenants');

  await page.getByRole('button', { name: 'New tenant' }).click();
  const dialog = page.getByRole('dialog', { name: 'New tenant' });
  await expect(dialog.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Asia/Kolkata');
  await dialog.getByRole('button', { name: 'Create tenant' }).click();
  await expect(dialog.getByText('Choose the state or union territory the DISCOM serves')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Code' }).fill(code);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Dakshin Haryana Bijli Vitran Nigam');
  await dialog.getByRole('combobox', { name: 'State or union territory' }).fill('Hary');
  await page.getByRole('option', { name: 'Haryana' }).click();
  await dialog.getByRole('combobox', { name: 'Time zone' }).fill('Europe/London');
  await expectAccessible(page, 'new tenant dialog');
  await dialog.getByRole('button', { name: 'Create tenant' }).click();
  await expect(dialog.getByText(/Europe\/London still changes its clocks/)).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Time zone' }).fill('Asia/Kolkata');
  await dialog.getByRole('button', { name: 'Create tenant' }).click();

  const admin = page.getByRole('dialog', { name: `New administrator of ${code}` });
  await expect(admin.getByRole('textbox', { name: 'Username' })).toHaveValue(`${code}.`);
  await admin.getByRole('textbox', { name: 'Username' }).fill(tenantAdmin);
  await admin.getByRole('textbox', { name: 'Display name' }).fill('Tenant Administrator');
  await admin.getByLabel('Initial password').fill(`${tenantAdmin}-password`);
  await admin.getByRole('button', { name: 'Create administrator' }).click();
  await expect(admin.getByText('must not contain the username')).toBeVisible();
  await admin.getByLabel('Initial password').fill(tenantAdminPassword);
  await admin.getByRole('button', { name: 'Create administrator' }).click();
  await expect(admin.getByText(`${tenantAdmin} can now sign in as the tenant's administrator`)).toBeVisible();
  await admin.getByRole('button', { name: 'Close' }).click();

  const row = grid.getByRole('row', { name: new RegExp(code) });
  await expect(row).toContainText('Haryana');
  await expect(row).toContainText('Asia/Kolkata');
  await expect(row).toContainText(/\d{2} [A-Z][a-z]{2} \d{4}/); // created, as an IST date

  await page.getByRole('button', { name: `Edit tenant ${code}` }).click();
  const edit = page.getByRole('dialog', { name: `Edit tenant ${code}` });
  await edit.getByRole('textbox', { name: 'Name' }).fill('DHBVN (Hisar zone)');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('DHBVN (Hisar zone)');

  await page.getByRole('button', { name: `Switch into ${code}` }).click();
  await expect(page.getByTestId('current-tenant')).toHaveText(`Tenant: ${code}`);
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, tenantAdmin, tenantAdminPassword);
  await expect(page.getByTestId('current-tenant')).toHaveText(`Tenant: ${code}`);
  await expect(page.getByRole('link', { name: 'Users and roles' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tenants' })).toHaveCount(0);
});
