import { expect, expectAccessible, signIn, test, tokenFor } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/**
 * A day far in the future, so the version is never the one in force for anything else the specs bill, and a category
 * code of the test's own: whatever versions the demo tenant holds do not change what these tests see.
 */
function uniqueTariff(prefix: string) {
  const run = Date.now();
  const month = String((run % 12) + 1).padStart(2, '0');
  const day = String((Math.floor(run / 12) % 28) + 1).padStart(2, '0');
  return { name: `${prefix} ${run}`, code: `${prefix.toUpperCase().replaceAll(' ', '-')}-${run}`, effectiveFrom: `2099-${month}-${day}` };
}

async function choose(page: Page, field: Locator, option: string) {
  await field.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('a tenant administrator adds a ToD tariff version, corrected field by field, and previews a bill under it', async ({ page, monitor }) => {
  const tariff = uniqueTariff('E2E ToD');
  await page.goto('/');
  await signIn(page, 'demo.admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Tariffs' }).click();
  await expect(page).toHaveURL(/\/billing\/tariffs/);
  await expect(page.getByRole('heading', { name: 'Tariffs', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Tariff versions' }).or(page.getByText('No tariff versions yet.'))).toBeVisible();
  await expectAccessible(page, 'Tariffs');

  await page.getByRole('button', { name: 'New version' }).click();
  const editor = page.getByRole('form', { name: 'New tariff version' });
  // a copy of the version shown when the tenant has one; this test writes its own from nothing
  await editor.getByRole('button', { name: 'Start from empty' }).click();
  await expect(editor.getByText('Starts as empty.')).toBeVisible();
  await editor.getByLabel('Name').fill(tariff.name);
  await editor.getByLabel('In force from').fill(tariff.effectiveFrom);

  const category = editor.getByRole('region', { name: 'Category 1' });
  await category.getByLabel('Code').fill(tariff.code);
  await choose(page, category.getByLabel('Consumer class'), 'Commercial');
  // above the ₹1,000 a unit the server allows: a bound the form leaves to the server
  await category.getByRole('group', { name: 'Slab 1' }).getByLabel('Rate (₹ per kWh)').fill('1500');
  await choose(page, category.getByLabel('Fixed charge basis'), 'Per kW/kVA of sanctioned load');
  await category.getByLabel('Fixed charge (₹ a month)').fill('100');

  // normal 06:00–18:00, peak 17:00–22:00 (an hour too early, and below the Rules 2023 floor), night 22:00–05:00
  // (an hour short)
  for (let i = 0; i < 3; i++) await category.getByRole('button', { name: 'Add slot' }).click();
  const normal = category.getByRole('group', { name: 'Slot 1' });
  const peak = category.getByRole('group', { name: 'Slot 2' });
  const night = category.getByRole('group', { name: 'Slot 3' });
  await normal.getByLabel('Zone').fill('NORMAL');
  await normal.getByLabel('From', { exact: true }).fill('06:00');
  await normal.getByLabel('To', { exact: true }).fill('18:00');
  await peak.getByLabel('Zone').fill('PEAK');
  await choose(page, peak.getByLabel('Kind'), 'Peak');
  await peak.getByLabel('From', { exact: true }).fill('17:00');
  await peak.getByLabel('To', { exact: true }).fill('22:00');
  await peak.getByLabel('Multiplier').fill('1.10');
  await night.getByLabel('Zone').fill('NIGHT');
  await choose(page, night.getByLabel('Kind'), 'Off-peak');
  await night.getByLabel('From', { exact: true }).fill('22:00');
  await night.getByLabel('To', { exact: true }).fill('05:00');
  await night.getByLabel('Multiplier').fill('0.90');
  // the timeline shows the gap and the overlap while typing
  await expect(category.getByRole('img', { name: /More than one slot 17:00–18:00/ })).toBeVisible();
  await expect(category.getByRole('img', { name: /No slot 05:00–06:00/ })).toBeVisible();

  await editor.getByRole('button', { name: 'Save version' }).click();
  await expect(editor.getByText('Some values need correcting before saving')).toBeVisible();
  await expect(peak.getByLabel('From', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(peak.getByText('all year: 17:00–18:00 is in more than one slot')).toBeVisible();
  await expect(night.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(night.getByText('all year: 05:00–06:00 is in no slot')).toBeVisible();
  await expect(peak.getByLabel('Multiplier')).toHaveAttribute('aria-invalid', 'true');
  await expect(peak.getByText('Peak at least 1.20 × normal for COMMERCIAL (Electricity (Rights of Consumers) Amendment Rules 2023)')).toBeVisible();
  await expectAccessible(page, 'the tariff editor with errors');

  await peak.getByLabel('From', { exact: true }).fill('18:00');
  await peak.getByLabel('Multiplier').fill('1.25');
  await night.getByLabel('To', { exact: true }).fill('06:00');
  await expect(peak.getByLabel('Multiplier')).toHaveAttribute('aria-invalid', 'false');
  await expect(category.getByRole('img', { name: 'All year: NIGHT (Off-peak) 00:00–06:00, NORMAL (Normal) 06:00–18:00, PEAK (Peak) 18:00–22:00, NIGHT (Off-peak) 22:00–24:00' })).toBeVisible();

  monitor.expectStatuses(422);
  await editor.getByRole('button', { name: 'Save version' }).click();
  const rate = category.getByRole('group', { name: 'Slab 1' }).getByLabel('Rate (₹ per kWh)');
  await expect(rate).toHaveAttribute('aria-invalid', 'true');
  await expect(category.getByRole('group', { name: 'Slab 1' }).getByText('from 0 to 1000, at most 4 decimals')).toBeVisible();
  await expect(editor.getByText('The server refused this version')).toBeVisible();
  await rate.fill('7.50');
  await editor.getByRole('button', { name: 'Save version' }).click();

  await expect(page.getByText(/^Saved as version \d+\.$/)).toBeVisible();
  const row = page.getByRole('table', { name: 'Tariff versions' }).getByRole('row').filter({ hasText: tariff.name });
  await expect(row).toContainText(tariff.code);
  await expect(row).toContainText('Scheduled');
  await expect(row).toContainText('demo.admin');
  await expect(page.getByRole('heading', { name: new RegExp(`^Version \\d+: ${tariff.name}$`) })).toBeVisible();
  const saved = page.getByRole('region', { name: `Category ${tariff.code}` });
  await expect(
    saved.getByRole('img', { name: 'All year: NIGHT (Off-peak) 00:00–06:00, NORMAL (Normal) 06:00–18:00, PEAK (Peak) 18:00–22:00, NIGHT (Off-peak) 22:00–24:00' }),
  ).toBeVisible();
  await expect(saved.getByRole('table', { name: `Energy slabs of ${tariff.code}` })).toContainText('₹7.50');

  // a bill of 20,000 kWh in a month: the fixed charge is by sanctioned load, which the server asks for beside its field
  const preview = page.getByRole('form', { name: `Bill preview of ${tariff.code}` });
  await preview.getByLabel('NORMAL (kWh)').fill('10000');
  await preview.getByLabel('PEAK (kWh)').fill('5000');
  await preview.getByLabel('NIGHT (kWh)').fill('5,000');
  await preview.getByRole('button', { name: 'Preview bill' }).click();
  await expect(preview.getByLabel('Sanctioned load (kW)')).toHaveAttribute('aria-invalid', 'true');
  await expect(preview.getByText('required', { exact: true })).toBeVisible();

  await preview.getByLabel('Sanctioned load (kW)').fill('5');
  await preview.getByRole('button', { name: 'Preview bill' }).click();
  const charges = preview.getByRole('table', { name: 'Charges by component' });
  await expect(charges.getByRole('row').filter({ hasText: /^Energy/ })).toContainText('₹1,50,000.00');
  await expect(charges.getByRole('row').filter({ hasText: 'PEAK (PEAK)' })).toContainText('₹9,375.00');
  await expect(charges.getByRole('row').filter({ hasText: 'NIGHT (OFF_PEAK)' })).toContainText('−₹3,750.00');
  await expect(charges.getByRole('row').filter({ hasText: 'Fixed charge' })).toContainText('₹500.00');
  await expect(charges.getByRole('row').filter({ hasText: 'Total' })).toContainText('₹1,56,125.00');
  await expectAccessible(page, 'a tariff version with its bill preview');
});

test('an analyst reads a tariff version and previews a bill, but adds no version', async ({ page, request }) => {
  const tariff = uniqueTariff('E2E flat');
  const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.admin')}` };
  const created = await request.post('/api/v1/billing/tariffs', {
    headers,
    data: {
      name: tariff.name,
      effective_from: tariff.effectiveFrom,
      categories: [{ code: tariff.code, consumer_class: 'AGRICULTURAL', slabs: [{ up_to: 100, rate: 2.5 }, { rate: 3.75 }] }],
    },
  });
  expect(created.status(), await created.text()).toBe(201);
  const version = await created.json();

  await page.goto(`/billing/tariffs?version=${version.id}`);
  await signIn(page, 'demo.analyst');
  await expect(page.getByText('Read only: tenant administrators add tariff versions.')).toBeVisible();
  await expect(page.getByRole('heading', { name: `Version ${version.version}: ${tariff.name}` })).toBeVisible();
  await expect(page.getByRole('region', { name: `Category ${tariff.code}` })).toContainText('Flat tariff: no time-of-day slots');
  await expect(page.getByRole('button', { name: 'New version' })).toHaveCount(0);

  const preview = page.getByRole('form', { name: `Bill preview of ${tariff.code}` });
  await preview.getByLabel('ALL_DAY (kWh)').fill('150');
  await preview.getByRole('button', { name: 'Preview bill' }).click();
  // 100 kWh at ₹2.50 and 50 at ₹3.75 make ₹437.50, rounded to the rupee (the default)
  const charges = preview.getByRole('table', { name: 'Charges by component' });
  await expect(charges.getByRole('row').filter({ hasText: 'Rounding' })).toContainText('₹0.50');
  await expect(charges.getByRole('row').filter({ hasText: 'Total' })).toContainText('₹438.00');
  await expectAccessible(page, 'a tariff version, read only');

  // nor by the editor's address
  await page.goto(`/billing/tariffs?version=${version.id}&new=1`);
  await expect(page.getByRole('heading', { name: `Version ${version.version}: ${tariff.name}` })).toBeVisible();
  await expect(page.getByRole('form', { name: 'New tariff version' })).toHaveCount(0);
});
