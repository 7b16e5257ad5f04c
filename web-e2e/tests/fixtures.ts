import { createRequire } from 'node:module';
import { expect, test as base, type APIRequestContext, type Page } from '@playwright/test';

export { expect };

export const DEMO_PASSWORD = 'vidyut-demo-pass';
/** The demo HPL vendor's key (DemoCredentials); its allowlist holds 127.0.0.1. */
export const HPL_API_KEY = 'vmdm_demo_hpl_rest_0000000000000001';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
/**
 * Where the page loads axe from: answered by the test itself, never by the server. The dashboard's Content-Security-
 * Policy admits only scripts of its own origin, so axe comes as a script file of that origin, not as inline code.
 */
const AXE_URL = '/__e2e__/axe.min.js';

interface Monitor {
  /** API statuses (≥ 400) this test provokes on purpose, e.g. 422 for an invalid mapping. */
  expectStatuses(...statuses: number[]): void;
}

/**
 * Every test fails on a console error, an uncaught page error, or an API answer ≥ 400 it did not
 * announce. Chromium's own "Failed to load resource" lines are judged by the status check instead.
 */
export const test = base.extend<{ monitor: Monitor }>({
  monitor: [
    async ({ page }, use) => {
      const problems: string[] = [];
      const expected = new Set<number>();
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          problems.push(`console error: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      page.on('response', (response) => {
        const url = new URL(response.url());
        if (response.status() >= 400 && url.pathname.startsWith('/api/') && !expected.has(response.status())) {
          problems.push(`unexpected ${response.status()} from ${response.request().method()} ${url.pathname}`);
        }
      });
      await use({ expectStatuses: (...statuses) => statuses.forEach((s) => expected.add(s)) });
      expect(problems, 'console errors and unexpected API failures').toEqual([]);
    },
    { auto: true },
  ],
});

export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The server no longer accepts the stored token (as after expiry): the next API call answers 401. */
export async function invalidateSessionToken(page: Page): Promise<void> {
  await page.evaluate(() => {
    const session = JSON.parse(localStorage.getItem('vidyut.session') ?? '{}');
    localStorage.setItem('vidyut.session', JSON.stringify({ ...session, token: `${session.token}x` }));
  });
}

/**
 * Runs axe-core in the page (under the page's own Content-Security-Policy); fails on serious or critical violations. Transitions are switched off
 * first: a button caught half-way between its disabled and enabled colours fails the contrast rule
 * for a moment (seen once), while what is judged should be what the user sees when it settles.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.route(`**${AXE_URL}`, (route) => route.fulfill({ path: axePath, contentType: 'text/javascript' }));
  await page.addScriptTag({ url: AXE_URL });
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as Array<{ id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }>)
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  expect(violations, `accessibility of ${screen}`).toEqual([]);
}

/** An access token for API set-up calls. */
export async function tokenFor(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/api/v1/auth/token', { data: { username, password: DEMO_PASSWORD } });
  expect(response.ok()).toBeTruthy();
  return (await response.json()).access_token as string;
}

/** A consumer meter of the demo HPL vendor (the index-th in service; specs use different ones). */
export async function hplConsumerMeter(request: APIRequestContext, index = 0): Promise<{ id: string; serial: string }> {
  const token = await tokenFor(request, 'demo.admin');
  const headers = { Authorization: `Bearer ${token}` };
  const vendors = await (await request.get('/api/v1/hes-vendors', { headers })).json();
  const hpl = vendors.items.find((v: { code: string }) => v.code === 'HPL');
  const meters = await (
    await request.get(`/api/v1/meters?hes_vendor_id=${hpl.id}&category=CONSUMER&stage=IN_SERVICE&size=${index + 1}`, { headers })
  ).json();
  return { id: meters.items[index].id, serial: meters.items[index].serial };
}

/**
 * Lets the demo HPL mapping read a per-interval status ("E" estimated, "M" edited by the HES), so
 * the chart can be shown actual, estimated and edited intervals.
 */
export async function readHplIntervalStatus(request: APIRequestContext): Promise<void> {
  const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.admin')}` };
  const vendors = await (await request.get('/api/v1/hes-vendors', { headers })).json();
  const hpl = vendors.items.find((v: { code: string }) => v.code === 'HPL');
  const current = await (await request.get(`/api/v1/hes-vendors/${hpl.id}/mapping`, { headers })).json();
  const mapping = {
    ...current.mapping,
    fields: { ...current.mapping.fields, quality: 'status' },
    quality_codes: { E: 'ESTIMATED', M: 'EDITED' },
  };
  const saved = await request.put(`/api/v1/hes-vendors/${hpl.id}/mapping`, { headers, data: mapping });
  expect(saved.ok(), await saved.text()).toBeTruthy();
}

/**
 * Lets the demo HPL mapping read events (docs/hes-onboarding.md, "Events"): IS 15959 numeric codes
 * need no `codes` entry.
 */
export async function readHplEvents(request: APIRequestContext): Promise<void> {
  const headers = { Authorization: `Bearer ${await tokenFor(request, 'demo.admin')}` };
  const vendors = await (await request.get('/api/v1/hes-vendors', { headers })).json();
  const hpl = vendors.items.find((v: { code: string }) => v.code === 'HPL');
  const current = await (await request.get(`/api/v1/hes-vendors/${hpl.id}/mapping`, { headers })).json();
  const mapping = {
    ...current.mapping,
    events: { rows: 'events[*]', fields: { meter: 'meter', timestamp: 'at', code: 'type', batch_id: '$.batch' } },
  };
  const saved = await request.put(`/api/v1/hes-vendors/${hpl.id}/mapping`, { headers, data: mapping });
  expect(saved.ok(), await saved.text()).toBeTruthy();
}

/** An instant as IST ISO-8601 with the +05:30 offset, to the second. */
export function istIso(instant: Date): string {
  return `${new Date(instant.getTime() + 5.5 * 3_600_000).toISOString().slice(0, 19)}+05:30`;
}

/** 15-minute end stamps of the last 24 hours in IST ISO form, newest last. */
export function lastDayIntervalEnds(now = new Date()): string[] {
  const quarter = 15 * 60_000;
  const last = Math.floor(now.getTime() / quarter) * quarter;
  const ends: string[] = [];
  for (let t = last - 95 * quarter; t <= last; t += quarter) ends.push(istIso(new Date(t)));
  return ends;
}

/**
 * The 96 quarter-hour interval ends of one whole IST day, `daysBack` days before today (IST): a complete day, which
 * VEE's spike check judges against the day's own upper intervals.
 */
export function istDayIntervalEnds(daysBack: number): string[] {
  const ist = 330 * 60_000;
  const day = 86_400_000;
  const quarter = 15 * 60_000;
  const start = Math.floor((Date.now() + ist) / day) * day - ist - daysBack * day;
  const ends: string[] = [];
  for (let i = 1; i <= 96; i++) ends.push(istIso(new Date(start + i * quarter)));
  return ends;
}

/**
 * An HPL REST payload (see docs/hes-onboarding.md) of one meter's block energy per interval,
 * optionally with the cumulative kWh register read at the last interval's end.
 */
export function hplPayload(
  serial: string,
  ends: string[],
  batchId: string,
  registerKwh?: number,
  statusOf: (index: number) => string | undefined = () => undefined,
  kwhOf: (index: number) => number = (i) => Number((0.1 + 0.15 * Math.sin((i / ends.length) * Math.PI) ** 2).toFixed(3)),
): string {
  const intervals: Array<{ end: string; values: Record<string, number>; status?: string }> = ends.map((end, i) => ({
    end,
    values: { '1.0.1.29.0.255': kwhOf(i) },
    status: statusOf(i),
  }));
  if (registerKwh !== undefined) intervals.push({ end: ends[ends.length - 1], values: { '1.0.1.8.0.255': registerKwh } });
  return JSON.stringify({ batch_id: batchId, meters: [{ serial, intervals }] });
}
