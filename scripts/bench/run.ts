// `npm run bench`: every list of scripts/bench/cases.ts at scale, measured in
// one run as raw SQL through pg, as the domain function, and as the page a
// signed-in user gets (beside the floor page), at 100,000 and at 1,000
// customers; then under load; memory, JavaScript per route, LCP and CLS, order
// submission; and the same on the embedded PostgreSQL at 10,000 customers.
// The Partner API's lists too, at the big size: each endpoint (a provider's
// and a reseller's app, made once per run) beside the API floor
// (/api/bench-floor: the same gates, 50 fixed rows), one request at a time
// and under load in turns, with its statement through `pg`.
// Flags: --quick (a short smoke run), --customers N (default 100000),
// --skip-embedded, --fresh (reseed the databases), --only api (the API's
// lists alone: the big database and its server, nothing else; writes
// bench/results/<time>.json only); --report <file.json> prints the tables
// and writes summary.md again from a saved result.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildIfNeeded } from '../lib/build';
import { startEmbeddedPostgres } from '../db/embedded';
import { findPostgresServer } from '../../tests/setup/database';
import { holdsSizes, prepareEmbedded, preparePostgres, removeDataDir, sizesFor, type Prepared } from './db';
import {
  API_APP_USERS,
  API_CASES,
  API_FLOOR,
  CASES,
  DEFAULT_FLOOR,
  DEMO_PASSWORD,
  PROVIDER_USER,
  resolveFixtures,
  type ApiAppName,
  type BenchCase,
  type Fixtures,
} from './cases';
import { userCtx } from '../../lib/auth/load-ctx';
import { createApiApp } from '../../lib/api-apps/create-api-app';
import { appCtx } from '../../lib/api-apps/app-ctx';
import { grantable, SCOPE_NAMES } from '../../lib/api-apps/scopes';
import { can } from '../../lib/authz/policy';
import { apiToken, getApi, getPage, signIn } from './http';
import { loadInTurns, type LoadResult, type Target } from './load';
import { buildBare, startBare } from './bare';
import { measureRouteJs } from './js-size';
import { measureVitals } from './browser';
import { findActionId, submitOrder } from './order';
import { groupPeakMemory, startServer, type BenchServer } from './server';
import { summarise, type Summary } from './stats';
import {
  writeReport,
  type ApiBench,
  type ApiCaseResult,
  type ApiOnlyResult,
  type BenchResult,
  type CaseResult,
  type Framework,
  type PageTimes,
} from './report';
import type { Ctx } from '../../lib/authz/context';

const ROOT = path.resolve(import.meta.dirname, '../..');
/**
 * Under load, a page and its floor take turns of about this many seconds
 * (at least four turns each): this machine's speed drifts over tens of
 * seconds (a floor's CPU time per request moved by a quarter between turns
 * a minute apart), and short turns put both sides of a ratio in the same
 * seconds. Measured on the Customers pages: one turn's ratio scattered no
 * more with 2 s turns than with 5 s turns (≈ ±0.1 against ≈ ±0.15), so
 * ten turns of 2 s average the drift out about twice as well as four of 5 s.
 */
const LOAD_TURN_SECONDS = 2;
const loadSlices = (seconds: number) => Math.max(4, Math.round(seconds / LOAD_TURN_SECONDS));
const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const quick = flag('--quick');
const bigCustomers = Number(option('--customers') ?? 100_000);
if (!Number.isInteger(bigCustomers) || bigCustomers < 100) throw new Error('--customers takes a whole number ≥ 100');
const skipEmbedded = flag('--skip-embedded');
const fresh = flag('--fresh');
const only = option('--only');
if (only !== undefined && only !== 'api') throw new Error('--only takes api');
/** The apps' quota on the bench's servers: the load sends thousands of requests a minute. */
const API_QUOTA_PER_MINUTE = '100000000';

const N = quick
  ? {
      sqlRuns: 30,
      sqlWarmup: 5,
      pageRuns: 20,
      pageWarmup: 3,
      loadSeconds: 3,
      connections: 50,
      vitalsLoads: 1,
      orderRuns: 3,
      embeddedSqlRuns: 20,
      embeddedPageRuns: 10,
      embeddedLoadSeconds: 2,
    }
  : {
      sqlRuns: 300,
      sqlWarmup: 30,
      pageRuns: 200,
      pageWarmup: 20,
      loadSeconds: 20,
      connections: 50,
      vitalsLoads: 3,
      orderRuns: 30,
      embeddedSqlRuns: 100,
      embeddedPageRuns: 50,
      embeddedLoadSeconds: 5,
    };

/**
 * On a slow or busy machine a case stops early once it has used its time
 * budget (seconds), after at least MIN_RUNS runs (a list taking seconds still
 * gets a few): the run stays near its planned length; each figure records its
 * number of runs. Warm-up takes at most a fifth of the budget.
 */
const BUDGET = quick
  ? { sql: 3, page: 5, embeddedSql: 2, embeddedPage: 3 }
  : { sql: 15, page: 25, embeddedSql: 6, embeddedPage: 10 };
const MIN_RUNS = 5;
const withinBudget = (i: number, since: number, seconds: number) =>
  i < MIN_RUNS || performance.now() - since < seconds * 1000;
const warmingUp = (i: number, warmup: number, since: number, seconds: number) =>
  i < warmup && (i < 1 || performance.now() - since < (seconds * 1000) / 5);

const PORTS = { big: 3701, small: 3702, embeddedWeb: 3703, embeddedDbServer: 3704, embeddedDbBench: 3705, bare: 3706 };
const RESULTS = path.join(ROOT, 'bench', 'results');
/** The servers' output (not committed: bench/.gitignore). */
const LOGS = path.join(RESULTS, 'logs');
const EMBEDDED_DIR = path.join(ROOT, '.data', 'bench-embedded-10k');
/** The API lists' statements, for the API floor's `?benchSql=` (PC_BENCH_SQL). */
const BENCH_SQL_FILE = path.join(ROOT, '.data', 'bench-floor-sql.json');
const EMBEDDED_CUSTOMERS = 10_000;
const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null;

const started = Date.now();
const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(v >= 100 ? 0 : 1) : '—');
const log = (line: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

type Pool = pg.Pool;
const queryOf = (pool: Pool) => (text: string, values?: unknown[]) =>
  pool.query(text, values) as Promise<{ rows: Record<string, unknown>[] }>;

async function benchCtx(email: string) {
  const ctx = await userCtx({ email });
  if (!ctx) throw new Error(`Bench user ${email} not found or disabled`);
  return ctx;
}

function rowsOf(value: unknown): number | null {
  if (Array.isArray(value)) return value.length;
  if (value && typeof value === 'object') {
    const v = value as { rows?: unknown[]; subscriptions?: unknown[] };
    if (Array.isArray(v.rows)) return v.rows.length;
    if (Array.isArray(v.subscriptions)) return v.subscriptions.length;
  }
  return null;
}

/** Points lib/db at another database (the domain functions use its one client). */
async function pointDomainAt(url: string, poolMax: number) {
  const { disconnectDb } = await import('../../lib/db');
  await disconnectDb();
  process.env.DATABASE_URL = url;
  process.env.DATABASE_POOL_MAX = String(poolMax);
}

async function contexts(): Promise<Map<string, Ctx>> {
  const users = [...new Set(CASES.map((c) => c.user).filter((u): u is string => !!u))];
  return new Map(await Promise.all(users.map(async (u) => [u, await benchCtx(u)] as const)));
}

type SqlFigures = Record<string, { raw: Summary; domain: Summary; rawRows: number; domainRows: number | null }>;

async function timeCase(fn: () => Promise<unknown>, runs: number, warmup: number, budget: number): Promise<number[]> {
  const warm = performance.now();
  for (let i = 0; warmingUp(i, warmup, warm, budget); i++) await fn();
  const samples: number[] = [];
  const since = performance.now();
  for (let i = 0; i < runs && withinBudget(i, since, budget); i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

/** Raw SQL and the domain function, alternating run by run (drift on a busy machine hits both alike). */
async function measureSqlAndDomain(pool: Pool, fx: Fixtures, runs: number, warmup: number): Promise<SqlFigures> {
  const ctxs = await contexts();
  const out: SqlFigures = {};
  for (const c of CASES) {
    const ctx = c.user ? ctxs.get(c.user)! : null;
    const raw = () => {
      const q = c.rawSql(ctx, fx);
      return pool.query(q.text, q.values);
    };
    const domain = () => c.domain(ctx, fx);
    const rawRows = (await raw()).rowCount ?? 0;
    const domainRows = rowsOf(await domain());
    const warm = performance.now();
    for (let i = 0; warmingUp(i, warmup, warm, BUDGET.sql); i++) {
      await raw();
      await domain();
    }
    const r: number[] = [];
    const d: number[] = [];
    const since = performance.now();
    for (let i = 0; i < runs && withinBudget(i, since, BUDGET.sql); i++) {
      let t = performance.now();
      await raw();
      r.push(performance.now() - t);
      t = performance.now();
      await domain();
      d.push(performance.now() - t);
    }
    out[c.name] = { raw: summarise(r), domain: summarise(d), rawRows, domainRows };
    logSql(c.name, out[c.name]!);
  }
  return out;
}

function logSql(name: string, f: SqlFigures[string]) {
  log(
    `  ${name}: raw ${f.raw.median.toFixed(2)} ms, domain ${f.domain.median.toFixed(2)} ms ` +
      `(${f.rawRows}/${f.domainRows} rows)`,
  );
}

/**
 * The same on a server that serves one connection at a time (the embedded
 * one): the domain's Prisma client and the raw pool cannot both hold a
 * connection, so all raw runs first, then all domain runs.
 */
async function measureSqlThenDomain(
  url: string,
  runs: number,
  warmup: number,
): Promise<{ fx: Fixtures; figures: SqlFigures }> {
  const { disconnectDb } = await import('../../lib/db');
  const ctxs = await contexts();
  await disconnectDb();
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  const raw: Record<string, { samples: number[]; rows: number }> = {};
  let fx: Fixtures;
  try {
    fx = await resolveFixtures(queryOf(pool));
    for (const c of CASES) {
      const ctx = c.user ? ctxs.get(c.user)! : null;
      const run = () => {
        const q = c.rawSql(ctx, fx);
        return pool.query(q.text, q.values);
      };
      raw[c.name] = {
        rows: (await run()).rowCount ?? 0,
        samples: await timeCase(run, runs, warmup, BUDGET.embeddedSql / 2),
      };
    }
  } finally {
    await pool.end();
  }
  const figures: SqlFigures = {};
  try {
    for (const c of CASES) {
      const ctx = c.user ? ctxs.get(c.user)! : null;
      const run = () => c.domain(ctx, fx);
      const domainRows = rowsOf(await run());
      figures[c.name] = {
        raw: summarise(raw[c.name]!.samples),
        rawRows: raw[c.name]!.rows,
        domain: summarise(await timeCase(run, runs, warmup, BUDGET.embeddedSql / 2)),
        domainRows,
      };
      logSql(c.name, figures[c.name]!);
    }
  } finally {
    await disconnectDb();
  }
  return { fx, figures };
}

type Site = { server: BenchServer; fx: Fixtures; cookies: Map<string, string> };

async function signInAll(server: BenchServer, fx: Fixtures): Promise<Site> {
  const users = [...new Set([PROVIDER_USER, ...CASES.map((c) => c.user).filter((u): u is string => !!u)])];
  const cookies = new Map<string, string>();
  for (const u of users) cookies.set(u, await signIn(server.base, u, DEMO_PASSWORD));
  return { server, fx, cookies };
}

const cookieFor = (site: Site, c: Pick<BenchCase, 'user'>) => (c.user ? site.cookies.get(c.user)! : null);
const floorCookie = (site: Site) => site.cookies.get(PROVIDER_USER)!;
/** A case's floor as its user opens it (the default floor's user for a public page). */
const floorOf = (site: Site, c: BenchCase) => ({
  path: c.floorPath(site.fx),
  cookie: cookieFor(site, c) ?? floorCookie(site),
});

function pageTimes(ttfb: number[], total: number[], bytes: number): PageTimes {
  return { ttfb: summarise(ttfb), total: summarise(total), bytes };
}

/**
 * Each case's page on every site, interleaved with its floor (the same layout
 * with fixed rows) on the first site, request by request: floor and page see
 * the same machine load.
 */
async function measurePages(sites: Site[], runs: number, warmup: number, budget: number) {
  const out: Record<string, { page: PageTimes[]; floor: PageTimes }> = {};
  for (const c of CASES) {
    const samples = sites.map(() => ({ ttfb: [] as number[], total: [] as number[], bytes: 0 }));
    const floor = { ttfb: [] as number[], total: [] as number[], bytes: 0 };
    const floorSide = floorOf(sites[0]!, c);
    const warm = performance.now();
    let since = warm;
    let warmed = 0;
    for (let i = 0; ; i++) {
      const warming = warmed === i && warmingUp(i, warmup, warm, budget);
      if (warming) warmed++;
      else if (i === warmed) since = performance.now();
      if (!warming && (i - warmed >= runs || !withinBudget(i - warmed, since, budget))) break;
      // The floor of the first site (the one the ratios are about), then the page on each site.
      const f = await getPage(sites[0]!.server.base, floorSide.path, floorSide.cookie);
      const pages = [];
      for (const site of sites) pages.push(await getPage(site.server.base, c.pagePath(site.fx), cookieFor(site, c)));
      if (warming) continue;
      floor.ttfb.push(f.ttfb);
      floor.total.push(f.total);
      floor.bytes = f.body.length;
      for (const [k, page] of pages.entries()) {
        samples[k]!.ttfb.push(page.ttfb);
        samples[k]!.total.push(page.total);
        samples[k]!.bytes = page.body.length;
      }
    }
    out[c.name] = {
      page: samples.map((s) => pageTimes(s.ttfb, s.total, s.bytes)),
      floor: pageTimes(floor.ttfb, floor.total, floor.bytes),
    };
    const o = out[c.name]!;
    log(
      `  ${c.name}: floor ${ms(o.floor.ttfb.median)} ms, ` +
        `${sites.map((s, k) => `${s.server.name} page ${ms(o.page[k]!.ttfb.median)} ms`).join(', ')} ` +
        `(${o.floor.ttfb.runs} runs)`,
    );
  }
  return out;
}

/**
 * When the load tool stops, the server still renders the requests it had
 * accepted: wait until a floor request is back near its unloaded time, so
 * the next page does not start with the previous one's backlog.
 */
async function settle(site: Site, floorMs: number): Promise<void> {
  return settleOn(async () => (await getPage(site.server.base, DEFAULT_FLOOR, floorCookie(site))).total, floorMs);
}

/** As settle, with another floor request (`probe` answers its time). */
async function settleOn(probe: () => Promise<number>, floorMs: number): Promise<void> {
  const until = Date.now() + 120_000;
  await new Promise((resolve) => setTimeout(resolve, 500));
  while (Date.now() < until) {
    if ((await probe()) < Math.max(3 * floorMs, floorMs + 20)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function idleFloorMs(site: Site): Promise<number> {
  const unloaded: number[] = [];
  for (let i = 0; i < 10; i++) unloaded.push((await getPage(site.server.base, DEFAULT_FLOOR, floorCookie(site))).total);
  return summarise(unloaded).median;
}

/**
 * The framework's floor: the portal's default floor beside the bare Next.js
 * page, one request at a time (alternately, `runs` each after a warm-up; time
 * to the last byte) and under load (in turns).
 */
async function measureFramework(site: Site, bare: Target, runs: number, seconds: number, connections: number) {
  const floor: Target = { base: site.server.base, path: DEFAULT_FLOOR, cookie: floorCookie(site) };
  // The bare server has served nothing yet: both warm up alike (JIT) before they are timed.
  const warmUp = { connections: 10, seconds: Math.min(seconds, 6), slices: 2, between: async () => {} };
  await loadInTurns([floor, bare], warmUp);
  const times = { floor: [] as number[], bare: [] as number[] };
  for (let i = -Math.ceil(runs / 10); i < runs; i++) {
    const order = i % 2 === 0 ? (['floor', 'bare'] as const) : (['bare', 'floor'] as const);
    for (const side of order) {
      const t = side === 'floor' ? floor : bare;
      const took = (await getPage(t.base, t.path, t.cookie)).total;
      if (i >= 0) times[side].push(took);
    }
  }
  const idle = await idleFloorMs(site);
  const [floorLoad, bareLoad] = await loadInTurns([floor, bare], {
    connections,
    seconds,
    slices: loadSlices(seconds),
    between: () => settle(site, idle),
  });
  return {
    floor: { oneRequest: summarise(times.floor), load: floorLoad! },
    bare: { oneRequest: summarise(times.bare), load: bareLoad! },
  };
}

async function measureLoad(site: Site, bare: Target | null, seconds: number, connections: number) {
  const idle = await idleFloorMs(site);
  // Each page is loaded in turns with its floor and the bare Next.js page when
  // given (loadSlices runs of each, `seconds` in all for each): a machine that
  // slows down or speeds up during the minutes of the run moves every side
  // of the page's ratios alike.
  const between = () => settle(site, idle);
  const floors: LoadResult[] = [];
  const pages: Record<string, LoadResult & { floorRequestsPerSecond: number; bareRequestsPerSecond?: number }> = {};
  for (const c of CASES) {
    const [page, floor, bareLoad] = await loadInTurns(
      [
        { base: site.server.base, path: c.pagePath(site.fx), cookie: cookieFor(site, c) },
        { base: site.server.base, ...floorOf(site, c) },
        ...(bare ? [bare] : []),
      ],
      { connections, seconds, slices: loadSlices(seconds), between },
    );
    floors.push(floor!);
    pages[c.name] = {
      ...page!,
      floorRequestsPerSecond: floor!.requestsPerSecond,
      ...(bareLoad ? { bareRequestsPerSecond: bareLoad.requestsPerSecond } : {}),
    };
    log(
      `  ${c.name}: ${page!.requestsPerSecond.toFixed(0)} req/s ` +
        `(floor beside it ${floor!.requestsPerSecond.toFixed(0)}` +
        `${bareLoad ? `, bare page ${bareLoad.requestsPerSecond.toFixed(0)}` : ''}), ` +
        `p50 ${ms(page!.latencyMs.p50)} ms, p99 ${ms(page!.latencyMs.p99)} ms, errors ${page!.errors}`,
    );
  }
  const floorRequestsPerSecond = floors.reduce((sum, f) => sum + f.requestsPerSecond, 0) / floors.length;
  log(`  floor over the run: ${floors.map((f) => f.requestsPerSecond.toFixed(0)).join(', ')} req/s`);
  return {
    floorBefore: floors[0]!,
    floorAfter: floors[floors.length - 1]!,
    floorRequestsPerSecond,
    floorRuns: floors.length,
    pages,
  };
}

type ApiApp = { token: string; ctx: Ctx };

/**
 * The bench's API apps, made in the database the server serves (a new pair
 * each run): each of API_APP_USERS's organisation, with every scope its
 * admin may grant, and a token for each over POST /api/oauth/token.
 */
async function makeApiApps(base: string): Promise<Record<ApiAppName, ApiApp>> {
  const name = `Bench ${new Date().toISOString().slice(0, 16)}`;
  const apps: Partial<Record<ApiAppName, ApiApp>> = {};
  for (const [app, email] of Object.entries(API_APP_USERS) as [ApiAppName, string][]) {
    const user = await benchCtx(email);
    const scopes = SCOPE_NAMES.filter((scope) => grantable(scope, (permission) => can(user, permission)));
    const made = await createApiApp(user, { name, scopes });
    const ctx = await appCtx(made.appId, user.orgId!, scopes);
    if (!ctx) throw new Error(`The bench's API app of ${email} does not act`);
    apps[app] = { token: await apiToken(base, made.clientId, made.clientSecret), ctx };
  }
  return apps as Record<ApiAppName, ApiApp>;
}

/**
 * The Partner API's lists (API_CASES) on the big site: each statement through
 * `pg`; each endpoint beside the API floor with the same app's token and query
 * string, one request at a time (alternately, either first in turn; to the
 * last byte), then under load in turns.
 */
async function measureApi(server: BenchServer, pool: Pool, fx: Fixtures, customers: number): Promise<ApiBench> {
  const apps = await makeApiApps(server.base);
  const base = server.base;
  const sides = API_CASES.map((c, i) => {
    const path = c.path(fx);
    const token = apps[c.app].token;
    const search = new URL(path, base).search;
    const floorPath = `${API_FLOOR}${search}`;
    return { c, path, floorPath, floorSqlPath: `${floorPath}${search ? '&' : '?'}benchSql=c${i}`, token };
  });

  log(`  raw SQL (${N.sqlRuns} runs each)…`);
  const raw = new Map<string, { rows: number; samples: number[] }>();
  const statements: Record<string, { text: string; values: unknown[] }> = {};
  for (const [i, { c }] of sides.entries()) {
    const q = c.rawSql(apps[c.app].ctx, fx);
    statements[`c${i}`] = { text: q.text, values: q.values };
    const run = () => pool.query(q.text, q.values);
    const rows = (await run()).rowCount ?? 0;
    raw.set(c.name, { rows, samples: await timeCase(run, N.sqlRuns, N.sqlWarmup, BUDGET.sql) });
  }
  // Read by the server's API floor at its first `?benchSql=` (one file per server start).
  mkdirSync(path.dirname(BENCH_SQL_FILE), { recursive: true });
  writeFileSync(BENCH_SQL_FILE, JSON.stringify(statements));

  log(`  one request at a time (${N.pageRuns} runs each, beside the API floor)…`);
  const timed = new Map<string, { endpoint: PageTimes; floor: PageTimes; items: number }>();
  for (const { c, path, floorPath, token } of sides) {
    const e = { ttfb: [] as number[], total: [] as number[], bytes: 0 };
    const f = { ttfb: [] as number[], total: [] as number[], bytes: 0 };
    const first = await getApi(base, path, token);
    const items = (JSON.parse(first.body) as { items: unknown[] }).items.length;
    const warm = performance.now();
    for (let i = 0; warmingUp(i, N.pageWarmup, warm, BUDGET.page); i++) {
      await getApi(base, floorPath, token);
      await getApi(base, path, token);
    }
    const since = performance.now();
    for (let i = 0; i < N.pageRuns && withinBudget(i, since, BUDGET.page); i++) {
      for (const side of i % 2 === 0 ? [f, e] : [e, f]) {
        const res = await getApi(base, side === f ? floorPath : path, token);
        side.ttfb.push(res.ttfb);
        side.total.push(res.total);
        side.bytes = res.body.length;
      }
    }
    const r = raw.get(c.name)!;
    timed.set(c.name, {
      endpoint: pageTimes(e.ttfb, e.total, e.bytes),
      floor: pageTimes(f.ttfb, f.total, f.bytes),
      items,
    });
    const t = timed.get(c.name)!;
    log(
      `  ${c.name}: raw ${ms(summarise(r.samples).median)} ms, endpoint ${ms(t.endpoint.total.median)} ms, ` +
        `API floor ${ms(t.floor.total.median)} ms (${t.floor.total.runs} runs, ${items} items)`,
    );
  }

  log(`  load: ${N.connections} connections, ${N.loadSeconds} s per endpoint (in turns with the API floor)…`);
  const probe = async () => (await getApi(base, API_FLOOR, apps.provider.token)).total;
  const unloaded: number[] = [];
  for (let i = 0; i < 10; i++) unloaded.push(await probe());
  const idle = summarise(unloaded).median;
  const cases: ApiCaseResult[] = [];
  for (const { c, path, floorPath, floorSqlPath, token } of sides) {
    const authorization = `Bearer ${token}`;
    const [endpoint, floor, floorSql] = await loadInTurns(
      [
        { base, path, cookie: null, authorization },
        { base, path: floorPath, cookie: null, authorization },
        { base, path: floorSqlPath, cookie: null, authorization },
      ],
      {
        connections: N.connections,
        seconds: N.loadSeconds,
        slices: loadSlices(N.loadSeconds),
        between: () => settleOn(probe, idle),
      },
    );
    log(
      `  ${c.name}: ${endpoint!.requestsPerSecond.toFixed(0)} req/s ` +
        `(API floor beside it ${floor!.requestsPerSecond.toFixed(0)}, ` +
        `floor + its SQL ${floorSql!.requestsPerSecond.toFixed(0)}), p50 ${ms(endpoint!.latencyMs.p50)} ms, ` +
        `p99 ${ms(endpoint!.latencyMs.p99)} ms, ` +
        `errors ${endpoint!.errors} (floors ${floor!.errors + floorSql!.errors})`,
    );
    const r = raw.get(c.name)!;
    const t = timed.get(c.name)!;
    cases.push({
      name: c.name,
      path,
      floorPath,
      app: c.app,
      items: t.items,
      rawRows: r.rows,
      raw: summarise(r.samples),
      endpoint: t.endpoint,
      floor: t.floor,
      floorSqlPath,
      load: {
        ...endpoint!,
        floorRequestsPerSecond: floor!.requestsPerSecond,
        floorSqlRequestsPerSecond: floorSql!.requestsPerSecond,
      },
    });
  }
  return { customers, cases };
}

async function measureOrders(site: Site, pool: Pool, runs: number) {
  const actionId = findActionId(ROOT);
  const { rows } = await pool.query<{ id: string; minQuantity: number }>(
    `SELECT id, "minQuantity" FROM "Offer" WHERE active AND NOT "isAzurePlan" ORDER BY "minQuantity", name, id LIMIT 1`,
  );
  if (!rows[0]) throw new Error('No active offer to order');
  const offer = { id: rows[0].id, quantity: Math.max(1, rows[0].minQuantity) };
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const cookie = floorCookie(site);
  await submitOrder(site.server.base, cookie, actionId, offer, `${runId}w`); // warm-up (a real order too)
  const order: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < runs; i++) {
    floor.push((await getPage(site.server.base, DEFAULT_FLOOR, cookie)).total);
    order.push(await submitOrder(site.server.base, cookie, actionId, offer, `${runId}n${i}`));
  }
  const placed = await pool.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM "Customer" WHERE "domainPrefix" LIKE $1`,
    [`bench${runId}%`],
  );
  if (placed.rows[0]!.n !== runs + 1)
    throw new Error(`Expected ${runs + 1} new customers from the order runs, found ${placed.rows[0]!.n}`);
  return {
    order: summarise(order),
    floor: summarise(floor),
    ordersPlaced: placed.rows[0]!.n,
    via: 'HTTP server action (placeNewCustomerOrderAction), to the last byte',
  };
}

async function main() {
  mkdirSync(LOGS, { recursive: true });
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
  log(`${command}: ${quick ? 'quick run' : 'full run'}, ${cpus().length} cores, node ${process.version}`);

  log('Production build (rebuilt only when the sources changed)…');
  buildIfNeeded({ ...process.env, NODE_ENV: 'production' });
  log('The bare Next.js page (the framework floor)…');
  const bareDir = buildBare(log);

  const adminUrl = await findPostgresServer();
  if (!adminUrl)
    throw new Error('No local PostgreSQL: set DATABASE_URL to a local server or start one on 127.0.0.1:5432');
  const bigSizes = sizesFor(bigCustomers);
  const smallSizes = sizesFor(1_000);
  const bigName = bigCustomers === 100_000 ? 'pc_bench_100k' : `pc_bench_${bigCustomers}`;
  log(`Database ${bigName} (${bigCustomers.toLocaleString('en')} customers)…`);
  const big = await preparePostgres(adminUrl, bigName, bigSizes, fresh, log);
  log(
    big.reused
      ? `  reused (${JSON.stringify(big.counts)})`
      : `  seeded in ${big.seedSeconds.toFixed(1)} s (${JSON.stringify(big.counts)})`,
  );
  log('Database pc_bench_1k (1,000 customers)…');
  const small = await preparePostgres(adminUrl, 'pc_bench_1k', smallSizes, fresh, log);
  log(
    small.reused
      ? `  reused (${JSON.stringify(small.counts)})`
      : `  seeded in ${small.seedSeconds.toFixed(1)} s (${JSON.stringify(small.counts)})`,
  );

  const secret = randomBytes(32).toString('base64url');
  log('Starting the production servers…');
  const bigServer = await startServer(
    'big',
    PORTS.big,
    {
      DATABASE_URL: big.url,
      DATABASE_POOL_MAX: '10',
      NEXTAUTH_SECRET: secret,
      API_QUOTA_PER_MINUTE,
      PC_BENCH_SQL: BENCH_SQL_FILE,
    },
    LOGS,
  );
  let smallServer: BenchServer | null = await startServer(
    '1k',
    PORTS.small,
    { DATABASE_URL: small.url, DATABASE_POOL_MAX: '10', NEXTAUTH_SECRET: secret },
    LOGS,
  );
  const bareServer = await startBare(PORTS.bare, LOGS);
  const bare: Target = { base: bareServer.base, path: '/', cookie: null };
  const bigPool = new pg.Pool({ connectionString: big.url, max: 2 });
  const smallPool = new pg.Pool({ connectionString: small.url, max: 2 });
  try {
    const bigFx = await resolveFixtures(queryOf(bigPool));
    const smallFx = await resolveFixtures(queryOf(smallPool));

    log(`Raw SQL and domain functions at ${bigCustomers.toLocaleString('en')} customers (${N.sqlRuns} runs each)…`);
    await pointDomainAt(big.url, 10);
    const sql = await measureSqlAndDomain(bigPool, bigFx, N.sqlRuns, N.sqlWarmup);

    log(
      `Pages (${N.pageRuns} runs each, beside the floor) at ${bigCustomers.toLocaleString('en')} ` +
        `and at 1,000 customers…`,
    );
    const bigSite = await signInAll(bigServer, bigFx);
    const smallSite = await signInAll(smallServer, smallFx);
    const pages = await measurePages([bigSite, smallSite], N.pageRuns, N.pageWarmup, BUDGET.page);
    await smallServer.stop();
    smallServer = null;

    log(`Order submission (${N.orderRuns} orders)…`);
    const orders = await measureOrders(bigSite, bigPool, N.orderRuns);
    log(`  order ${orders.order.median.toFixed(1)} ms, floor ${orders.floor.median.toFixed(1)} ms`);

    log(
      `The framework's floor: /bench-floor beside the bare Next.js page (${N.pageRuns} requests each, ` +
        `then ${N.connections} connections, ${N.loadSeconds} s each)…`,
    );
    const frame = await measureFramework(bigSite, bare, N.pageRuns, N.loadSeconds, N.connections);
    log(
      `  one request: floor ${ms(frame.floor.oneRequest.median)} ms, bare ${ms(frame.bare.oneRequest.median)} ms; ` +
        `under load: floor ${frame.floor.load.requestsPerSecond.toFixed(0)} req/s, ` +
        `bare ${frame.bare.load.requestsPerSecond.toFixed(0)} req/s`,
    );

    log(`Load: ${N.connections} connections, ${N.loadSeconds} s per page (beside its floor and the bare page)…`);
    const load = await measureLoad(bigSite, bare, N.loadSeconds, N.connections);
    const memory = groupPeakMemory(bigServer.pid);
    log(
      `  server peak memory ${(memory.bytes / 2 ** 20).toFixed(0)} MiB (${memory.processes} process(es)), ` +
        `the web process ${(memory.largestBytes / 2 ** 20).toFixed(0)} MiB`,
    );

    log(`The Partner API's lists at ${bigCustomers.toLocaleString('en')} customers, beside the API floor…`);
    const api = await measureApi(bigServer, bigPool, bigFx, bigCustomers);

    log('JavaScript per route (production build manifests)…');
    const routeJs = measureRouteJs(ROOT);
    const framework: Framework = {
      floor: frame.floor,
      bare: {
        ...frame.bare,
        peakBytes: groupPeakMemory(bareServer.pid).largestBytes,
        routeJs: measureRouteJs(bareDir).find((j) => j.route === '/') ?? null,
      },
    };
    await bareServer.stop();

    log(`LCP and CLS in Chromium (${N.vitalsLoads} load(s) a page after one warm-up)…`);
    const vitals = await measureVitals(
      bigServer.base,
      CHROMIUM,
      [
        { path: DEFAULT_FLOOR, cookie: floorCookie(bigSite) },
        ...CASES.map((c) => ({ path: c.pagePath(bigFx), cookie: cookieFor(bigSite, c) })),
      ],
      N.vitalsLoads,
    );
    await bigServer.stop();
    await bigPool.end();
    await smallPool.end();

    const embedded = skipEmbedded ? null : await runEmbedded(secret);

    const cases: CaseResult[] = CASES.map((c, i) => ({
      name: c.name,
      pagePath: c.pagePath(bigFx),
      floorPath: c.floorPath(bigFx),
      user: c.user,
      rawRows: sql[c.name]!.rawRows,
      domainRows: sql[c.name]!.domainRows,
      raw: sql[c.name]!.raw,
      domain: sql[c.name]!.domain,
      page: pages[c.name]!.page[0]!,
      floor: pages[c.name]!.floor,
      pageSmall: pages[c.name]!.page[1]!,
      load: load.pages[c.name]!,
      vitals: vitals[i + 1] ?? null,
      embedded: embedded?.cases[c.name] ?? null,
    }));
    const result: BenchResult = {
      command,
      finishedAt: new Date().toISOString(),
      seconds: (Date.now() - started) / 1000,
      quick,
      machine: {
        cores: cpus().length,
        cpu: cpus()[0]?.model ?? '',
        memoryBytes: totalmem(),
        node: process.version,
        platform: `${process.platform} ${process.arch}`,
      },
      runs: N,
      databases: {
        big: {
          name: bigName,
          customers: bigCustomers,
          sizes: bigSizes,
          counts: big.counts,
          reused: big.reused,
          seedSeconds: big.seedSeconds,
        },
        small: {
          name: 'pc_bench_1k',
          customers: 1_000,
          sizes: smallSizes,
          counts: small.counts,
          reused: small.reused,
          seedSeconds: small.seedSeconds,
        },
      },
      fixtures: { big: bigFx, small: smallFx },
      cases,
      floorLoad: {
        before: load.floorBefore,
        after: load.floorAfter,
        requestsPerSecond: load.floorRequestsPerSecond,
        runs: load.floorRuns,
      },
      floorVitals: vitals[0] ?? null,
      orders,
      memory: { peakBytes: memory.bytes, processes: memory.processes, largestBytes: memory.largestBytes },
      routeJs,
      framework,
      embedded: embedded
        ? {
            customers: EMBEDDED_CUSTOMERS,
            counts: embedded.prepared.counts,
            reused: embedded.prepared.reused,
            seedSeconds: embedded.prepared.seedSeconds,
            floorLoad: embedded.floorLoad,
            memory: embedded.memory,
          }
        : null,
      api,
    };
    writeReport(result, RESULTS);
  } finally {
    await smallServer?.stop();
    await bigServer.stop();
    await bareServer.stop();
    await bigPool.end().catch(() => {});
    await smallPool.end().catch(() => {});
  }
}

/** `--only api`: the Partner API's lists alone, on the big database's server. */
async function mainApiOnly() {
  mkdirSync(LOGS, { recursive: true });
  const command = `npm run bench -- ${args.join(' ')}`;
  log(`${command}: the API's lists only, ${quick ? 'quick run' : 'full run'}, ${cpus().length} cores`);
  log('Production build (rebuilt only when the sources changed)…');
  buildIfNeeded({ ...process.env, NODE_ENV: 'production' });
  const adminUrl = await findPostgresServer();
  if (!adminUrl)
    throw new Error('No local PostgreSQL: set DATABASE_URL to a local server or start one on 127.0.0.1:5432');
  const bigSizes = sizesFor(bigCustomers);
  const bigName = bigCustomers === 100_000 ? 'pc_bench_100k' : `pc_bench_${bigCustomers}`;
  log(`Database ${bigName} (${bigCustomers.toLocaleString('en')} customers)…`);
  const big = await preparePostgres(adminUrl, bigName, bigSizes, fresh, log);
  log(big.reused ? `  reused (${JSON.stringify(big.counts)})` : `  seeded in ${big.seedSeconds.toFixed(1)} s`);
  const env = {
    DATABASE_URL: big.url,
    DATABASE_POOL_MAX: '10',
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    API_QUOTA_PER_MINUTE,
    PC_BENCH_SQL: BENCH_SQL_FILE,
  };
  log('Starting the production server…');
  const server = await startServer('big', PORTS.big, env, LOGS);
  const pool = new pg.Pool({ connectionString: big.url, max: 2 });
  try {
    const fx = await resolveFixtures(queryOf(pool));
    await pointDomainAt(big.url, 10);
    log(`The Partner API's lists at ${bigCustomers.toLocaleString('en')} customers, beside the API floor…`);
    const api = await measureApi(server, pool, fx, bigCustomers);
    writeReport(
      {
        only: 'api',
        command,
        finishedAt: new Date().toISOString(),
        seconds: (Date.now() - started) / 1000,
        quick,
        machine: {
          cores: cpus().length,
          cpu: cpus()[0]?.model ?? '',
          memoryBytes: totalmem(),
          node: process.version,
          platform: `${process.platform} ${process.arch}`,
        },
        runs: N,
        databases: {
          big: {
            name: bigName,
            customers: bigCustomers,
            sizes: bigSizes,
            counts: big.counts,
            reused: big.reused,
            seedSeconds: big.seedSeconds,
          },
        },
        fixtures: { big: fx },
        api,
      },
      RESULTS,
    );
  } finally {
    await server.stop();
    await pool.end().catch(() => {});
  }
}

async function runEmbedded(secret: string) {
  const sizes = sizesFor(EMBEDDED_CUSTOMERS);
  log(`Embedded PostgreSQL (${EMBEDDED_DIR}, ${EMBEDDED_CUSTOMERS.toLocaleString('en')} customers)…`);
  if (fresh) removeDataDir(EMBEDDED_DIR);
  let db = await startEmbeddedPostgres({ dataDir: EMBEDDED_DIR, port: PORTS.embeddedDbBench });
  if (!db.isNew && !(await holdsSizes(db.url, sizes))) {
    log('  the data folder holds other data: starting it again empty');
    await db.stop();
    removeDataDir(EMBEDDED_DIR);
    db = await startEmbeddedPostgres({ dataDir: EMBEDDED_DIR, port: PORTS.embeddedDbBench });
  }
  let prepared: Prepared;
  let sql: SqlFigures;
  let fx: Fixtures;
  try {
    prepared = await prepareEmbedded(db.url, sizes, log);
    log(
      prepared.reused
        ? `  reused (${JSON.stringify(prepared.counts)})`
        : `  seeded in ${prepared.seedSeconds.toFixed(1)} s (${JSON.stringify(prepared.counts)})`,
    );
    await pointDomainAt(db.url, db.maxConnections);
    log(`  raw SQL, then domain functions (${N.embeddedSqlRuns} runs each; one connection at a time)…`);
    ({ fx, figures: sql } = await measureSqlThenDomain(db.url, N.embeddedSqlRuns, Math.min(N.sqlWarmup, 10)));
  } finally {
    await db.stop();
  }
  // The server opens the same data folder in its own process, as `npm start` does.
  const server = await startServer(
    'embedded',
    PORTS.embeddedWeb,
    { BENCH_EMBEDDED_DIR: EMBEDDED_DIR, BENCH_EMBEDDED_PORT: String(PORTS.embeddedDbServer), NEXTAUTH_SECRET: secret },
    LOGS,
  );
  try {
    const site = await signInAll(server, fx);
    log(`  pages (${N.embeddedPageRuns} runs each, beside the floor)…`);
    const pages = await measurePages([site], N.embeddedPageRuns, Math.min(N.pageWarmup, 5), BUDGET.embeddedPage);
    log(`  load: ${N.connections} connections, ${N.embeddedLoadSeconds} s per page…`);
    const load = await measureLoad(site, null, N.embeddedLoadSeconds, N.connections);
    const memory = groupPeakMemory(server.pid);
    const cases: Record<string, NonNullable<CaseResult['embedded']>> = {};
    for (const c of CASES) {
      cases[c.name] = {
        raw: sql[c.name]!.raw,
        domain: sql[c.name]!.domain,
        rawRows: sql[c.name]!.rawRows,
        domainRows: sql[c.name]!.domainRows,
        page: pages[c.name]!.page[0]!,
        floor: pages[c.name]!.floor,
        load: load.pages[c.name]!,
      };
    }
    return {
      prepared,
      cases,
      floorLoad: {
        before: load.floorBefore,
        after: load.floorAfter,
        requestsPerSecond: load.floorRequestsPerSecond,
        runs: load.floorRuns,
      },
      memory: { peakBytes: memory.bytes, processes: memory.processes },
    };
  } finally {
    await server.stop();
  }
}

try {
  const saved = option('--report');
  // --report <file.json>: print the tables and write summary.md again from saved figures.
  if (saved) writeReport(JSON.parse(readFileSync(saved, 'utf8')) as BenchResult | ApiOnlyResult, RESULTS);
  else if (only === 'api') await mainApiOnly();
  else await main();
  process.exit(0);
} catch (error) {
  console.error(error);
  process.exit(1);
}
