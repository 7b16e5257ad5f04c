import type { APIRequestContext } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect, expectAccessible, HPL_API_KEY, hplConsumerMeter, istDayIntervalEnds, signIn, test, tokenFor } from './fixtures';

/**
 * Billing cycles and runs in the dashboard (issue 15 item 8): a consumer with two complete IST days of intervals and
 * register reads is READY, one without data is held as an EXCEPTION; the run is followed, the exception accepted with
 * a reason, the determinants downloaded as CSV and exported, one consumer's ToD breakdown and bill shown.
 */

const REGISTER = '1.0.1.8.0.255';
const BLOCK_KWH = '1.0.1.29.0.255';
/** The period: the whole IST days three and two days back, so every interval and both register reads are in the past. */
const firstEnds = istDayIntervalEnds(3);
const lastEnds = istDayIntervalEnds(2);
const FIRST_DAY = firstEnds[0].slice(0, 10);
const LAST_DAY = lastEnds[0].slice(0, 10);

interface Consumer {
  id: string;
  account_no: string;
  dt_id: string;
}

async function adminHeaders(request: APIRequestContext) {
  return { Authorization: `Bearer ${await tokenFor(request, 'demo.admin')}` };
}

async function consumerOfMeter(request: APIRequestContext, index: number): Promise<{ serial: string; consumer: Consumer }> {
  const headers = await adminHeaders(request);
  const meter = await hplConsumerMeter(request, index);
  const detail = await (await request.get(`/api/v1/meters/${meter.id}`, { headers })).json();
  const consumer = await (await request.get(`/api/v1/consumers/${detail.consumer_id}`, { headers })).json();
  return { serial: meter.serial, consumer };
}

/** A tariff version for both demo categories with ToD zones (normal, solar, peak), in force long before the period. */
async function ensureTariff(request: APIRequestContext) {
  const slots = (peak: number) => [
    { zone: 'NORMAL', kind: 'NORMAL', from: '22:00', to: '09:00', multiplier: 1 },
    { zone: 'SOLAR', kind: 'SOLAR', from: '09:00', to: '17:00', multiplier: 0.8 },
    { zone: 'NORMAL', kind: 'NORMAL', from: '17:00', to: '18:00', multiplier: 1 },
    { zone: 'PEAK', kind: 'PEAK', from: '18:00', to: '22:00', multiplier: peak },
  ];
  const response = await request.post('/api/v1/billing/tariffs', {
    headers: await adminHeaders(request),
    data: {
      name: 'E2E tariff order 2020',
      effective_from: '2020-01-01',
      categories: [
        { code: 'LT-1 Domestic', consumer_class: 'DOMESTIC', slabs: [{ up_to: 100, rate: 3.5 }, { rate: 5.25 }], tod_slots: slots(1.1),
          fixed_charge: { basis: 'PER_LOAD_UNIT', rate: 50 }, duty_percent: 16 },
        { code: 'LT-2 Non-Domestic', consumer_class: 'COMMERCIAL', slabs: [{ rate: 7.1 }], tod_slots: slots(1.25),
          fixed_charge: { basis: 'PER_LOAD_UNIT', rate: 120 } },
      ],
    },
  });
  expect([201, 409, 422], await response.text()).toContain(response.status());
}

/** Two whole days of quarter-hour import and import register reads at the period's start and end that agree with them. */
async function pushTwoDays(request: APIRequestContext, serial: string) {
  const ends = [...firstEnds, ...lastEnds];
  const kwh = (i: number) => Number((0.1 + 0.15 * Math.sin((i / 96) * Math.PI) ** 2).toFixed(3));
  const opening = 1000;
  const total = ends.reduce((sum, _end, i) => sum + kwh(i), 0);
  const intervals = [
    { end: `${FIRST_DAY}T00:00:00+05:30`, values: { [REGISTER]: opening } },
    ...ends.map((end, i) => ({ end, values: { [BLOCK_KWH]: kwh(i) } })),
    { end: ends[ends.length - 1], values: { [REGISTER]: Number((opening + total).toFixed(3)) } },
  ];
  const pushed = await request.post('/api/v1/meters/readings', {
    headers: { 'X-API-Key': HPL_API_KEY, 'Content-Type': 'application/json' },
    data: JSON.stringify({ batch_id: `E2E-BILLING-${serial}-${Date.now()}`, meters: [{ serial, intervals }] }),
  });
  expect(pushed.ok(), await pushed.text()).toBeTruthy();
}

/** Waits until the consumer's computed determinants see every interval pushed (ingestion is done). */
async function expectCompleteData(request: APIRequestContext, consumer: Consumer) {
  const headers = await adminHeaders(request);
  await expect
    .poll(async () => {
      const page = await (
        await request.get(
          `/api/v1/billing/consumption-summary?source=COMPUTED&node_id=${consumer.dt_id}&account_no=${consumer.account_no}` +
            `&first_day=${FIRST_DAY}&last_day=${LAST_DAY}`,
          { headers },
        )
      ).json();
      return page.items?.[0]?.determinants?.coverage?.missing;
    }, { timeout: 30_000 })
    .toBe(0);
}

let ready: { serial: string; consumer: Consumer };
let empty: { serial: string; consumer: Consumer };

test.beforeAll(async ({ request }) => {
  await ensureTariff(request);
  ready = await consumerOfMeter(request, 3);
  empty = await consumerOfMeter(request, 6);
  await pushTwoDays(request, ready.serial);
  await expectCompleteData(request, ready.consumer);
});

test('an administrator adds a cycle, runs named consumers, accepts the exception, downloads, exports and reads the determinants', async ({ page, request, monitor }) => {
  const headers = await adminHeaders(request);
  // a REST push to the loopback address is refused for good; a drop folder (under the e2e server's drop root) takes it
  const refusing = `E2E-PUSH-${Date.now()}`;
  const system = `E2E-DROP-${Date.now()}`;
  for (const data of [
    { code: refusing, name: 'E2E push to loopback', delivery: { mode: 'REST_PUSH', url: 'http://127.0.0.1:9/bills' } },
    { code: system, name: 'E2E drop folder', delivery: { mode: 'FILE_DROP', format: 'CSV', folder: 'e2e' } },
  ]) {
    const created = await request.post('/api/v1/billing/systems', { headers, data });
    expect(created.status(), await created.text()).toBe(201);
  }
  const dt = await (await request.get(`/api/v1/network/nodes/${ready.consumer.dt_id}`, { headers })).json();

  await page.goto('/billing/runs');
  await signIn(page, 'demo.admin');
  await expect(page.getByRole('heading', { level: 1, name: 'Billing runs' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Billing runs' })).toBeVisible();
  await expectAccessible(page, 'billing runs');

  // a cycle over the consumer's DT: the form's own checks first, then the server's
  const cycleCode = `E2E-CYCLE-${Date.now()}`;
  await page.getByRole('button', { name: 'New cycle' }).click();
  const cycleDialog = page.getByRole('dialog', { name: 'New billing cycle' });
  await cycleDialog.getByRole('button', { name: 'Add cycle' }).click();
  await expect(cycleDialog.getByText('Add at least one network node')).toBeVisible();
  await expect(cycleDialog.getByText('1–64 letters, digits, dots, dashes or underscores')).toBeVisible();
  await cycleDialog.getByLabel('Code').fill(cycleCode);
  await cycleDialog.getByLabel('Name').fill('E2E cycle of one DT');
  await cycleDialog.getByLabel('Cycle day').fill('5');
  await cycleDialog.getByLabel('Find a network node').fill(dt.code);
  await cycleDialog.getByRole('button', { name: new RegExp(`^${dt.code} · `) }).click();
  await expect(cycleDialog.getByRole('list', { name: 'Nodes of the cycle' })).toContainText(dt.code);
  await expectAccessible(page, 'new cycle dialog');
  await cycleDialog.getByRole('button', { name: 'Add cycle' }).click();
  await expect(cycleDialog).toBeHidden();
  const cycles = page.getByRole('table', { name: 'Billing cycles' });
  await expect(cycles.getByRole('row').filter({ hasText: cycleCode })).toContainText('Monthly from day 5');
  await expect(cycles.getByRole('row').filter({ hasText: cycleCode })).toContainText(dt.code);

  // another cycle over the same DT overlaps: the server's 409 is shown beside the nodes
  monitor.expectStatuses(409);
  await page.getByRole('button', { name: 'New cycle' }).click();
  await cycleDialog.getByLabel('Code').fill(`${cycleCode}-B`);
  await cycleDialog.getByLabel('Name').fill('Overlapping cycle');
  await cycleDialog.getByLabel('Find a network node').fill(dt.code);
  await cycleDialog.getByRole('button', { name: new RegExp(`^${dt.code} · `) }).click();
  await cycleDialog.getByRole('button', { name: 'Add cycle' }).click();
  await expect(cycleDialog.getByText(/overlap cycle/)).toBeVisible();
  await cycleDialog.getByRole('button', { name: 'Cancel' }).click();

  // an interim run of the consumer with data and the one without
  await page.getByRole('button', { name: 'Start run' }).click();
  const runDialog = page.getByRole('dialog', { name: 'Start a billing run' });
  await runDialog.getByRole('radio', { name: /Named consumers/ }).check();
  await runDialog.getByRole('button', { name: 'Start run' }).click();
  await expect(runDialog.getByText('Give at least one account number')).toBeVisible();
  await runDialog.getByLabel('Account numbers').fill(`${ready.consumer.account_no}, ${empty.consumer.account_no}`);
  await runDialog.getByLabel('First day').fill(FIRST_DAY);
  await runDialog.getByLabel('Last day').fill(LAST_DAY);
  await expectAccessible(page, 'start run dialog');
  await runDialog.getByRole('button', { name: 'Start run' }).click();
  await expect(page).toHaveURL(/\/billing\/runs\/[0-9a-f-]{36}$/);

  // followed until done
  const progress = page.getByRole('region', { name: 'Progress' });
  await expect(progress.getByRole('table', { name: 'The run' })).toContainText('Done');
  await expect(progress).toContainText('2 of 2 consumers, 1 exception');
  await expect(progress).toContainText('Interim');

  // the consumer without data waits in the exception queue with its reasons
  const exceptions = page.getByRole('region', { name: 'Exceptions' });
  const held = exceptions.getByRole('row').filter({ hasText: empty.consumer.account_no });
  await expect(held).toContainText('Missing intervals');
  await expectAccessible(page, 'billing run');
  await held.getByRole('button', { name: `Accept ${empty.consumer.account_no}` }).click();
  const acceptDialog = page.getByRole('dialog', { name: `Accept the exception of ${empty.consumer.account_no}` });
  await acceptDialog.getByRole('button', { name: 'Accept for billing' }).click();
  await expect(acceptDialog.getByText('Say why these determinants may be billed as they stand')).toBeVisible();
  await acceptDialog.getByLabel('Reason').fill('e2e: premises locked for the period, nil consumption confirmed on site');
  await acceptDialog.getByRole('button', { name: 'Accept for billing' }).click();
  await expect(acceptDialog).toBeHidden();
  await expect(exceptions).toContainText('No determinants of this run wait in the exception queue.');

  // the determinants, paged by the server, and their CSV
  const grid = page.getByRole('grid', { name: 'Determinants of the run' });
  await expect(grid.getByRole('row').filter({ hasText: ready.consumer.account_no })).toContainText('Ready');
  await expect(grid.getByRole('row').filter({ hasText: empty.consumer.account_no })).toContainText('Accepted');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^determinants-[0-9a-f-]{36}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain(ready.consumer.account_no);
  expect(csv).toContain(empty.consumer.account_no);

  // exported to a billing system: a refused delivery says whether trying again helps; the drop folder takes the ready
  // and the accepted determinants
  monitor.expectStatuses(502);
  await page.getByRole('button', { name: 'Export to billing system' }).click();
  const exportDialog = page.getByRole('dialog', { name: 'Export to a billing system' });
  await exportDialog.getByRole('combobox', { name: 'Billing system' }).click();
  await page.getByRole('option', { name: new RegExp(refusing) }).click();
  await exportDialog.getByRole('button', { name: 'Export' }).click();
  await expect(exportDialog.getByRole('alert')).toContainText('The billing system did not take the export');
  await expect(exportDialog.getByRole('alert')).toContainText('Trying again will not help');
  await expectAccessible(page, 'export refused');
  await exportDialog.getByRole('combobox', { name: 'Billing system' }).click();
  await page.getByRole('option', { name: new RegExp(system) }).click();
  await exportDialog.getByRole('button', { name: 'Export' }).click();
  await expect(exportDialog).toBeHidden();
  const exported = page.getByRole('table', { name: 'Exports of the run' }).getByRole('row').filter({ hasText: system });
  await expect(exported).toContainText('Drop folder');
  await expect(exported).toContainText('.csv');
  await expect(exported.getByRole('cell').nth(3)).toHaveText('2');

  // one consumer's determinants: the ToD breakdown, the sum check, the bill and its versions
  await grid.getByRole('link', { name: ready.consumer.account_no }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Determinants of ${ready.consumer.account_no}` })).toBeVisible();
  const tod = page.getByRole('region', { name: 'Energy by ToD zone' });
  const zones = tod.getByRole('table', { name: 'Energy by ToD zone' });
  for (const zone of ['Normal', 'Solar', 'Peak']) await expect(zones.getByRole('rowheader', { name: zone })).toBeVisible();
  await expect(tod.locator('svg').first()).toBeVisible();
  await expect(page.getByRole('table', { name: 'Coverage of the period' })).toContainText('192');
  await expect(page.getByRole('table', { name: 'Register reads of the period' })).toContainText('Agrees');
  await expect(page.getByRole('table', { name: 'Register reads of the period' })).toContainText('1,000.000 kWh');
  const bill = page.getByRole('table', { name: 'Charges by component' });
  await expect(bill).toContainText('Energy');
  await expect(bill).toContainText('Fixed charge');
  await expect(bill.getByRole('row', { name: /Total/ })).toContainText('₹');
  await expect(page.getByRole('table', { name: 'Versions of the determinants' })).toContainText('Not billed yet');
  await expectAccessible(page, 'determinants of a consumer');

  // the consumer finder leads to the same determinants
  await page.goto('/billing/runs');
  await page.getByLabel('Account number').fill(ready.consumer.account_no);
  await page.getByRole('button', { name: 'Find' }).click();
  const found = page.getByRole('table', { name: `Determinants of ${ready.consumer.account_no}` });
  await expect(found.getByRole('row')).toHaveCount(2);
  await expect(found).toContainText('Ready');
});

test('an analyst reads runs, exceptions and determinants without the actions', async ({ page, request }) => {
  // a run of its own, started by an operator through the API, so this test stands alone
  const operator = { Authorization: `Bearer ${await tokenFor(request, 'demo.operator')}` };
  const started = await request.post('/api/v1/billing/runs', {
    headers: operator,
    data: { kind: 'INTERIM', consumer_ids: [ready.consumer.id, empty.consumer.id], first_day: FIRST_DAY, last_day: LAST_DAY },
  });
  expect(started.status(), await started.text()).toBe(202);
  const runId = (await started.json()).id as string;
  await expect
    .poll(async () => (await (await request.get(`/api/v1/billing/runs/${runId}`, { headers: operator })).json()).status, { timeout: 30_000 })
    .toBe('DONE');

  await page.goto('/billing/runs');
  await signIn(page, 'demo.analyst');
  const runLink = page.getByRole('table', { name: 'Billing runs' }).locator(`a[href="/billing/runs/${runId}"]`);
  await expect(runLink).toBeVisible();
  await expect(page.getByRole('table', { name: 'Billing cycles' }).or(page.getByText('No billing cycles yet.'))).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start run' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New cycle' })).toHaveCount(0);
  await expectAccessible(page, 'billing runs as an analyst');

  await runLink.click();
  const exceptions = page.getByRole('region', { name: 'Exceptions' });
  await expect(exceptions.getByRole('row').filter({ hasText: empty.consumer.account_no })).toContainText('Missing intervals');
  await expect(exceptions.getByRole('button', { name: /^Accept/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Export to billing system' })).toHaveCount(0);
  await expectAccessible(page, 'billing run as an analyst');

  await exceptions.getByRole('link', { name: empty.consumer.account_no }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Determinants of ${empty.consumer.account_no}` })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Held in the exception queue' })).toContainText('Missing intervals');
  await expect(page.getByRole('button', { name: /^Accept/ })).toHaveCount(0);
  const versions = page.getByRole('table', { name: 'Versions of the determinants' });
  await expect(versions.getByRole('row').filter({ hasText: '(shown)' })).toContainText('Exception');
  await expect(versions).toContainText('Not billed yet');
  await expectAccessible(page, 'determinants as an analyst');
});
