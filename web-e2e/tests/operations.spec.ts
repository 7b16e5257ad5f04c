import {
  expect,
  expectAccessible,
  HPL_API_KEY,
  hplConsumerMeter,
  hplPayload,
  istDayIntervalEnds,
  istIso,
  lastDayIntervalEnds,
  readHplEvents,
  signIn,
  test,
  tokenFor,
} from './fixtures';

test('a VEE spike is found from its meter, edited with a reason in the workbench, and its interval versions shown', async ({ page, request }) => {
  const meter = await hplConsumerMeter(request, 1);
  // the whole IST day two days back, smooth but for one interval twenty times its neighbours
  const ends = istDayIntervalEnds(2);
  const spike = 50;
  const kwh = (i: number) => (i === spike ? 4 : 0.2 + 0.01 * (i % 5));
  const pushed = await request.post('/api/v1/meters/readings', {
    headers: { 'X-API-Key': HPL_API_KEY, 'Content-Type': 'application/json' },
    data: hplPayload(meter.serial, ends, `E2E-SPIKE-${Date.now()}`, undefined, () => undefined, kwh),
  });
  expect(pushed.ok(), await pushed.text()).toBeTruthy();
  const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.admin')}` };
  await expect
    .poll(async () => {
      const page = await request.get(`/api/v1/vee/exceptions?meter_id=${meter.id}&rule=SPIKE&status=OPEN`, { headers });
      return (await page.json()).total;
    }, { timeout: 30_000 })
    .toBeGreaterThan(0);

  await page.goto(`/meters/${meter.id}`);
  await signIn(page, 'demo.operator');
  await expect(page.getByRole('table', { name: 'VEE exceptions of the meter' })).toContainText('Spike (blocking)');
  await expectAccessible(page, 'meter detail with events, exceptions and commands');
  await page.getByRole('link', { name: 'Open in the VEE workbench' }).click();
  await expect(page).toHaveURL(new RegExp(`/vee\\?meter=${meter.id}$`));

  await page.getByRole('combobox', { name: 'Rule' }).click();
  await page.getByRole('option', { name: 'Spike', exact: true }).click();
  const grid = page.getByRole('grid', { name: 'VEE exceptions' });
  await expect(grid.getByRole('row').filter({ hasText: meter.serial })).toHaveCount(1);
  await expect(page.getByRole('listbox')).toBeHidden();
  await expectAccessible(page, 'VEE workbench');

  // keyboard: focus the serial cell and open the exception with Enter
  await grid.getByRole('gridcell', { name: meter.serial }).focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: `Spike at ${meter.serial}` });
  const values = panel.getByRole('table', { name: 'Stored and proposed values' });
  await expect(values).toContainText('4.000 kWh');
  await expect(values).toContainText('kept as stored');

  await panel.getByRole('button', { name: 'Edit', exact: true }).click();
  await panel.getByRole('button', { name: 'Resolve exception' }).click();
  await expect(panel.getByText('Every resolution states a reason')).toBeVisible();
  await expect(panel.getByText('Give the value to store')).toBeVisible();
  await expectAccessible(page, 'VEE exception panel with field errors');
  await panel.getByLabel(/^Value to store/).fill('0.2');
  await expect(values).toContainText('0.200 kWh');
  await panel.getByRole('combobox', { name: 'Reason' }).click();
  await page.getByRole('option', { name: 'Meter fault' }).click();
  await panel.getByLabel('Note').fill('e2e: CT lead loose on site');
  await panel.getByRole('button', { name: 'Resolve exception' }).click();
  await expect(panel.getByRole('alert')).toContainText('Resolved');
  await expect(values).toContainText('0.200 kWh (edited)');

  await values.getByRole('button', { name: /^Versions of the interval ending/ }).click();
  const versions = page.getByRole('dialog').getByRole('table');
  await expect(versions).toContainText('4.000 kWh');
  await expect(versions).toContainText('0.200 kWh');
  await expect(versions).toContainText('demo.operator');
  await expectAccessible(page, 'interval versions');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
});

test('a tamper event raises an alarm that arrives on the live list and is acknowledged; a command is checked and confirmed', async ({ page, monitor, request }) => {
  const meter = await hplConsumerMeter(request, 2);
  await readHplEvents(request);
  await page.goto('/alarms');
  await signIn(page, 'demo.operator');
  await expect(page.getByText('Live', { exact: true })).toBeVisible();

  // 201: magnetic influence (IS 15959), a tamper code of the default alarm rules
  const pushed = await request.post('/api/v1/meters/events', {
    headers: { 'X-API-Key': HPL_API_KEY, 'Content-Type': 'application/json' },
    data: JSON.stringify({ batch: `EV-${Date.now()}`, events: [{ meter: meter.serial, at: istIso(new Date(Date.now() - 60_000)), type: '201' }] }),
  });
  expect(pushed.ok(), await pushed.text()).toBeTruthy();
  const lastChange = page.getByTestId('alarm-last-change');
  await expect(lastChange).toContainText('RAISED');
  await expect(lastChange).toContainText(meter.serial);

  const row = page.getByRole('grid', { name: 'Alarms' }).getByRole('row').filter({ hasText: meter.serial });
  await expect(row).toContainText('OPEN');
  await expect(row).toContainText('Tamper');
  await expectAccessible(page, 'alarms');
  await row.getByRole('button', { name: /^Acknowledge/ }).click();
  await expect(row).toContainText('ACKNOWLEDGED');
  await expect(row).toContainText('demo.operator');
  await expect(lastChange).toContainText('ACKNOWLEDGED');

  // the meter's events timeline shows the event
  await page.goto(`/meters/${meter.id}`);
  await expect(page.getByRole('table', { name: 'Meter events' })).toContainText('201');

  // a command: checked before review, confirmed before sending, then followed until the simulated HES has carried it out
  await page.getByRole('button', { name: 'Issue command' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog.getByText('Pick a command')).toBeVisible();
  await dialog.getByRole('combobox', { name: 'Command' }).click();
  await page.getByRole('option', { name: 'Disconnect supply' }).click();
  await dialog.getByRole('button', { name: 'Review' }).click();
  await expect(dialog).toContainText(`Send “Disconnect supply” to meter ${meter.serial}`);
  await dialog.getByRole('button', { name: 'Send command' }).click();
  await expect(dialog).toBeHidden();
  const issued = page.getByRole('table', { name: 'Commands issued to the meter' }).getByRole('row').filter({ hasText: 'Disconnect supply' });
  await expect(issued).toContainText('demo.operator');
  await expect(issued).toContainText('EXECUTED', { timeout: 20_000 });
});

test('an operator edits a range of intervals from the meter page: checked, refused beside the field, applied and charted', async ({
  page,
  monitor,
  request,
}) => {
  monitor.expectStatuses(422);
  const meter = await hplConsumerMeter(request, 9);
  const ends = lastDayIntervalEnds();
  const pushed = await request.post('/api/v1/meters/readings', {
    headers: { 'X-API-Key': HPL_API_KEY, 'Content-Type': 'application/json' },
    data: hplPayload(meter.serial, ends, `E2E-EDIT-${Date.now()}`),
  });
  expect(pushed.ok(), await pushed.text()).toBeTruthy();
  const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.analyst')}` };
  await expect
    .poll(async () => {
      const from = encodeURIComponent(ends[0]);
      const to = encodeURIComponent(ends[ends.length - 1]);
      const day = await request.get(`/api/v1/meters/${meter.id}/consumption?from=${from}&to=${to}`, { headers });
      return (await day.json()).total?.intervals ?? 0;
    }, { timeout: 30_000 })
    .toBeGreaterThan(90);

  await page.goto(`/meters/${meter.id}`);
  await signIn(page, 'demo.operator');
  const total = page.getByTestId('load-profile-total');
  await expect(total).toContainText('expected intervals');
  const before = (await total.textContent()) ?? '';

  await page.getByRole('button', { name: 'Edit intervals…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit intervals (kWh import)' });
  // the form's own check: nothing sent
  await dialog.getByRole('button', { name: 'Request edit' }).click();
  await expect(dialog.getByText('Every edit states a reason')).toBeVisible();
  await expect(dialog.getByText('Give the end of the first interval to change')).toBeVisible();
  await expect(dialog.getByText('Give the value to store')).toBeVisible();
  await expectAccessible(page, 'manual edit with field errors');

  // the server's check: an edit covers at most 62 days
  const first = ends[40].slice(0, 16);
  await dialog.getByLabel('First interval end (IST)').fill(first);
  await dialog.getByLabel('Last interval end (IST)').fill('2027-12-31T23:45');
  await dialog.getByLabel('Value to store').fill('0.5');
  await dialog.getByRole('combobox', { name: 'Reason' }).click();
  await page.getByRole('option', { name: 'Meter fault' }).click();
  await dialog.getByLabel('Note').fill('e2e: register stuck, read on site');
  await dialog.getByRole('button', { name: 'Request edit' }).click();
  await expect(dialog.getByText(/an edit covers at most \d+ days/)).toBeVisible();
  await expect(dialog.getByLabel('Last interval end (IST)')).toHaveAttribute('aria-invalid', 'true');

  await dialog.getByLabel('Last interval end (IST)').fill(ends[42].slice(0, 16));
  await dialog.getByRole('button', { name: 'Request edit' }).click();
  await expect(dialog.getByRole('alert')).toContainText('The edit is applied');
  await dialog.getByRole('button', { name: 'Close' }).click();
  // the chart is read again: three intervals now 0.5 kWh each
  await expect(total).not.toHaveText(before);

  await page.getByLabel('Interval end (IST)', { exact: true }).fill(ends[41].slice(0, 16));
  await page.getByRole('button', { name: 'Show versions' }).click();
  const versions = page.getByRole('dialog').getByRole('table');
  await expect(versions).toContainText('0.500 kWh');
  await expect(versions).toContainText('demo.operator');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
});
