// Starts the packaged server on embedded defaults with the demo tenant and no simulated traffic (the simulated
// HES API still answers commands), in a fresh data directory under target/. Playwright's webServer runs this and stops it at the end.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, openSync } from 'node:fs';
import path from 'node:path';

const jar = process.env.MDM_JAR ?? path.resolve('../server/target/mdm-server.jar');
const port = process.env.E2E_PORT ?? '18080';
const hesPort = process.env.E2E_HES_PORT ?? '18090';
mkdirSync('target', { recursive: true });
const dataDir = mkdtempSync(path.resolve('target', 'mdm-data-'));
// billing exports to a drop folder land here (billing-runs.spec.ts exports a run); without it they are refused
const billingDropRoot = path.join(dataDir, 'billing-drop');
mkdirSync(billingDropRoot);

const log = openSync(path.resolve('target', 'server.log'), 'w');
const server = spawn('java', ['-Xmx1g', '-jar', jar], {
  stdio: ['ignore', log, log],
  env: {
    ...process.env,
    MDM_PORT: port,
    MDM_DATA_DIR: dataDir,
    MDM_DEMO: 'true',
    // the demo's simulated HES is not inside mdm-server.jar: added as bin/mdm demo adds it
    LOADER_PATH: path.resolve('../simulator/target/mdm-simulator-lib.jar'),
    MDM_DEMO_TRAFFIC: 'false',
    MDM_DEMO_HES_PORT: hesPort,
    MDM_ADMIN_PASSWORD: 'vidyut-platform',
    MDM_BILLING_EXPORT_DROPROOT: billingDropRoot,
  },
});

const stop = () => server.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
process.on('exit', stop);
server.on('exit', (code) => process.exit(code ?? 0));
