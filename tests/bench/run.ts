/**
 * `npm run bench [-- --json FILE] [-- --only NAME,…]`: measures Deskside against the design's
 * targets in the real built extension (Debian Chromium, headless) and the local fake Okta, prints
 * a table and optionally writes `{ "metrics": { name: { value, unit, target, pass } } }`.
 * It measures and reports; it does not fail on a missed target (exit 1 only if a scenario breaks).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { EXTENSION_DIR } from '../support/chromium';
import { formatTable, type Metrics } from './report';
import { agentDuringSyncBench } from './scenarios/agent-during-sync';
import { contentScriptBench } from './scenarios/content-script';
import { fullSyncBench } from './scenarios/full-sync';
import { rateLimitedBench } from './scenarios/rate-limited';

const SCENARIOS: Record<string, (log: (line: string) => void) => Promise<Metrics>> = {
  'content-script': contentScriptBench,
  'rate-limited': rateLimitedBench,
  'agent-during-sync': agentDuringSyncBench,
  'full-sync': fullSyncBench,
};

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the extension when the output is missing or older than any source it is built from. */
function ensureBuilt(): void {
  const manifest = path.join(EXTENSION_DIR, 'manifest.json');
  const sources = Math.max(...['entrypoints', 'components', 'lib', 'public'].filter((d) => existsSync(d)).map(newestMtime), statSync('wxt.config.ts').mtimeMs);
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= sources) return;
  console.log('Building the extension (npx wxt build)…');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
}

async function main(): Promise<void> {
  const jsonFile = option('json');
  const only = option('only')?.split(',');
  const unknown = only?.filter((name) => !(name in SCENARIOS)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown scenario ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  ensureBuilt();
  const metrics: Metrics = {};
  let broken = false;
  for (const [name, run] of Object.entries(SCENARIOS)) {
    if (only && !only.includes(name)) continue;
    const started = Date.now();
    try {
      Object.assign(metrics, await run((line) => console.log(`  [${name}] ${line}`)));
      console.log(`  [${name}] done in ${Math.round((Date.now() - started) / 1000)} s`);
    } catch (error) {
      broken = true;
      console.error(`  [${name}] failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    }
  }
  console.log(`\n${formatTable(metrics)}`);
  if (jsonFile) {
    writeFileSync(jsonFile, `${JSON.stringify({ metrics }, null, 2)}\n`);
    console.log(`\nWrote ${jsonFile}`);
  }
  process.exitCode = broken ? 1 : 0;
}

await main();
