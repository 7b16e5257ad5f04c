import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, signIn, test } from './fixtures';

/**
 * A newcomer's first minutes, as the README says them: `bin/mdm demo`, sign in when the banner shows, and the
 * dashboard is alive — today's completeness climbing and alarms raised by the simulated meters' events — with the
 * back-fill's progress in view. Then a second start on the same data: no build, and the data reused.
 * Runs bin/mdm itself (not the packaged jar directly), on ports of its own beside the suite's server.
 */
const port = process.env.E2E_DEMO_PORT ?? '18480';
const hesPort = process.env.E2E_DEMO_HES_PORT ?? '18490';
const demoUrl = `http://127.0.0.1:${port}`;
const BANNER = 'Vidyut MDM demo is running';

interface RunningDemo {
  process: ChildProcess;
  output: () => string;
  bannerSeen: Promise<void>;
}

function startDemo(dataDir: string): RunningDemo {
  let output = '';
  const demo = spawn(path.resolve('../bin/mdm'), ['demo', '--port', port, '--hes-port', hesPort, '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MDM_JAVA_OPTS: '-Xmx1g' },
  });
  const bannerSeen = new Promise<void>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(BANNER)) resolve();
    };
    demo.stdout?.on('data', collect);
    demo.stderr?.on('data', collect);
    demo.on('exit', (code) => reject(new Error(`bin/mdm demo ended (${code}) before its banner:\n${output.slice(-3000)}`)));
  });
  return { process: demo, output: () => output, bannerSeen };
}

/**
 * The README's "A quick API tour" block, run as written in bash against this demo (its port put in): every curl
 * must succeed (a ~/.curlrc of --fail-with-body turns an HTTP error into a failed command) and every pipe too.
 */
function runReadmeTour(): { status: number | null; output: string } {
  const readme = readFileSync(path.resolve('../README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## A quick API tour'));
  const block = /```bash\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error('README.md has no bash block under "A quick API tour"');
  const curlHome = mkdtempSync(path.resolve('target', 'curl-home-'));
  writeFileSync(path.join(curlHome, '.curlrc'), '--fail-with-body\n');
  const script = `set -euo pipefail\n${block.replaceAll('http://localhost:8080', demoUrl)}`;
  const run = spawnSync('bash', ['-c', script], { env: { ...process.env, CURL_HOME: curlHome }, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

async function stopDemo(demo: RunningDemo): Promise<void> {
  if (demo.process.exitCode !== null) return;
  const exited = new Promise((resolve) => demo.process.on('exit', resolve));
  demo.process.kill('SIGTERM');
  await exited;
}

test.describe.configure({ mode: 'serial' });

test('right after the demo banner the overview fills: back-fill progress, completeness above 0 %, alarms from meter events; the README API tour works; a second start does not build', async ({
  page,
}) => {
  test.setTimeout(12 * 60_000);
  const dataDir = mkdtempSync(path.resolve('target', 'demo-data-'));
  let demo = startDemo(dataDir);
  try {
    await demo.bannerSeen;
    expect(demo.output(), 'the jars of this build are current').not.toContain('Building');

    await page.goto(`${demoUrl}/`);
    await signIn(page, 'demo.analyst');
    await expect(page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
    // the back-fill tells how far it is (unless it is already over)
    await expect(page.getByTestId('demo-backfill')).toContainText(/Back-fill starting|Back-filling: [\d.]+ %|Back-fill done/);

    // within three minutes of the banner: today's data arriving, and alarms raised by the simulated meters
    const receivedToday = page.getByTestId('completeness-all').getByRole('cell').nth(1);
    await expect
      .poll(
        async () => {
          await page.reload();
          await expect(receivedToday).toBeVisible();
          return Number.parseFloat((await receivedToday.innerText()).replace(/,/g, ''));
        },
        { timeout: 180_000, intervals: [5_000] },
      )
      .toBeGreaterThan(0);
    await page.getByRole('link', { name: 'Alarms' }).click();
    const alarmRows = page.getByRole('grid', { name: 'Alarms' }).getByRole('row');
    await expect.poll(async () => {
      await page.reload();
      await expect(page.getByRole('grid', { name: 'Alarms' })).toBeVisible();
      return alarmRows.count();
    }, { timeout: 180_000, intervals: [5_000] }).toBeGreaterThan(1);

    const tour = runReadmeTour();
    expect(tour.status, `the README's API tour, run against the demo:\n${tour.output}`).toBe(0);
    expect(tour.output).toContain('"status": "ACCEPTED"');

    await stopDemo(demo);
    const restartedAt = Date.now();
    demo = startDemo(dataDir);
    await demo.bannerSeen;
    const secondStartSeconds = (Date.now() - restartedAt) / 1000;
    expect(demo.output()).not.toContain('Building');
    expect(demo.output()).toContain('existing data reused');
    console.log(`second bin/mdm demo: banner after ${secondStartSeconds.toFixed(1)} s`);
    test.info().annotations.push({ type: 'demo-second-start-seconds', description: secondStartSeconds.toFixed(1) });
  } finally {
    await stopDemo(demo);
    // the demo's own log, for reading a failure afterwards (CI keeps target/)
    writeFileSync(path.resolve('target', 'demo-output.log'), demo.output());
  }
});
