import { expect, expectAccessible, signIn, test } from './fixtures';

test('VEE settings of a meter class are saved as a version, with the server refusing a bad value beside its field', async ({
  page,
  monitor,
}) => {
  await page.goto('/');
  await signIn(page, 'demo.admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'VEE settings' }).click();
  await expect(page).toHaveURL(/\/vee-settings$/);
  await expect(page.getByRole('heading', { name: 'VEE settings', level: 1 })).toBeVisible();
  await expect(page.getByTestId('settings-in-force')).toHaveText(/Built-in defaults|In force: version/);
  await expectAccessible(page, 'VEE settings');

  await page.getByLabel('Meter class').click();
  await page.getByRole('option', { name: 'DT meters' }).click();
  await expect(page).toHaveURL(/\/vee-settings\?class=DT$/);
  // a fresh demo tenant has no DT settings of its own (a rerun against the same server finds the last run's)
  await expect(page.getByTestId('settings-in-force')).toHaveText(/goes by DEFAULT|In force: version/);
  const form = page.getByRole('form', { name: 'VEE settings of DT' });

  // the form's own check: not a number, nothing sent
  await form.getByLabel('Spike window (intervals each side)').fill('eight');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('A whole number')).toBeVisible();

  // the server's check: a spike factor must be more than 1
  monitor.expectStatuses(422);
  await form.getByLabel('Spike window (intervals each side)').fill('6');
  await form.getByLabel('Spike factor', { exact: true }).fill('1');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('must be more than 1')).toBeVisible();
  await expect(form.getByLabel('Spike factor', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Spike factor', { exact: true }).fill('6');
  await form.getByLabel('Register maximum (kWh)').fill('9,99,999.999');
  await form.getByRole('checkbox', { name: 'Flat line' }).uncheck();
  await form.getByLabel('Holidays (estimated like Sundays)').fill('2026-11-08, 2026-10-20');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/^Saved as version \d+\.$/)).toBeVisible();
  await expect(page.getByTestId('settings-in-force')).toContainText('saved by demo.admin');
  await expect(page.getByTestId('settings-in-force')).toContainText('IST');
  await expect(page.getByRole('table', { name: 'Versions of the DT settings' })).toContainText('demo.admin');
  await expect(form.getByLabel('Register maximum (kWh)')).toHaveValue('999999.999');
  await expect(form.getByRole('checkbox', { name: 'Flat line' })).not.toBeChecked();
  await expect(form.getByLabel('Holidays (estimated like Sundays)')).toHaveValue('2026-10-20, 2026-11-08');
  await expectAccessible(page, 'VEE settings after saving');
});

test('an analyst reads the VEE settings but cannot change them', async ({ page }) => {
  await page.goto('/vee-settings?class=DT');
  await signIn(page, 'demo.analyst');
  await expect(page.getByText('Read only: tenant administrators change these settings.')).toBeVisible();
  const form = page.getByRole('form', { name: 'VEE settings of DT' });
  await expect(form.getByLabel('Spike factor', { exact: true })).toHaveAttribute('readonly', '');
  await expect(form.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
});
