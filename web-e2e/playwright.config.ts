import { defineConfig } from '@playwright/test';

/** Port reserved by Maven (build-helper reserve-network-port), or a fixed one for a local run. */
const port = process.env.E2E_PORT ?? '18080';
export const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'tests',
  outputDir: 'target/test-results',
  // one server, one browser: the specs share the demo tenant and run in order
  workers: 1,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['junit', { outputFile: 'target/playwright-junit.xml' }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'off',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node scripts/start-server.mjs',
    url: `${baseURL}/actuator/health`,
    timeout: 180_000,
    // E2E_REUSE=1 runs the specs against a server you started yourself on E2E_PORT
    reuseExistingServer: process.env.E2E_REUSE === '1',
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
});
