// Rewrites openapi.json from a running server's /v3/api-docs (MDM_API, default http://localhost:8080).
// The build never needs a server: it generates the typed client from this committed snapshot.
import { writeFileSync } from 'node:fs';

const base = process.env.MDM_API ?? 'http://localhost:8080';
const response = await fetch(`${base}/v3/api-docs`);
if (!response.ok) {
  console.error(`GET ${base}/v3/api-docs answered ${response.status}`);
  process.exit(1);
}
const document = await response.json();
// the URL springdoc guesses from this request means nothing to the client (it calls its own origin)
delete document.servers;
writeFileSync(new URL('../openapi.json', import.meta.url), `${JSON.stringify(document, null, 4)}\n`);
console.log(`openapi.json refreshed from ${base} (${Object.keys(document.paths ?? {}).length} paths)`);
