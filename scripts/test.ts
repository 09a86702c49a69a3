// `npm test`: lint, type check, unit and integration tests (vitest, on a real
// PostgreSQL), end-to-end tests (Playwright in Chromium against a production
// build: on a PostgreSQL server, then on the default run `npm start` with its
// embedded database), the default run's idle, soak, restart and kill tests,
// then one closing line "N passed, N failed (…both browser counts…)".
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
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin', bin), args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
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
check('format (prettier --check)', 'prettier', ['--check', '.']);
check('unused dependencies and files, unlisted imports, import cycles (knip)', 'knip', []);
check('type check (tsc --strict)', 'tsc', ['--noEmit']);

const vitestFile = path.join(OUT, 'vitest.json');
const vitestOk = run('unit and integration tests (vitest)', 'vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestFile}`,
]);
const vitest = readJson<{
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}>(vitestFile);
if (vitest) {
  total.passed += vitest.numPassedTests;
  total.failed += vitest.numFailedTests;
  total.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (!vitestOk && (!vitest || vitest.numFailedTests === 0)) total.failed += 1; // crashed outside a test

// The browser suite twice: on a PostgreSQL server, then on the default run
// (`npm start` on a new embedded database), each with its own server log.
type E2eCount = { passed: number; failed: number; skipped: number } | null;
function e2e(target: 'server' | 'embedded', label: string): { count: E2eCount; log: string } {
  const report = path.join(OUT, `e2e-${target}.json`);
  const log = path.join(OUT, `e2e-${target}-server.log`);
  const ok = run(label, 'playwright', ['test'], {
    E2E_TARGET: target,
    E2E_JSON_REPORT: report,
    E2E_SERVER_LOG: log,
    E2E_MAIL_LOG: path.join(OUT, `e2e-${target}-mail.jsonl`),
  });
  const stats = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(
    report,
  )?.stats;
  const count = stats
    ? { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped }
    : null;
  if (count) {
    total.passed += count.passed;
    total.failed += count.failed;
    total.skipped += count.skipped;
    lines[lines.length - 1] += `: ${count.passed} passed, ${count.failed} failed`;
  }
  if (!ok && (!count || count.failed === 0)) total.failed += 1;
  return { count, log };
}
const e2eServer = e2e('server', 'end-to-end tests on a PostgreSQL server (Playwright, Chromium)');
const e2eEmbedded = e2e(
  'embedded',
  'end-to-end tests on the default run: npm start, embedded database (Playwright, Chromium)',
);

// Checks on the production build the e2e runs left: the servers' whole logs
// hold no password, token or session cookie, and no server error (`⨯`,
// unhandled rejection); the default run sits idle, soaks, restarts, refuses a
// second start and survives SIGKILL; and PostgreSQL restarted under a running
// portal (a private cluster) gives "try again" and recovers.
function node(label: string, args: string[]) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const ok = spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, stdio: 'inherit' }).status === 0;
  lines.push(`${ok ? '✓' : '✗'} ${label} (${Math.round((Date.now() - started) / 1000)} s)`);
  if (ok) total.passed += 1;
  else total.failed += 1;
}
for (const [run, where] of [
  [e2eServer, 'PostgreSQL server'],
  [e2eEmbedded, 'default run'],
] as const) {
  const label = `no secrets and no server errors in the e2e server log (${where})`;
  if (existsSync(run.log))
    node(label, ['scripts/check-logs.ts', run.log, '--secret', process.env.DEMO_PASSWORD || 'Demo-Passw0rd!']);
  else {
    lines.push(`✗ ${label} (no log was written)`);
    total.failed += 1;
  }
}
node('default run: idle past every timeout, restart keeps changes, a second start on the same data refuses', [
  'tests/default-run/idle-restart.ts',
]);
node('default run: soak, three users in parallel with idle gaps', ['tests/default-run/soak.ts']);
node('default run: SIGKILL in the middle of orders, then npm start again', ['tests/default-run/crash.ts']);
if (existsSync('/usr/lib/postgresql/15/bin/initdb'))
  node('fault: PostgreSQL restarted under the production portal', ['tests/faults/portal-outage.ts', '3945']);
// Two production web processes on one PostgreSQL database behind a
// round-robin proxy (ports 3600–3602); the embedded database cannot be shared.
if (process.env.DATABASE_URL || (await postgresAnswers('postgresql://postgres@127.0.0.1:5432/postgres'))) {
  node('scale-out: two web processes share sessions, rate limits and the outbox', [
    'tests/scale-out/two-processes.ts',
    '3600',
  ]);
}

// The security matrix's figures (tests/security/matrix writes them; `npm run test:security` prints the full summary).
const matrix = readJson<{ cells: number; leaks: number; unintendedWrites: number; overBlocked: number }>(
  path.join(OUT, 'security-matrix.json'),
);
if (matrix)
  lines.push(
    `  security matrix: ${matrix.cells} cells, ${matrix.leaks} leaks, ` +
      `${matrix.unintendedWrites} unintended writes, ${matrix.overBlocked} over-blocked grants`,
  );

console.log(`\n${lines.join('\n')}\n`);
const browser = (c: E2eCount) => (c ? `${c.passed} passed, ${c.failed} failed` : 'did not run');
console.log(
  `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}` +
    ` (browser suite on the PostgreSQL server: ${browser(e2eServer.count)}; ` +
    `on the default run: ${browser(e2eEmbedded.count)})`,
);
process.exit(total.failed > 0 ? 1 : 0);
