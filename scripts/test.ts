// `npm test`: lint, type check, unit and integration tests (vitest, on a real
// PostgreSQL) and end-to-end tests (Playwright in Chromium against a
// production build), then one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.test-output');
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });

type Tally = { passed: number; failed: number; skipped: number };
const total: Tally = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];

function run(label: string, bin: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin', bin), args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  lines.push(`${ok ? '✓' : '✗'} ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
  return ok;
}

async function postgresAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

function check(label: string, bin: string, args: string[]) {
  if (run(label, bin, args)) total.passed += 1;
  else total.failed += 1;
}

check('lint (eslint, layering rules)', 'eslint', ['--max-warnings=0', '.']);
check('type check (tsc --strict)', 'tsc', ['--noEmit']);

const vitestFile = path.join(OUT, 'vitest.json');
const vitestOk = run('unit and integration tests (vitest)', 'vitest', ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestFile}`]);
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }>(vitestFile);
if (vitest) {
  total.passed += vitest.numPassedTests;
  total.failed += vitest.numFailedTests;
  total.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) total.failed += 1; // crashed outside a test

const e2eFile = path.join(OUT, 'e2e.json');
const serverLog = path.join(OUT, 'e2e-server.log');
const e2eOk = run('end-to-end tests (Playwright, Chromium)', 'playwright', ['test'], { E2E_JSON_REPORT: e2eFile, E2E_SERVER_LOG: serverLog });
const e2e = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(e2eFile);
if (e2e) {
  total.passed += e2e.stats.expected + e2e.stats.flaky;
  total.failed += e2e.stats.unexpected;
  total.skipped += e2e.stats.skipped;
}
if (!e2eOk && (!e2e || e2e.stats.unexpected === 0)) total.failed += 1;

// Checks on the production build the e2e run left: the server's whole log
// holds no password, token or session cookie; and PostgreSQL restarted under a
// running portal (a private cluster) gives "try again" and recovers.
function node(label: string, args: string[]) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const ok = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: 'inherit' }).status === 0;
  lines.push(`${ok ? '✓' : '✗'} ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (ok) total.passed += 1;
  else total.failed += 1;
}
if (existsSync(serverLog)) node('no secrets in the e2e server log', ['scripts/check-logs.ts', serverLog, '--secret', process.env.DEMO_PASSWORD || 'Demo-Passw0rd!']);
else {
  lines.push('✗ no secrets in the e2e server log (no log was written)');
  total.failed += 1;
}
if (existsSync('/usr/lib/postgresql/15/bin/initdb')) node('fault: PostgreSQL restarted under the production portal', ['tests/faults/portal-outage.ts', '3945']);
// Two production web processes on one PostgreSQL database behind a
// round-robin proxy (ports 3600–3602); the embedded database cannot be shared.
if (process.env.DATABASE_URL || (await postgresAnswers('postgresql://postgres@127.0.0.1:5432/postgres'))) {
  node('scale-out: two web processes share sessions, rate limits and the outbox', ['tests/scale-out/two-processes.ts', '3600']);
}

// The security matrix's figures (tests/security/matrix writes them; `npm run test:security` prints the full summary).
const matrix = readJson<{ cells: number; leaks: number; unintendedWrites: number; overBlocked: number }>(path.join(OUT, 'security-matrix.json'));
if (matrix) lines.push(`  security matrix: ${matrix.cells} cells, ${matrix.leaks} leaks, ${matrix.unintendedWrites} unintended writes, ${matrix.overBlocked} over-blocked grants`);

console.log(`\n${lines.join('\n')}\n`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed > 0 ? 1 : 0);
