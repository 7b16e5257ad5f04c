import {
  expect,
  expectAccessible,
  hplConsumerMeter,
  hplPayload,
  invalidateSessionToken,
  HPL_API_KEY,
  lastDayIntervalEnds,
  readHplIntervalStatus,
  signIn,
  test,
} from './fixtures';

test('signing in shows the overview with the demo tenant, and its first paint is measured', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in\?next=%2F$/);
  await expectAccessible(page, 'sign-in');
  await signIn(page, 'demo.admin');
  await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  await expect(page.getByTestId('current-tenant')).toHaveText('Tenant: demo');
  await expect(page.getByRole('table', { name: 'Meters by lifecycle stage' })).toContainText('In service');
  await expect(page.getByText(/^1,058 meters registered$/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ingest: rows in quarantine by HES vendor' })).toContainText('KIRAN');
  await expect(page.getByRole('table', { name: 'Open alarms by kind' })).toContainText('DT outage');
  await expect(page.getByRole('heading', { name: 'VEE pass rate today' })).toBeVisible();
  const completeness = page.getByRole('table', { name: 'Data completeness per HES vendor' });
  for (const vendor of ['HPL', 'VOLTA', 'KIRAN', 'All vendors']) await expect(completeness).toContainText(vendor);
  await expect(page.getByTestId('completeness-all').getByRole('cell').first()).toHaveText(/^(\d{1,2}(,\d{2})*,)?\d{1,3}$/);
  await expectAccessible(page, 'overview');

  // a reload with the session in place: how soon does the overview show its figures?
  await page.reload();
  await expect(page.getByRole('table', { name: 'Meters by HES vendor' })).toContainText('HPL');
  const paint = await page.evaluate(() => {
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1;
    return { firstContentfulPaintMs: Math.round(fcp), figuresShownMs: Math.round(performance.now()) };
  });
  console.log(`overview first paint: ${JSON.stringify(paint)}`);
  test.info().annotations.push({ type: 'overview-first-paint', description: JSON.stringify(paint) });
});

test('a meter is found in the grid and its load profile chart opens', async ({ page, request }) => {
  const meter = await hplConsumerMeter(request);
  await readHplIntervalStatus(request);
  const ends = lastDayIntervalEnds();
  // most intervals actual, a run the HES estimated, a few it edited
  const status = (i: number) => (i >= 40 && i < 48 ? 'E' : i >= 70 && i < 73 ? 'M' : undefined);
  const pushed = await request.post('/api/v1/meters/readings', {
    headers: { 'X-API-Key': HPL_API_KEY, 'Content-Type': 'application/json' },
    data: hplPayload(meter.serial, ends, `E2E-${Date.now()}`, 1234567.5, status),
  });
  expect(pushed.ok(), await pushed.text()).toBeTruthy();

  await page.goto('/meters');
  await signIn(page, 'demo.operator');
  await expect(page).toHaveURL(/\/meters$/);
  await page.getByLabel('Serial starts with').fill(meter.serial);
  const grid = page.getByRole('grid', { name: 'Meters' });
  await expect(grid.getByRole('row')).toHaveCount(2);
  await expectAccessible(page, 'meters');

  await grid.getByRole('link', { name: meter.serial }).click();
  await expect(page).toHaveURL(new RegExp(`/meters/${meter.id}$`));
  await expect(page.getByRole('heading', { name: `Meter ${meter.serial}` })).toBeVisible();
  await expect(page.getByTestId('load-profile-total')).toContainText('kWh', { timeout: 30_000 });
  await expect(page.getByTestId('load-profile-chart').locator('canvas')).toBeVisible();
  await expect(page.getByText(/^Actual \([1-9]\d*\)$/)).toBeVisible();
  await expect(page.getByText('Estimated (8)')).toBeVisible();
  await expect(page.getByText('Edited (3)')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Register reads' })).toContainText('12,34,567.500 kWh');
  await expect(page.getByRole('table', { name: 'Meter facts' })).toContainText(/HES vendorHPL/);
  await expect(page.getByRole('table', { name: 'Meter facts' })).toContainText(/ConsumerGGN\d+ · /);
  await expectAccessible(page, 'meter detail');
});

test('the meters grid is keyboard navigable', async ({ page }) => {
  await page.goto('/meters?serial=HPL');
  await signIn(page, 'demo.analyst');
  const grid = page.getByRole('grid', { name: 'Meters' });
  const firstCell = grid.getByRole('gridcell').first();
  await firstCell.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/meters\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: /^Meter HPL/ })).toBeVisible();
});

test('a vendor sample payload is test-parsed and a mapping change is saved or refused field by field', async ({ page, monitor, request }) => {
  monitor.expectStatuses(422);
  const meter = await hplConsumerMeter(request);
  await page.goto('/vendors');
  await signIn(page, 'demo.admin');
  await expect(page.getByRole('grid', { name: 'HES vendors' })).toContainText('KIRAN');
  await expectAccessible(page, 'vendors');
  await page.getByRole('grid', { name: 'HES vendors' }).getByRole('link', { name: 'HPL' }).click();
  await expect(page.getByRole('heading', { name: 'HES vendor HPL' })).toBeVisible();
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
  await expectAccessible(page, 'vendor detail');

  await page.getByRole('textbox', { name: 'Sample payload' }).fill(hplPayload(meter.serial, lastDayIntervalEnds().slice(-3), 'SAMPLE-1'));
  await page.getByRole('button', { name: 'Test-parse' }).click();
  await expect(page.getByTestId('test-parse-result')).toContainText('3 rows read, 3 values would be stored, 0 rejected');
  await expect(page.getByRole('table', { name: 'Values that would be stored' })).toContainText('KWH_IMPORT');

  const minutes = page.getByLabel('Interval minutes');
  await minutes.fill('7');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('must divide a day, e.g. 15 or 30')).toBeVisible();
  await expect(minutes).toHaveAttribute('aria-invalid', 'true');

  await minutes.fill('15');
  await page.getByLabel('Timestamp marks').click();
  await page.getByRole('option', { name: 'Interval end' }).click();
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText(/^Saved as version \d+; in force now\.$/)).toBeVisible();

  // an earlier version comes back into the editor from the history
  const versions = page.getByRole('list', { name: 'Mapping versions' });
  await expect(versions.getByRole('listitem').nth(1)).toContainText('Version');
  await page.getByLabel('Time zone').fill('UTC');
  await versions.getByRole('button', { name: 'Load version 1 into editor' }).click();
  await expect(page.getByLabel('Time zone')).toHaveValue('Asia/Kolkata');
});

test('the network tree is searched down to a DT and its consumers', async ({ page }) => {
  await page.goto('/network');
  await signIn(page, 'demo.field');
  await expect(page.getByRole('tree', { name: 'Network hierarchy' })).toContainText('CIR-GGN');
  await page.getByLabel('Search the network').fill('DT-01-02');
  await page.getByRole('list', { name: 'Search results' }).getByText(/^DT-01-02 ·/).click();
  await expect(page.getByRole('treeitem', { name: /^DT-01-02 ·/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('treeitem', { name: /^GGN\d+ · / }).first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Selection details' })).toContainText('DT DT-01-02');
  await expectAccessible(page, 'network');
});

test('users and roles: a new user is checked before sending and created', async ({ page }) => {
  await page.goto('/users');
  await signIn(page, 'demo.admin');
  await expect(page.getByRole('grid', { name: 'Users' })).toContainText('demo.operator');
  await expectAccessible(page, 'users');
  await page.getByRole('button', { name: 'New user' }).click();
  const dialog = page.getByRole('dialog', { name: 'New user' });
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog.getByText('Give the user at least one role')).toBeVisible();
  await expect(dialog.getByText('Starts with demo. followed by a name')).toBeVisible();
  const name = `demo.e2e-${Date.now()}`;
  await dialog.getByRole('textbox', { name: 'Username' }).fill(name);
  await dialog.getByLabel('Initial password').fill('a-long-password');
  await dialog.getByLabel('Operator (control room)').check();
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('grid', { name: 'Users' })).toContainText(name);
});

test('an expired session goes to sign-in and comes back to the page it was on', async ({ page, monitor }) => {
  monitor.expectStatuses(401);
  await page.goto('/vendors');
  await signIn(page, 'demo.admin');
  await expect(page.getByRole('heading', { name: 'HES vendors' })).toBeVisible();
  await invalidateSessionToken(page);
  await page.goto('/meters?serial=VLT');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmeters%3Fserial%3DVLT$/);
  await expect(page.getByText('Your session ended.')).toBeVisible();
  await signIn(page, 'demo.admin');
  await expect(page).toHaveURL(/\/meters\?serial=VLT$/);
  await expect(page.getByLabel('Serial starts with')).toHaveValue('VLT');
});

test('unsaved edits survive a sign-in after the session expired', async ({ page, monitor }) => {
  monitor.expectStatuses(401);
  await page.goto('/vendors');
  await signIn(page, 'demo.admin');
  await page.getByRole('grid', { name: 'HES vendors' }).getByRole('link', { name: 'VOLTA' }).click();
  const vendorUrl = page.url();
  await page.getByLabel('Time zone').fill('Europe/London');
  await page.getByRole('textbox', { name: 'Sample payload' }).fill('{"dev": "VLT-draft"}');
  await invalidateSessionToken(page);
  await page.getByRole('button', { name: 'Test-parse' }).click();
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fvendors%2F/);
  await signIn(page, 'demo.admin');
  await expect(page).toHaveURL(vendorUrl);
  await expect(page.getByLabel('Time zone')).toHaveValue('Europe/London');
  await expect(page.getByRole('textbox', { name: 'Sample payload' })).toHaveValue('{"dev": "VLT-draft"}');
});

test('a consumer signs in to a notice that consumer self-service is still to come', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'demo.consumer');
  await expect(page.getByText('Consumer self-service is not built yet')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveCount(0);
});

test('the theme choice is kept across visits', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'demo.operator');
  await page.getByRole('button', { name: 'Use dark theme' }).click();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Use light theme' })).toBeVisible();
  await expectAccessible(page, 'overview in dark theme');
});

test('a platform administrator switches into a tenant and sees platform storage', async ({ page }) => {
  await page.goto('/');
  await signIn(page, 'admin', 'vidyut-platform');
  await expect(page.getByTestId('current-tenant')).toHaveText('Tenant: platform (none)');
  await page.getByRole('button', { name: 'Switch tenant' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Switch tenant' });
  await dialog.getByRole('combobox', { name: 'Tenant' }).click();
  await page.getByRole('option', { name: /\(demo\)$/ }).click();
  await dialog.getByRole('button', { name: 'Switch' }).click();
  await expect(page.getByTestId('current-tenant')).toHaveText('Tenant: demo');
  await expect(page.getByRole('table', { name: 'Storage' })).toContainText('Bytes per interval value');
  await expect(page.getByRole('link', { name: 'Users and roles' })).toBeVisible();
});

test('on a tablet the menu opens from the app bar', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1024 });
  await page.goto('/');
  await signIn(page, 'demo.analyst');
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await page.getByRole('button', { name: 'Open menu' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'HES vendors' }).click();
  await expect(page.getByRole('heading', { name: 'HES vendors', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Users and roles' })).toHaveCount(0);
});

test('a vendor gets a new API key and its allowlist refuses a malformed address before sending', async ({ page }) => {
  await page.goto('/vendors');
  await signIn(page, 'demo.admin');
  await page.getByRole('grid', { name: 'HES vendors' }).getByRole('link', { name: 'KIRAN' }).click();
  const keys = page.getByRole('list', { name: 'API keys' }).getByRole('listitem');
  await expect(keys.first()).toBeVisible();
  const keysBefore = await keys.count();
  await page.getByRole('button', { name: 'Issue new key' }).click();
  await expect(page.getByText(/New key \(shown only now; give it to the vendor\): vmdm_/)).toBeVisible();
  await expect(keys).toHaveCount(keysBefore + 1);

  await page.getByLabel('Add address or CIDR').fill('not-an-address');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(page.getByText('Enter an IP address or CIDR block, e.g. 10.20.0.0/16')).toBeVisible();
  await page.getByLabel('Add address or CIDR').fill('10.20.0.0/16');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.getByRole('button', { name: 'Save allowlist' }).click();
  await expect(page.getByText('Allowlist saved.')).toBeVisible();
  await expect(page.getByRole('button', { name: '10.20.0.0/16' })).toBeVisible();
});

test('a new vendor is registered and gets its first mapping through the UI', async ({ page, monitor, request }) => {
  monitor.expectStatuses(404); // GET …/mapping answers 404 while a vendor has none
  const meter = await hplConsumerMeter(request);
  const code = `E2E${Date.now() % 1_000_000}`;
  await page.goto('/vendors');
  await signIn(page, 'demo.admin');
  await page.getByRole('button', { name: 'New vendor' }).click();
  const dialog = page.getByRole('dialog', { name: 'New HES vendor' });
  await dialog.getByRole('button', { name: 'Register vendor' }).click();
  await expect(dialog.getByText('2 to 32 capital letters, digits, - or _')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Code' }).fill(code);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('End-to-end HES');
  await dialog.getByRole('textbox', { name: 'IP allowlist' }).fill('127.0.0.1, ::1');
  await dialog.getByRole('button', { name: 'Register vendor' }).click();
  await expect(dialog.getByText(/API key \(shown only now; give it to the vendor\): vmdm_/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Open vendor' }).click();

  await expect(page.getByRole('heading', { name: `HES vendor ${code}` })).toBeVisible();
  await expect(page.getByText('No mapping saved yet.')).toBeVisible();
  const mapping = {
    format: 'JSON',
    rows: 'meters[*].intervals[*]',
    fields: { meter: '^.serial', timestamp: 'end', values: 'values' },
    timestamp_format: 'ISO',
    time_zone: 'Asia/Kolkata',
    interval_stamp: 'END',
    interval_minutes: 15,
  };
  await page.getByRole('textbox', { name: 'Mapping JSON' }).fill(JSON.stringify(mapping, null, 2));
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Saved as version 1; in force now.')).toBeVisible();

  await page.getByRole('textbox', { name: 'Sample payload' }).fill(hplPayload(meter.serial, lastDayIntervalEnds().slice(-2), 'S-2'));
  await page.getByRole('button', { name: 'Test-parse' }).click();
  await expect(page.getByTestId('test-parse-result')).toContainText('2 rows read');
  await expect(page.getByTestId('test-parse-result')).toContainText('(with mapping version 1)');
});
