// `npm run test:security`: the security tests alone — vitest on tests/security
// (the tenant-isolation matrix and the fuzz tests, on a real PostgreSQL) and
// Playwright on tests/e2e/security (page matrix and adversarial specs against
// the production build) — then a closing summary: matrix size, leaks,
// unintended writes, over-blocked grants, adversarial cases and failures.
// `npm test` runs the same files too, through its normal vitest and Playwright steps.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');
const OUT = path.join(ROOT, '.test-output');
mkdirSync(OUT, { recursive: true });
const MATRIX = path.join(OUT, 'security-matrix.json');
const API = path.join(OUT, 'security-api-matrix.json');
const PAGES = path.join(OUT, 'security-pages');
const VITEST = path.join(OUT, 'security-vitest.json');
const E2E = path.join(OUT, 'security-e2e.json');
for (const file of [MATRIX, API, PAGES, VITEST, E2E]) rmSync(file, { force: true, recursive: true });

function run(label: string, bin: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}`);
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin', bin), args, {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status === 0;
}

function readJson<T>(file: string): T | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;
}

function specs(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => /\.spec\.ts$/.test(f));
}

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  testResults: { name: string; assertionResults: { status: string }[] }[];
};
type E2eSuite = { file?: string; specs?: { tests: { results: { status: string }[] }[] }[]; suites?: E2eSuite[] };
type E2eReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  suites: E2eSuite[];
};
type MatrixSummary = {
  cells: number;
  actors: number;
  roles: number;
  resources: number;
  functions: number;
  leaks: number;
  unintendedWrites: number;
  overBlocked: number;
  errors: number;
  leakList: string[];
};
type ApiSummary = {
  cells: number;
  apps: number;
  operations: number;
  resources: number;
  scopes: number;
  grants: number;
  leaks: number;
  unintendedWrites: number;
  overBlocked: number;
  leakList: string[];
};
type PagesSummary = { cells: number; leaks: number; overBlocked: number; leakList: string[] };

let failures = 0;
const vitestOk = run('security tests (vitest: tests/security)', 'vitest', [
  'run',
  'tests/security',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${VITEST}`,
]);
const vitest = readJson<VitestReport>(VITEST);
failures += vitest?.numFailedTests ?? 0;
if (!vitestOk && !vitest?.numFailedTests) failures += 1; // crashed outside a test

const e2eDir = path.join(ROOT, 'tests/e2e/security');
let e2e: E2eReport | null = null;
if (specs(e2eDir).length > 0) {
  const e2eOk = run(
    'security end-to-end tests (Playwright: tests/e2e/security)',
    'playwright',
    ['test', '--project=chromium', '--no-deps', 'tests/e2e/security'],
    { E2E_JSON_REPORT: E2E },
  );
  e2e = readJson<E2eReport>(E2E);
  failures += e2e?.stats.unexpected ?? 0;
  if (!e2eOk && !e2e?.stats.unexpected) failures += 1;
} else console.log('\n(no specs in tests/e2e/security)');

/** Tests of one kind: the adversarial specs (e2e, except the page matrix) and the fuzz tests (vitest). */
function countE2e(suites: E2eSuite[], skip: RegExp): number {
  return suites.reduce(
    (n, s) =>
      n +
      (s.file && skip.test(s.file)
        ? 0
        : (s.specs ?? []).reduce((m, sp) => m + sp.tests.length, 0) + countE2e(s.suites ?? [], skip)),
    0,
  );
}
const fuzz = (vitest?.testResults ?? [])
  .filter((r) => r.name.includes(`${path.sep}fuzz${path.sep}`))
  .reduce((n, r) => n + r.assertionResults.length, 0);
const adversarial = (e2e ? countE2e(e2e.suites, /matrix-pages/) : 0) + fuzz;

const matrix = readJson<MatrixSummary>(MATRIX);
// The page matrix writes one file per test (tests/e2e/security/matrix-pages.spec.ts).
const pageFiles = existsSync(PAGES) ? readdirSync(PAGES).filter((f) => f.endsWith('.json')) : [];
const pages: PagesSummary | null = pageFiles.length
  ? pageFiles
      .map((f) => readJson<PagesSummary>(path.join(PAGES, f))!)
      .reduce((a, b) => ({
        cells: a.cells + b.cells,
        leaks: a.leaks + b.leaks,
        overBlocked: a.overBlocked + b.overBlocked,
        leakList: [...a.leakList, ...b.leakList],
      }))
  : null;
const api = readJson<ApiSummary>(API);
const lines = ['', '── Security summary ──'];
if (matrix) {
  lines.push(
    `Matrix (domain functions): ${matrix.cells} cells = ${matrix.actors} users in ${matrix.roles} roles × ` +
      `${matrix.resources} foreign resource kinds × ${matrix.functions} functions`,
  );
} else lines.push('Matrix (domain functions): did not run');
if (pages)
  lines.push(
    `Matrix (pages, HTTP): ${pages.cells} requests = every page and route under app/ × every foreign id × ` +
      `${pageFiles.length - 1} users and signed out`,
  );
lines.push(
  api
    ? `Matrix (Partner API): ${api.cells} requests = ${api.apps} apps (provider, reseller) × ${api.operations} ` +
        `operations × ${api.resources} foreign resource kinds and ${api.scopes} scopes; ${api.grants} own calls`
    : 'Matrix (Partner API): did not run',
);
const leaks = (matrix?.leaks ?? 0) + (pages?.leaks ?? 0) + (api?.leaks ?? 0);
lines.push(
  `Leaks: ${leaks}`,
  ...[...(matrix?.leakList ?? []), ...(pages?.leakList ?? []), ...(api?.leakList ?? [])].map((l) => `  - ${l}`),
);
const writes = matrix && api ? matrix.unintendedWrites + api.unintendedWrites : 'unknown';
lines.push(`Unintended writes: ${writes}`);
lines.push(`Over-blocked grants: ${(matrix?.overBlocked ?? 0) + (pages?.overBlocked ?? 0) + (api?.overBlocked ?? 0)}`);
lines.push(`Adversarial cases: ${adversarial} (${fuzz} fuzz tests, ${adversarial - fuzz} attack specs)`);
lines.push(`Failures: ${failures}`);
console.log(lines.join('\n'));
process.exit(failures > 0 || !matrix || !api || leaks > 0 || writes !== 0 ? 1 : 0);
