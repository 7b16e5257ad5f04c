import {
  expect,
  expectAccessible,
  HPL_API_KEY,
  hplConsumerMeter,
  hplPayload,
  istDayIntervalEnds,
  istIso,
  readHplEvents,
  signIn,
  test,
  tokenFor,
} from './fixtures';

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
  await expect(page.getByTestId('settings-in-force')).toHaveText(/goes by (DEFAULT|the built-in defaults)|In force: version/);
  const form = page.getByRole('form', { name: 'VEE settings of DT' });

  // the form's own check: not a number, nothing sent
  await form.getByLabel('Spike reference (n-th highest of the day)').fill('third');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('A whole number')).toBeVisible();

  // the server's check: a spike tolerance must be positive
  monitor.expectStatuses(422);
  await form.getByLabel('Spike reference (n-th highest of the day)').fill('3');
  await form.getByLabel('Spike tolerance (%)', { exact: true }).fill('0');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('must be positive')).toBeVisible();
  await expect(form.getByLabel('Spike tolerance (%)', { exact: true })).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Spike tolerance (%)', { exact: true }).fill('400');
  await form.getByLabel('Register maximum (kWh)').fill('9,99,999.999');
  await form.getByRole('checkbox', { name: 'Flat line runs' }).uncheck();
  await form.getByRole('checkbox', { name: 'Spike blocks billing' }).uncheck();
  await form.getByLabel('A zero run on a day without voltage data blocks billing').check();
  await form.getByLabel('Holidays (estimated like Sundays)').fill('2026-11-08, 2026-10-20');
  await expect(form.getByRole('table', { name: 'Estimation order (set through the API)' })).toContainText('Gaps up to 8 h');
  await form.getByLabel('A re-sent value beyond the threshold').click();
  await page.getByRole('option', { name: 'Hold it for review' }).click();
  await form.getByRole('checkbox', { name: 'Sat', exact: true }).uncheck();
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(/^Saved as version \d+\.$/)).toBeVisible();
  await expect(page.getByTestId('settings-in-force')).toContainText('saved by demo.admin');
  await expect(page.getByTestId('settings-in-force')).toContainText('IST');
  await expect(page.getByRole('table', { name: 'Versions of the DT settings' })).toContainText('demo.admin');
  await expect(form.getByLabel('Register maximum (kWh)')).toHaveValue('999999.999');
  await expect(form.getByRole('checkbox', { name: 'Flat line runs' })).not.toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Flat line blocks billing' })).toBeDisabled();
  await expect(form.getByRole('checkbox', { name: 'Spike runs' })).toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Spike blocks billing' })).not.toBeChecked();
  await expect(form.getByLabel('A zero run on a day without voltage data blocks billing')).toBeChecked();
  await expect(form.getByLabel('Holidays (estimated like Sundays)')).toHaveValue('2026-10-20, 2026-11-08');
  await expect(form.getByLabel('A re-sent value beyond the threshold')).toHaveText('Hold it for review');
  await expect(form.getByRole('checkbox', { name: 'Sat', exact: true })).not.toBeChecked();
  await expect(form.getByRole('checkbox', { name: 'Sun', exact: true })).toBeChecked();
  await expectAccessible(page, 'VEE settings after saving');
});

test('an analyst reads the VEE settings but cannot change them', async ({ page }) => {
  await page.goto('/vee-settings?class=DT');
  await signIn(page, 'demo.analyst');
  await expect(page.getByText('Read only: tenant administrators change these settings.')).toBeVisible();
  const form = page.getByRole('form', { name: 'VEE settings of DT' });
  await expect(form.getByLabel('Spike tolerance (%)', { exact: true })).toHaveAttribute('readonly', '');
  await expect(form.getByRole('button', { name: 'Save settings' })).toHaveCount(0);
});

test.describe('edits awaiting a second approver', () => {
  const consumerSettings = async (request: import('@playwright/test').APIRequestContext, approval: boolean) => {
    const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.admin')}` };
    const saved = await request.put('/api/v1/vee/settings/CONSUMER', { headers, data: { edit_approval_required: approval } });
    expect(saved.ok(), await saved.text()).toBeTruthy();
  };

  test.afterAll(async ({ request }) => consumerSettings(request, false));

  test('a tenant administrator approves one and rejects another in the VEE workbench, but not their own', async ({
    page,
    request,
  }) => {
    await consumerSettings(request, true);
    const meter = await hplConsumerMeter(request, 5);
    const quarter = 15 * 60_000;
    const last = Math.floor(Date.now() / quarter) * quarter - 4 * quarter;
    const ask = async (username: string, value: number, note: string) => {
      const headers = { Authorization: `Bearer ${await tokenFor(request, username)}` };
      const response = await request.post('/api/v1/vee/edits', {
        headers,
        data: {
          meter_ids: [meter.id], channel: 'KWH_IMPORT', from: istIso(new Date(last - 2 * quarter)), to: istIso(new Date(last)),
          action: 'SET', value, reason_code: 'METER_FAULT', note,
        },
      });
      expect(response.status(), await response.text()).toBe(201);
      const [edit] = await response.json();
      expect(edit.status).toBe('PENDING');
    };
    const run = Date.now();
    // what the edits will replace: actual intervals the HES sent
    const ends = [0, 1, 2].map((i) => istIso(new Date(last - i * quarter))).reverse();
    const pushed = await request.post('/api/v1/meters/readings', {
      headers: { 'X-API-Key': HPL_API_KEY, 'Content-Type': 'application/json' },
      data: hplPayload(meter.serial, ends, `E2E-EDITS-${run}`),
    });
    expect(pushed.ok(), await pushed.text()).toBeTruthy();
    await ask('demo.operator', 0.25, `approve me ${run}`);
    await ask('demo.operator', 9.5, `reject me ${run}`);
    await ask('demo.admin', 0.3, `my own ${run}`);

    await page.goto('/vee');
    await signIn(page, 'demo.admin');
    const queue = page.getByRole('table', { name: 'Edits awaiting approval' });
    const toApprove = queue.getByRole('row').filter({ hasText: `approve me ${run}` });
    const toReject = queue.getByRole('row').filter({ hasText: `reject me ${run}` });
    const own = queue.getByRole('row').filter({ hasText: `my own ${run}` });
    await expect(toApprove).toContainText(meter.serial);
    await expect(toApprove).toContainText('Meter fault');
    await expect(toApprove).toContainText('demo.operator');
    await expect(toApprove).toContainText('IST');
    await expect(own).toContainText('Your own edit: another tenant administrator decides it');
    await expect(own.getByRole('button')).toHaveCount(0);
    await expectAccessible(page, 'VEE workbench with edits awaiting approval');

    // keyboard: focus the approve button and press Enter
    await toApprove.getByRole('button', { name: /^Approve the edit asked by demo.operator/ }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByText('Edit approved and applied.')).toBeVisible();
    await expect(toApprove).toHaveCount(0);
    await toReject.getByRole('button', { name: /^Reject the edit asked by demo.operator/ }).click();
    await expect(page.getByText('Edit rejected: the data stays as it was.')).toBeVisible();
    await expect(toReject).toHaveCount(0);
    await expect(own).toHaveCount(1);

    const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.analyst')}` };
    const applied = await (await request.get('/api/v1/vee/edits?status=APPLIED&size=200', { headers })).json();
    expect(applied.items.find((e: { note?: string }) => e.note === `approve me ${run}`)?.decided_by).toBe('demo.admin');
  });
});

test.describe('alarm rules and the communication-loss report', () => {
  test.afterAll(async ({ request }) => {
    const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.admin')}` };
    const restored = await request.put('/api/v1/alarms/rules', { headers, data: {} });
    expect(restored.ok(), await restored.text()).toBeTruthy();
  });

  test('a tenant administrator changes the alarm rules, the server refusing a restoration code beside its field', async ({
    page,
    monitor,
  }) => {
    await page.goto('/');
    await signIn(page, 'demo.admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Alarm rules' }).click();
    await expect(page).toHaveURL(/\/alarm-rules$/);
    const form = page.getByRole('form', { name: 'Alarm rules' });
    await expect(form.getByLabel('Tamper event codes')).toHaveValue('65, 201, 203, 251');
    await expect(form.getByLabel("Raise when this share of a DT's meters lose power (%)")).toHaveValue('50');
    await expectAccessible(page, 'alarm rules');

    await form.getByLabel('Within (seconds)').fill('five minutes');
    await form.getByRole('button', { name: 'Save alarm rules' }).click();
    await expect(form.getByText('A whole number')).toBeVisible();

    monitor.expectStatuses(422);
    await form.getByLabel('Within (seconds)').fill('600');
    await form.getByLabel('Tamper event codes').fill('201, 202, 251');
    await form.getByLabel('Clear when fewer than this share are still out (%)').fill('60');
    await form.getByRole('button', { name: 'Save alarm rules' }).click();
    await expect(form.getByText('202 is not an IS 15959 occurrence code (restorations close alarms)')).toBeVisible();
    await expect(form.getByText('at least 0 and below outage_share')).toBeVisible();
    await expect(form.getByLabel('Tamper event codes')).toHaveAttribute('aria-invalid', 'true');

    await form.getByLabel('Tamper event codes').fill('201 251');
    await form.getByLabel('Clear when fewer than this share are still out (%)').fill('20');
    await form.getByLabel('A meter is silent after (hours)').fill('48');
    await form.getByRole('button', { name: 'Save alarm rules' }).click();
    await expect(page.getByText('Alarm rules saved; they apply to events from now on.')).toBeVisible();
    await expect(form.getByLabel('Tamper event codes')).toHaveValue('201, 251');
    await page.reload();
    await expect(page.getByRole('form', { name: 'Alarm rules' }).getByLabel('Within (seconds)')).toHaveValue('600');

    // the report starts at the rules' silence, or at the hours asked for
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Communication loss' }).click();
    await expect(page).toHaveURL(/\/communication-loss$/);
    await expect(page.getByText(/^\d[\d,]* meters in service silent for the period of the alarm rules or longer; times in IST\.$/)).toBeVisible();
    await expect(page.getByRole('grid', { name: 'Silent meters' })).toBeVisible();
    await expectAccessible(page, 'communication loss');
    await page.getByLabel('Silent for at least (hours)').fill('0');
    await expect(page.getByText('Whole hours, e.g. 48')).toBeVisible();
    await page.getByLabel('Silent for at least (hours)').fill('1000');
    await expect(page).toHaveURL(/\/communication-loss\?hours=1000$/);
    await expect(page.getByText(/ meters in service silent for 1,000 hours or longer/)).toBeVisible();
  });

  test('an operator reads the alarm rules without changing them', async ({ page }) => {
    await page.goto('/alarm-rules');
    await signIn(page, 'demo.operator');
    await expect(page.getByText('Read only: tenant administrators change the alarm rules.')).toBeVisible();
    await expect(page.getByRole('form', { name: 'Alarm rules' }).getByLabel('Tamper event codes')).toHaveAttribute('readonly', '');
    await expect(page.getByRole('button', { name: 'Save alarm rules' })).toHaveCount(0);
  });
});

test('vendor codes, units and scalers are edited as rows of the mapping, the server judging a unit beside its field', async ({
  page,
  monitor,
  request,
}) => {
  const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.admin')}` };
  const code = `MAP${Date.now() % 1_000_000}`;
  const created = await request.post('/api/v1/hes-vendors', {
    headers,
    data: { code, name: 'Codes and units', protocol: 'REST', ip_allowlist: ['127.0.0.1'] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const vendorId = (await created.json()).vendor.id as string;
  const first = await request.put(`/api/v1/hes-vendors/${vendorId}/mapping`, {
    headers,
    data: {
      format: 'JSON', rows: 'data[*]', time_zone: 'Asia/Kolkata', interval_minutes: 15,
      fields: { meter: '^.dev', timestamp: '^.ts', code: 'obis', value: 'v' }, codes: { IMP_KWH: 'KWH_IMPORT' },
    },
  });
  expect(first.ok(), await first.text()).toBeTruthy();

  await page.goto(`/vendors/${vendorId}`);
  await signIn(page, 'demo.admin');
  const codes = page.getByRole('table', { name: 'Vendor codes and their channels' });
  await expect(codes.getByRole('row').filter({ hasText: 'IMP_KWH' })).toContainText('1.0.1.29.0.255');
  await expectAccessible(page, 'vendor mapping with codes and units');

  // a code already mapped is refused by the form, a new one is added
  await page.getByRole('textbox', { name: 'New code' }).fill('imp_kwh');
  await page.getByRole('combobox', { name: 'Its channel' }).click();
  await page.getByRole('option', { name: 'KWH_EXPORT (kWh)' }).click();
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(page.getByText('imp_kwh is mapped already: change its channel in the list')).toBeVisible();
  await page.getByRole('textbox', { name: 'New code' }).fill('1-0:1.8.1*255');
  await page.getByRole('combobox', { name: 'Its channel' }).click();
  await page.getByRole('option', { name: 'KWH_IMPORT_TOTAL (kWh)' }).click();
  await page.getByRole('button', { name: 'Add code' }).click();
  await expect(codes.getByRole('row').filter({ hasText: '1-0:1.8.1*255' })).toContainText('1.0.1.8.0.255');

  // a unit that does not measure the channel: the server says so beside the unit
  monitor.expectStatuses(422);
  await page.getByRole('combobox', { name: 'Channel', exact: true }).click();
  await page.getByRole('option', { name: 'VOLTAGE_R_AVG (V)' }).click();
  await page.getByRole('combobox', { name: 'Unit sent' }).fill('kWh');
  await page.getByRole('textbox', { name: 'Scaler' }).fill('-1');
  await page.getByRole('button', { name: 'Add unit' }).click();
  const units = page.getByRole('table', { name: 'Units and scalers per channel' });
  await expect(units.getByRole('spinbutton', { name: 'Scaler of VOLTAGE_R_AVG' })).toHaveValue('-1');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(units.getByText('unit kWh does not measure VOLTAGE_R_AVG')).toBeVisible();

  await units.getByRole('combobox', { name: 'Unit of VOLTAGE_R_AVG' }).fill('V');
  await page.getByRole('button', { name: 'Remove code IMP_KWH' }).click();
  await expect(codes.getByRole('row').filter({ hasText: 'IMP_KWH' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Saved as version 2; in force now.')).toBeVisible();

  const saved = await (await request.get(`/api/v1/hes-vendors/${vendorId}/mapping`, { headers })).json();
  expect(saved.mapping.codes).toEqual({ '1-0:1.8.1*255': 'KWH_IMPORT_TOTAL' });
  expect(saved.mapping.units).toEqual({ VOLTAGE_R_AVG: { unit: 'V', scaler: -1 } });
});

test('the meters grid is sorted by the server, in the URL, across pages', async ({ page, request }) => {
  const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.analyst')}` };
  const byApi = await (await request.get('/api/v1/meters?serial=HPL&sort=-serial&size=26', { headers })).json();
  const serials: string[] = byApi.items.map((m: { serial: string }) => m.serial);

  await page.goto('/meters?serial=HPL&size=25');
  await signIn(page, 'demo.analyst');
  await expect(page.getByText(/Sorted by the server across pages/)).toBeVisible();
  const grid = page.getByRole('grid', { name: 'Meters' });
  await grid.getByRole('columnheader', { name: 'Serial' }).click();
  await expect(page).toHaveURL(/sort=serial/);
  await expect(grid.getByRole('columnheader', { name: 'Serial' })).toHaveAttribute('aria-sort', 'ascending');
  await grid.getByRole('columnheader', { name: 'Serial' }).click();
  await expect(page).toHaveURL(/sort=-serial/);
  await expect(grid.getByRole('row').nth(1)).toContainText(serials[0]);
  await expect(grid.getByRole('columnheader', { name: 'Serial' })).toHaveAttribute('aria-sort', 'descending');
  await expectAccessible(page, 'meters sorted');

  // the next page goes on where the first stopped
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(grid.getByRole('row').nth(1)).toContainText(serials[25]);
  await expect(grid.getByRole('columnheader', { name: 'HES' })).not.toHaveAttribute('aria-sort', /ascending|descending/);
});

test('the VEE queue and the alarms grid are sorted by the server, the sort kept in the URL', async ({ page, request }) => {
  const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.analyst')}` };
  const meters = [await hplConsumerMeter(request, 7), await hplConsumerMeter(request, 8)];
  // a spike each (the whole IST day three days back) and a tamper each, so both lists have rows to order
  const ends = istDayIntervalEnds(3);
  await readHplEvents(request);
  for (const [n, meter] of meters.entries()) {
    const kwh = (i: number) => (i === 30 + n * 10 ? 4 : 0.2 + 0.01 * (i % 5));
    const readings = await request.post('/api/v1/meters/readings', {
      headers: { 'X-API-Key': HPL_API_KEY, 'Content-Type': 'application/json' },
      data: hplPayload(meter.serial, ends, `E2E-SORT-${n}-${Date.now()}`, undefined, () => undefined, kwh),
    });
    expect(readings.ok(), await readings.text()).toBeTruthy();
    const events = await request.post('/api/v1/meters/events', {
      headers: { 'X-API-Key': HPL_API_KEY, 'Content-Type': 'application/json' },
      data: JSON.stringify({ batch: `EV-SORT-${n}-${Date.now()}`, events: [{ meter: meter.serial, at: istIso(new Date(Date.now() - 120_000)), type: '201' }] }),
    });
    expect(events.ok(), await events.text()).toBeTruthy();
  }
  for (const meter of meters) {
    await expect
      .poll(async () => (await (await request.get(`/api/v1/vee/exceptions?meter_id=${meter.id}&rule=SPIKE`, { headers })).json()).total, {
        timeout: 30_000,
      })
      .toBeGreaterThan(0);
  }
  const lastSpike = (await (await request.get('/api/v1/vee/exceptions?rule=SPIKE&sort=-meter_serial&size=1', { headers })).json())
    .items[0].meter_serial;
  const lastTamper = (await (await request.get('/api/v1/alarms?kind=TAMPER&sort=-place&size=1', { headers })).json()).items[0]
    .meter_serial;

  await page.goto('/vee?rule=SPIKE');
  await signIn(page, 'demo.analyst');
  await expect(page.getByText(/sorted by the server across pages/)).toBeVisible();
  const queue = page.getByRole('grid', { name: 'VEE exceptions' });
  await queue.getByRole('columnheader', { name: 'Meter' }).click();
  await expect(page).toHaveURL(/sort=meter_serial/);
  await expect(queue.getByRole('columnheader', { name: 'Meter' })).toHaveAttribute('aria-sort', 'ascending');
  await queue.getByRole('columnheader', { name: 'Meter' }).click();
  await expect(page).toHaveURL(/sort=-meter_serial/);
  await expect(queue.getByRole('row').nth(1)).toContainText(lastSpike);
  await expect(queue.getByRole('columnheader', { name: 'HES' })).not.toHaveAttribute('aria-sort', /ascending|descending/);
  await expectAccessible(page, 'VEE queue sorted');
  // the sort survives a reload: it is in the URL
  await page.reload();
  await expect(queue.getByRole('columnheader', { name: 'Meter' })).toHaveAttribute('aria-sort', 'descending');
  await expect(queue.getByRole('row').nth(1)).toContainText(lastSpike);

  await page.goto('/alarms?kind=TAMPER');
  const alarms = page.getByRole('grid', { name: 'Alarms' });
  await alarms.getByRole('columnheader', { name: 'Where' }).click();
  await expect(page).toHaveURL(/sort=place/);
  await expect(page.getByText(/sorted by the server across pages/)).toBeVisible();
  await alarms.getByRole('columnheader', { name: 'Where' }).click();
  await expect(page).toHaveURL(/sort=-place/);
  await expect(alarms.getByRole('columnheader', { name: 'Where' })).toHaveAttribute('aria-sort', 'descending');
  await expect(alarms.getByRole('row').nth(1)).toContainText(lastTamper);
  await expectAccessible(page, 'alarms sorted');
});
