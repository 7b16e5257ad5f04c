import type { APIRequestContext } from '@playwright/test';
import { expect, expectAccessible, signIn, test, tokenFor } from './fixtures';

/**
 * The prepaid operators' screens (issue 16 item 8): a PREPAID consumer's account opened in debt with arrears is found
 * among the negative accounts, opened, recharged at the counter (the server's amount rule shown beside the amount), and
 * a manual reconnection asks for a reason; an analyst reads the same without the actions; the switching list; an
 * administrator edits the disconnection policy (the server's bounds beside the fields) and the public holidays, which an
 * operator only reads.
 */

interface Account {
  id: string;
  account_no: string;
}

async function headersOf(request: APIRequestContext, username = 'demo.admin') {
  return { Authorization: `Bearer ${await tokenFor(request, username)}` };
}

/** A PREPAID consumer of its own (no meter) and its account, opened ₹250.75 in debt with ₹200 of arrears. */
async function openAccount(request: APIRequestContext, suffix: string): Promise<Account> {
  const headers = await headersOf(request);
  const accountNo = `E2E-PP-${suffix}-${Date.now() % 1_000_000_000}`;
  const consumer = await request.post('/api/v1/consumers', {
    headers,
    data: { account_no: accountNo, name: `E2E prepaid ${suffix}`, tariff_category: 'LT-1 Domestic', sanctioned_load_kw: 2, supply_mode: 'PREPAID' },
  });
  expect(consumer.status(), await consumer.text()).toBe(201);
  const opened = await request.post('/api/v1/prepaid/accounts', {
    headers,
    data: { account_no: accountNo, opening_balance: -250.75, arrears: 200 },
  });
  expect(opened.status(), await opened.text()).toBe(201);
  return opened.json();
}

let account: Account;

test.beforeAll(async ({ request }) => {
  account = await openAccount(request, 'OP');
});

test('an operator finds a negative account, recharges it at the counter and is asked why to reconnect', async ({ page, monitor }) => {
  await page.goto('/prepaid/accounts');
  await signIn(page, 'demo.operator');
  await expect(page.getByRole('heading', { level: 1, name: 'Prepaid accounts' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Prepaid accounts' })).toBeVisible();

  // the negative filter and the account number find it, its debt in Indian grouping
  // the filter lives in the URL, so the box is checked once the location has changed
  await page.getByLabel('Zero or negative balance only').click();
  await expect(page.getByLabel('Zero or negative balance only')).toBeChecked();
  await expect(page).toHaveURL(/negative=true/);
  await page.getByLabel('Account number').fill(account.account_no);
  const grid = page.getByRole('grid', { name: 'Prepaid accounts' });
  const row = grid.getByRole('row').filter({ hasText: account.account_no });
  await expect(row).toContainText('−₹250.75');
  await expect(row).toContainText('Connected');
  await expectAccessible(page, 'prepaid accounts');

  await row.getByRole('link', { name: account.account_no }).click();
  await expect(page).toHaveURL(new RegExp(`/prepaid/accounts/${account.id}$`));
  await expect(page.getByRole('heading', { level: 1, name: `Prepaid account ${account.account_no}` })).toBeVisible();
  const balance = page.getByRole('region', { name: 'Balance' });
  await expect(balance.getByRole('row', { name: /^Ledger balance/ })).toContainText('−₹250.75');
  await expect(balance).toContainText('provisional');
  await expect(balance.getByRole('table', { name: 'Balance' })).toContainText('₹200.00');
  const ledger = page.getByRole('grid', { name: 'Ledger' });
  await expect(ledger.getByRole('row').filter({ hasText: 'Opening balance' })).toContainText('−₹250.75');
  await expectAccessible(page, 'prepaid account');

  // a counter recharge: the form's own checks, then the tenant's amount rule from the server beside the amount
  monitor.expectStatuses(422);
  await page.getByRole('button', { name: 'Counter recharge…' }).click();
  const dialog = page.getByRole('dialog', { name: `Counter recharge of ${account.account_no}` });
  await dialog.getByRole('button', { name: 'Credit recharge' }).click();
  await expect(dialog.getByText('The receipt number: 1–64 of A–Z a–z 0–9 . _ : / -')).toBeVisible();
  const receipt = `E2E-RCPT-${Date.now()}`;
  await dialog.getByLabel('Receipt number').fill(receipt);
  await dialog.getByLabel('Amount (₹)').fill('5');
  await expectAccessible(page, 'counter recharge dialog');
  await dialog.getByRole('button', { name: 'Credit recharge' }).click();
  await expect(dialog.getByText(/₹10\.00 to ₹100000\.00/)).toBeVisible();
  await dialog.getByLabel('Amount (₹)').fill('500');
  await dialog.getByRole('button', { name: 'Credit recharge' }).click();
  // a quarter of the recharge recovers arrears: −250.75 + 500 − 125 = 124.25
  await expect(dialog.getByRole('alert')).toContainText('Credited ₹500.00. The balance is now ₹124.25, after ₹125.00 towards arrears.');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
  await expect(balance.getByRole('row', { name: /^Ledger balance/ })).toContainText('₹124.25');
  await expect(ledger.getByRole('row').filter({ hasText: 'Arrears instalment' })).toContainText('−₹125.00');
  await expect(ledger.getByRole('row').filter({ hasText: 'Recharge' }).filter({ hasText: receipt })).toContainText('+₹500.00');
  await expect(page.getByRole('grid', { name: 'Recharges' }).getByRole('row').filter({ hasText: receipt })).toContainText('₹500.00');

  // a manual reconnection needs a reason; without a meter in service the server refuses it, said in the dialog
  monitor.expectStatuses(409);
  await page.getByRole('button', { name: 'Reconnect now…' }).click();
  const reconnect = page.getByRole('dialog', { name: `Reconnect ${account.account_no} now` });
  await reconnect.getByRole('button', { name: 'Reconnect now' }).click();
  await expect(reconnect.getByText('Say why the supply is reconnected whatever the balance')).toBeVisible();
  await expectAccessible(page, 'reconnect dialog');
  await reconnect.getByLabel('Reason').fill('e2e: consumer paid at the sub-division office');
  await reconnect.getByRole('button', { name: 'Reconnect now' }).click();
  await expect(reconnect.getByRole('alert')).toContainText('has no meter in service');
  await reconnect.getByRole('button', { name: 'Cancel' }).click();
  await expect(reconnect).toBeHidden();
});

test('an analyst reads accounts and switching without the actions', async ({ page }) => {
  await page.goto(`/prepaid/accounts/${account.id}`);
  await signIn(page, 'demo.analyst');
  await expect(page.getByRole('heading', { level: 1, name: `Prepaid account ${account.account_no}` })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Ledger' }).getByRole('row').filter({ hasText: 'Opening balance' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Counter recharge…' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Reconnect now…' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Prepaid switching' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Prepaid switching' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Disconnections and reconnections' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Action' }).click();
  await page.getByRole('option', { name: 'Reconnect' }).click();
  await expect(page).toHaveURL(/action=RECONNECT/);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Failed' }).click();
  await expect(page).toHaveURL(/status=FAILED/);
  await expectAccessible(page, 'prepaid switching');
});

test('an administrator edits the policy, sees the allowed windows and keeps the holidays', async ({ page, monitor }) => {
  await page.goto('/prepaid/policy');
  await signIn(page, 'demo.admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Disconnection policy' })).toBeVisible();
  const form = page.getByRole('form', { name: 'Edit the disconnection policy' });
  await expect(form.getByLabel('Stale data (hours)')).toHaveValue(/^\d+$/);
  const staleHours = await form.getByLabel('Stale data (hours)').inputValue();
  await expect(page.getByRole('table', { name: 'Windows in which disconnection is allowed, the next 7 days' })).toBeVisible();
  await expectAccessible(page, 'prepaid policy');

  // the form's own check, then the server's bound beside the field; nothing is stored
  monitor.expectStatuses(422);
  await form.getByLabel('Stale data (hours)').fill('2.5');
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(form.getByText('A whole number')).toBeVisible();
  await form.getByLabel('Stale data (hours)').fill('0');
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(form.getByText('1 to 720')).toBeVisible();
  await expectAccessible(page, 'prepaid policy with field errors');
  await form.getByLabel('Stale data (hours)').fill(staleHours);
  await form.getByRole('button', { name: 'Save policy' }).click();
  await expect(form.getByText('The policy is saved.')).toBeVisible();

  // a holiday some months on is added, listed and removed
  const day = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
  const holidays = page.getByRole('region', { name: 'Public holidays' });
  await holidays.getByLabel('Day', { exact: true }).fill(day);
  await holidays.getByLabel('Holiday name').fill('E2E Foundation Day');
  await holidays.getByRole('button', { name: 'Add holiday' }).click();
  const listed = holidays.getByRole('table', { name: 'Public holidays' }).getByRole('row').filter({ hasText: 'E2E Foundation Day' });
  await expect(listed).toBeVisible();
  await listed.getByRole('button', { name: /^Remove E2E Foundation Day/ }).click();
  await expect(listed).toHaveCount(0);
});

test('an operator reads the policy without the editor', async ({ page }) => {
  await page.goto('/prepaid/policy');
  await signIn(page, 'demo.operator');
  await expect(page.getByRole('table', { name: 'Disconnection policy' })).toContainText('Protected hours');
  await expect(page.getByRole('button', { name: 'Save policy' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add holiday' })).toHaveCount(0);
  await expectAccessible(page, 'prepaid policy read');
});
