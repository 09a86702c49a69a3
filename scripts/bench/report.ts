// The bench's output: tables on stdout (absolute times beside the ratios,
// ✓/✗ against the issue's acceptance thresholds), the figures as JSON under
// bench/results/ (<timestamp>.json and latest.json) and summary.md.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Vitals } from './browser';
import type { Fixtures } from './cases';
import type { RouteJs } from './js-size';
import type { LoadResult } from './load';
import { ratio, type Summary } from './stats';

export type PageTimes = { ttfb: Summary; total: Summary; bytes: number };

export type CaseResult = {
  name: string;
  pagePath: string;
  /** Its floor: the same layout with 50 fixed rows (results before per-layout floors: the Customers layout). */
  floorPath?: string;
  user: string | null;
  rawRows: number;
  domainRows: number | null;
  raw: Summary;
  domain: Summary;
  /** At the big size; floor: its floor page measured alternately with it. */
  page: PageTimes;
  floor: PageTimes;
  /** At 1,000 customers. */
  pageSmall: PageTimes;
  load: PageLoad;
  /** Null when no Chromium is installed. */
  vitals: Vitals | null;
  embedded: {
    raw: Summary;
    domain: Summary;
    rawRows: number;
    domainRows: number | null;
    page: PageTimes;
    floor: PageTimes;
    load: PageLoad;
  } | null;
};

/**
 * The floors under load: their turns beside the first page (`before`) and beside the last (`after`), and the mean over
 * their `runs` (one per page).
 */
export type FloorLoad = { before: LoadResult; after: LoadResult; requestsPerSecond: number; runs?: number };
/** A page under load, with its floor's and the bare Next.js page's throughput in the turns alternating with it. */
export type PageLoad = LoadResult & { floorRequestsPerSecond?: number; bareRequestsPerSecond?: number };

/**
 * The framework's floor: the portal's floor (/bench-floor) beside a bare
 * Next.js page of the same version with the same 50 rows (bench/bare), one
 * request at a time (alternately, to the last byte) and under load (in turns).
 */
export type Framework = {
  floor: { oneRequest: Summary; load: LoadResult };
  bare: { oneRequest: Summary; load: LoadResult; peakBytes: number; routeJs: RouteJs | null };
};

/**
 * A Partner API list (GET /api/v1/…) at the big size beside the API floor
 * (app/api/bench-floor: the same gates, 50 fixed rows, no query): one request
 * at a time alternately (`endpoint`, `floor`), its statement through `pg`
 * (`raw`), and under load in turns with the floor (`load.floorRequestsPerSecond`).
 */
export type ApiCaseResult = {
  name: string;
  path: string;
  floorPath: string;
  /** The app whose token calls it: the provider's or the reseller's. */
  app: string;
  /** Items in the endpoint's answer. */
  items: number;
  rawRows: number;
  raw: Summary;
  endpoint: PageTimes;
  floor: PageTimes;
  /** The API floor that also runs the endpoint's statement (`?benchSql=`); absent in older results. */
  floorSqlPath?: string;
  load: PageLoad & { floorSqlRequestsPerSecond?: number };
};

export type ApiBench = { customers: number; cases: ApiCaseResult[] };

export type BenchResult = {
  command: string;
  finishedAt: string;
  seconds: number;
  quick: boolean;
  machine: { cores: number; cpu: string; memoryBytes: number; node: string; platform: string };
  runs: Record<string, number>;
  databases: Record<
    string,
    {
      name: string;
      customers: number;
      sizes: unknown;
      counts: Record<string, number>;
      reused: boolean;
      seedSeconds: number;
    }
  >;
  fixtures: { big: Fixtures; small: Fixtures };
  cases: CaseResult[];
  floorLoad: FloorLoad;
  floorVitals: Vitals | null;
  orders: { order: Summary; floor: Summary; ordersPlaced: number; via: string };
  /** Summed over the server's process group; largestBytes: the web process itself. */
  memory: { peakBytes: number; processes: number; largestBytes?: number };
  routeJs: RouteJs[];
  framework?: Framework;
  embedded: {
    customers: number;
    counts: Record<string, number>;
    reused: boolean;
    seedSeconds: number;
    floorLoad: FloorLoad;
    memory: { peakBytes: number; processes: number };
  } | null;
  /** The Partner API's lists (results written before they were measured have none). */
  api?: ApiBench | null;
};

/** A run of the API's lists alone (`npm run bench -- --only api`). */
export type ApiOnlyResult = Pick<BenchResult, 'command' | 'finishedAt' | 'seconds' | 'quick' | 'machine' | 'runs'> & {
  only: 'api';
  databases: Pick<BenchResult['databases'], 'big'>;
  fixtures: Pick<BenchResult['fixtures'], 'big'>;
  api: ApiBench;
};

/** The issue's acceptance lines. */
export const THRESHOLDS = {
  domainOverRaw: 1.5,
  pageOverFloorPlusRaw: 1.25,
  bigOverSmall: 1.2,
  throughputOverFloor: 0.8,
  orderOverFloor: 3,
  /** Compressed JavaScript per route, bytes (120 kB, Next's own kB of 1,000 bytes). */
  routeJsBytes: 120_000,
  /** The portal's floor beside the bare Next.js page: throughput at least, p50 at most; each list's throughput. */
  floorOverBareThroughput: 0.6,
  floorOverBareP50: 2,
  listOverBareThroughput: 0.5,
  /** Peak resident memory of one web process through the load. */
  processPeakBytes: 500 * 2 ** 20,
  lcpMs: 1000,
  cls: 0,
  /** A Partner API list: its median ÷ (the API floor's + its raw SQL's); its throughput ÷ the API floor's beside it. */
  apiOverFloorPlusRaw: 1.25,
  apiThroughputOverFloor: 0.8,
};

const ms = (v: number) => (!Number.isFinite(v) ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const x = (v: number | null) => (v === null ? '—' : `${v.toFixed(2)}×`);
const mark = (ok: boolean | null) => (ok === null ? ' ' : ok ? '✓' : '✗');
const atMost = (v: number | null, limit: number) => (v === null ? null : v <= limit);
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * The floor's requests per second beside a page (over the run, for results written before the floor was measured beside
 * each page).
 */
const floorBeside = (load: PageLoad, floorOverRun: number) => load.floorRequestsPerSecond ?? floorOverRun;

/** A page's requests per second ÷ the floor's beside it. */
export function throughputRatio(load: PageLoad, floorOverRun: number): number | null {
  return ratio(load.requestsPerSecond, floorBeside(load, floorOverRun));
}

export function derive(c: CaseResult) {
  const domainOverRaw = ratio(c.domain.median, c.raw.median);
  const pageOverFloorPlusRaw = ratio(c.page.ttfb.median, c.floor.ttfb.median + c.raw.median);
  const bigOverSmall = ratio(c.page.ttfb.median, c.pageSmall.ttfb.median);
  return { domainOverRaw, pageOverFloorPlusRaw, bigOverSmall };
}

/**
 * An API list's ratios: median to the last byte ÷ (the API floor's + raw SQL's); req/s ÷ (the floor + its
 * SQL)'s beside it, the goal; and req/s ÷ the bare floor's (no query), shown beside it.
 */
export function deriveApi(c: ApiCaseResult) {
  return {
    endpointOverFloorPlusRaw: ratio(c.endpoint.total.median, c.floor.total.median + c.raw.median),
    throughputOverFloorSql: ratio(c.load.requestsPerSecond, c.load.floorSqlRequestsPerSecond),
    throughputOverFloor: ratio(c.load.requestsPerSecond, c.load.floorRequestsPerSecond),
  };
}

function apiSection(api: ApiBench) {
  const t = THRESHOLDS;
  const first = api.cases[0]?.load;
  return {
    heading:
      `Partner API lists at ${api.customers.toLocaleString('en')} customers, beside the API floor ` +
      `(/api/bench-floor: the same gates, 50 fixed rows, no query); one request at a time, alternately ` +
      `(ms to the last byte), then ${first?.connections ?? 0} connections, ${first?.seconds ?? 0} s each in turns ` +
      `with the floor + the endpoint's raw SQL (the goal) and the floor alone`,
    headers: [
      'Endpoint',
      'app',
      'raw SQL med',
      'endpoint med/p95',
      'API floor med',
      'endpoint÷(floor+raw)',
      'req/s',
      'floor+SQL req/s',
      '÷(floor+SQL) req/s',
      'API floor req/s',
      '÷floor req/s',
      'p50',
      'p99',
      'errors',
    ],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] as ('l' | 'r')[],
    rows: api.cases.map((c) => {
      const d = deriveApi(c);
      const loadOk = c.load.errors === 0 && c.load.requests > 0;
      return [
        c.name,
        c.app,
        ms(c.raw.median),
        `${ms(c.endpoint.total.median)}/${ms(c.endpoint.total.p95)}`,
        ms(c.floor.total.median),
        `${x(d.endpointOverFloorPlusRaw)} ${mark(atMost(d.endpointOverFloorPlusRaw, t.apiOverFloorPlusRaw))}`,
        c.load.requestsPerSecond.toFixed(0),
        (c.load.floorSqlRequestsPerSecond ?? Number.NaN).toFixed(0),
        `${x(d.throughputOverFloorSql)} ${mark(
          d.throughputOverFloorSql === null ? null : d.throughputOverFloorSql >= t.apiThroughputOverFloor && loadOk,
        )}`,
        (c.load.floorRequestsPerSecond ?? Number.NaN).toFixed(0),
        x(d.throughputOverFloor),
        ms(c.load.latencyMs.p50),
        ms(c.load.latencyMs.p99),
        `${c.load.errors}${c.load.requests === 0 ? ' (none completed)' : ''} ${mark(loadOk)}`,
      ];
    }),
  };
}

function table(headers: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => [...(r[i] ?? '')].length)));
  const fmt = (cells: string[]) =>
    cells.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ');
  return [fmt(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(fmt)].join('\n');
}

function mdTable(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function sections(r: BenchResult) {
  const big = r.databases.big!;
  const t = THRESHOLDS;
  const timing = {
    headers: [
      'List',
      'raw SQL med/p95',
      'domain med/p95',
      'domain÷raw',
      'page TTFB med/p95',
      'floor (its layout)',
      'page÷(floor+raw)',
      'page 1k',
      '100k÷1k',
    ],
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] as ('l' | 'r')[],
    rows: r.cases.map((c) => {
      const d = derive(c);
      return [
        c.name,
        `${ms(c.raw.median)}/${ms(c.raw.p95)}`,
        `${ms(c.domain.median)}/${ms(c.domain.p95)}`,
        `${x(d.domainOverRaw)} ${mark(atMost(d.domainOverRaw, t.domainOverRaw))}`,
        `${ms(c.page.ttfb.median)}/${ms(c.page.ttfb.p95)}`,
        ms(c.floor.ttfb.median),
        `${x(d.pageOverFloorPlusRaw)} ${mark(atMost(d.pageOverFloorPlusRaw, t.pageOverFloorPlusRaw))}`,
        ms(c.pageSmall.ttfb.median),
        `${x(d.bigOverSmall)} ${mark(atMost(d.bigOverSmall, t.bigOverSmall))}`,
      ];
    }),
  };
  const floorRps = r.floorLoad.requestsPerSecond;
  const overBare = (l: PageLoad) => {
    const q = l.bareRequestsPerSecond ? ratio(l.requestsPerSecond, l.bareRequestsPerSecond) : null;
    return q === null ? '—' : `${x(q)} ${mark(q >= t.listOverBareThroughput)}`;
  };
  const load = {
    headers: [
      'Page',
      'req/s',
      'p50',
      'p95',
      'p99',
      'errors',
      'its floor beside it, req/s',
      '÷floor req/s',
      '÷bare req/s',
    ],
    align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] as ('l' | 'r')[],
    rows: [
      [
        `Floors (first, last${r.floorLoad.runs ? ` of ${r.floorLoad.runs} runs` : ''})`,
        `${r.floorLoad.before.requestsPerSecond.toFixed(0)}, ${r.floorLoad.after.requestsPerSecond.toFixed(0)}`,
        ms(r.floorLoad.before.latencyMs.p50),
        ms(r.floorLoad.before.latencyMs.p95),
        ms(r.floorLoad.before.latencyMs.p99),
        String(r.floorLoad.before.errors + r.floorLoad.after.errors),
        `${floorRps.toFixed(0)} (mean)`,
        '1.00×',
        '',
      ],
      ...r.cases.map((c) => {
        const q = throughputRatio(c.load, floorRps);
        const ok = q === null ? null : q >= t.throughputOverFloor && c.load.errors === 0 && c.load.requests > 0;
        return [
          c.name,
          c.load.requestsPerSecond.toFixed(0),
          ms(c.load.latencyMs.p50),
          ms(c.load.latencyMs.p95),
          ms(c.load.latencyMs.p99),
          `${c.load.errors}${c.load.requests === 0 ? ' (none completed)' : ''} ` +
            `${mark(c.load.errors === 0 && c.load.requests > 0)}`,
          floorBeside(c.load, floorRps).toFixed(0),
          `${x(q)} ${mark(ok)}`,
          overBare(c.load),
        ];
      }),
    ],
  };
  const routeJs = new Map(r.routeJs.map((j) => [j.route, j]));
  const routeOfPath = (p: string) => {
    const pathname = p.split('?')[0]!;
    return (
      r.routeJs.find((j) => new RegExp(`^${j.route.replace(/\[[^\]]+\]/g, '[^/]+')}$`).test(pathname))?.route ??
      pathname
    );
  };
  const vitals = {
    headers: ['Page', 'LCP med', 'CLS max', 'JS (manifest, br)', 'JS transferred'],
    align: ['l', 'r', 'r', 'r', 'r'] as ('l' | 'r')[],
    rows: [
      { name: 'Floor', v: r.floorVitals, path: '/bench-floor' },
      ...r.cases.map((c) => ({ name: c.name, v: c.vitals, path: c.pagePath })),
    ].map(({ name, v, path: p }) => {
      const js = routeJs.get(routeOfPath(p));
      return [
        name,
        v ? `${ms(v.lcpMs)} ${mark(v.lcpMs < t.lcpMs)}` : 'no Chromium',
        v ? `${v.cls.toFixed(3)} ${mark(v.cls <= t.cls)}` : '—',
        js ? `${kb(js.brotliBytes)} ${mark(js.brotliBytes <= t.routeJsBytes)}` : '—',
        v ? kb(v.jsTransferredBytes) : '—',
      ];
    }),
  };
  const routes = {
    headers: ['Route', 'files', 'JS br', 'JS gzip', 'JS raw'],
    align: ['l', 'r', 'r', 'r', 'r'] as ('l' | 'r')[],
    rows: [
      ...(r.framework?.bare.routeJs
        ? [{ ...r.framework.bare.routeJs, route: 'the bare Next.js page (bench/bare)', bare: true }]
        : []),
      ...r.routeJs.map((j) => ({ ...j, bare: false })),
    ].map((j) => [
      j.route,
      String(j.files),
      j.bare ? kb(j.brotliBytes) : `${kb(j.brotliBytes)} ${mark(j.brotliBytes <= t.routeJsBytes)}`,
      kb(j.gzipBytes),
      kb(j.rawBytes),
    ]),
  };
  const orderRatio = ratio(r.orders.order.median, r.orders.floor.median);
  const order =
    `Order submission (${r.orders.via}): median ${ms(r.orders.order.median)} ms, p95 ${ms(r.orders.order.p95)} ms; ` +
    `floor ${ms(r.orders.floor.median)} ms; ` +
    `order÷floor ${x(orderRatio)} ${mark(atMost(orderRatio, t.orderOverFloor))} ` +
    `(${r.orders.ordersPlaced} orders placed)`;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const memory =
    `Server peak memory after the load (VmHWM, ${r.memory.processes} process(es)): ${mib(r.memory.peakBytes)}` +
    (r.memory.largestBytes === undefined
      ? ''
      : `; the web process ${mib(r.memory.largestBytes)} ` +
        `${mark(r.memory.largestBytes <= t.processPeakBytes)} (at most ${mib(t.processPeakBytes)})`);
  const f = r.framework;
  const framework = f
    ? (() => {
        const q = ratio(f.floor.load.requestsPerSecond, f.bare.load.requestsPerSecond);
        const p = ratio(f.floor.oneRequest.median, f.bare.oneRequest.median);
        return [
          `Throughput, ${f.floor.load.connections} connections in turns: ` +
            `floor ${f.floor.load.requestsPerSecond.toFixed(0)} ÷ ` +
            `bare ${f.bare.load.requestsPerSecond.toFixed(0)} req/s = ${x(q)} ` +
            `${mark(q === null ? null : q >= t.floorOverBareThroughput)} (at least ${t.floorOverBareThroughput})`,
          `One request at a time, p50 to the last byte: floor ${ms(f.floor.oneRequest.median)} ÷ bare ` +
            `${ms(f.bare.oneRequest.median)} ms = ${x(p)} ${mark(atMost(p, t.floorOverBareP50))} ` +
            `(at most ${t.floorOverBareP50})`,
          "Peak memory: the portal's web process " +
            `${r.memory.largestBytes === undefined ? '—' : mib(r.memory.largestBytes)}` +
            ` (at most ${mib(t.processPeakBytes)}); the bare page's server ${mib(f.bare.peakBytes)}`,
          `Compressed JavaScript (Brotli, as the portal's server sends it): the bare page ` +
            `${f.bare.routeJs ? kb(f.bare.routeJs.brotliBytes) : '—'}; ` +
            `the portal's routes ${kb(Math.min(...r.routeJs.map((j) => j.brotliBytes)))}–` +
            `${kb(Math.max(...r.routeJs.map((j) => j.brotliBytes)))} (at most ${kb(t.routeJsBytes)} each)`,
        ];
      })()
    : null;
  const embedded = r.embedded
    ? {
        headers: [
          'List (embedded, 10k)',
          'raw SQL med',
          'domain med',
          'domain÷raw',
          'page TTFB med',
          'floor',
          'page÷(floor+raw)',
          'load req/s',
          'errors',
        ],
        align: ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'] as ('l' | 'r')[],
        rows: r.cases
          .filter((c) => c.embedded)
          .map((c) => {
            const e = c.embedded!;
            const dr = ratio(e.domain.median, e.raw.median);
            const pr = ratio(e.page.ttfb.median, e.floor.ttfb.median + e.raw.median);
            return [
              c.name,
              ms(e.raw.median),
              ms(e.domain.median),
              `${x(dr)} ${mark(atMost(dr, t.domainOverRaw))}`,
              ms(e.page.ttfb.median),
              ms(e.floor.ttfb.median),
              `${x(pr)} ${mark(atMost(pr, t.pageOverFloorPlusRaw))}`,
              e.load.requestsPerSecond.toFixed(0),
              String(e.load.errors),
            ];
          }),
      }
    : null;
  // The raw SQL returns the look-ahead row (51) that the domain function drops from its page.
  const mismatched = r.cases
    .filter((c) => c.domainRows !== null && c.domainRows !== c.rawRows && c.domainRows + 1 !== c.rawRows)
    .map((c) => `${c.name} (raw ${c.rawRows}, domain ${c.domainRows})`);
  const heading =
    `${big.customers.toLocaleString('en')} customers ` +
    `(${big.name}${big.reused ? ', reused' : `, seeded in ${big.seedSeconds.toFixed(0)} s`}); ` +
    'times in ms; page = server time to first byte; ✓/✗ against the acceptance thresholds';
  const floors =
    "Floors: each page beside its layout's floor (its own view with 50 fixed rows, no query; " +
    `${[...new Set(r.cases.map((c) => c.floorPath?.split('?')[0] ?? '/bench-floor'))].join(', ')}); ` +
    "a public page beside the Customers layout's, signed in.";
  return { timing, load, vitals, routes, order, memory, framework, embedded, mismatched, heading, floorRps, floors };
}

const footer = (r: BenchResult | ApiOnlyResult) =>
  `${r.command} — ${r.machine.cores} cores (${r.machine.cpu}), node ${r.machine.node}, ` +
  `${r.seconds.toFixed(0)} s${r.quick ? ' (quick run: few iterations, short load)' : ''}`;

const apiDerived = (api: ApiBench | null | undefined) =>
  api ? api.cases.map((c) => ({ name: c.name, ...deriveApi(c) })) : null;

/**
 * A run of the API's lists alone: its table on stdout and bench/results/<timestamp>.json
 * (latest.json and summary.md stay the last full run's).
 */
function writeApiOnly(r: ApiOnlyResult, dir: string): void {
  const a = apiSection(r.api);
  console.log(['', `== ${a.heading}`, table(a.headers, a.rows, a.align), '', footer(r)].join('\n'));
  const stamp = r.finishedAt.replace(/[:.]/g, '-');
  const json = { thresholds: THRESHOLDS, ...r, apiDerived: apiDerived(r.api) };
  writeFileSync(path.join(dir, `${stamp}.json`), JSON.stringify(json, null, 2));
  console.log(`\nWrote bench/results/${stamp}.json`);
}

export function writeReport(r: BenchResult | ApiOnlyResult, dir: string): void {
  if ('only' in r) return writeApiOnly(r, dir);
  const s = sections(r);
  const a = r.api ? apiSection(r.api) : null;
  const out: string[] = [];
  if (s.framework)
    out.push('', "== The framework's floor: the portal's /bench-floor beside a bare Next.js page", ...s.framework);
  out.push('', `== Lists at ${s.heading}`, s.floors, table(s.timing.headers, s.timing.rows, s.timing.align));
  if (s.mismatched.length) out.push(`Row counts differ between raw SQL and domain: ${s.mismatched.join('; ')}`);
  out.push(
    '',
    `== Under load: ${r.cases[0]?.load.connections ?? 0} connections, ` +
      `${r.cases[0]?.load.seconds ?? 0} s per page (latency in ms)`,
    table(s.load.headers, s.load.rows, s.load.align),
  );
  if (a) out.push('', `== ${a.heading}`, table(a.headers, a.rows, a.align));
  out.push('', s.memory, s.order);
  out.push(
    '',
    '== Chromium: LCP and CLS; compressed JavaScript of the route',
    table(s.vitals.headers, s.vitals.rows, s.vitals.align),
  );
  out.push(
    '',
    '== Compressed JavaScript per app route (build manifests)',
    table(s.routes.headers, s.routes.rows, s.routes.align),
  );
  if (s.embedded)
    out.push(
      '',
      `== Embedded PostgreSQL (PGlite), ${r.embedded!.customers.toLocaleString('en')} customers; ` +
        `floor under load ${r.embedded!.floorLoad.requestsPerSecond.toFixed(0)} req/s; ` +
        `peak memory ${(r.embedded!.memory.peakBytes / 2 ** 20).toFixed(0)} MiB`,
      table(s.embedded.headers, s.embedded.rows, s.embedded.align),
    );
  out.push('', footer(r));
  console.log(out.join('\n'));

  const stamp = r.finishedAt.replace(/[:.]/g, '-');
  const json = JSON.stringify(
    {
      thresholds: THRESHOLDS,
      ...r,
      derived: r.cases.map((c) => ({
        name: c.name,
        ...derive(c),
        throughputOverFloor: throughputRatio(c.load, s.floorRps),
        throughputOverBare: c.load.bareRequestsPerSecond
          ? ratio(c.load.requestsPerSecond, c.load.bareRequestsPerSecond)
          : null,
      })),
      ...(r.api ? { apiDerived: apiDerived(r.api) } : {}),
    },
    null,
    2,
  );
  writeFileSync(path.join(dir, `${stamp}.json`), json);
  writeFileSync(path.join(dir, 'latest.json'), json);

  const md: string[] = [
    '# Bench summary',
    '',
    `Command: \`${r.command}\` (finished ${r.finishedAt}, ${r.seconds.toFixed(0)} s${r.quick ? ', quick run' : ''}).`,
    `Machine: ${r.machine.cores} cores (${r.machine.cpu}), ${(r.machine.memoryBytes / 2 ** 30).toFixed(1)} GiB, ` +
      `node ${r.machine.node}, ${r.machine.platform}.`,
    `Data: ${Object.values(r.databases)
      .map((d) => `${d.name} ${JSON.stringify(d.counts)}`)
      .join('; ')}.`,
    ...(s.framework
      ? [
          '',
          "## The framework's floor: the portal's /bench-floor beside a bare Next.js page",
          '',
          ...s.framework.map((l) => `- ${l}`),
        ]
      : []),
    '',
    `## Lists at ${s.heading}`,
    '',
    s.floors,
    '',
    mdTable(s.timing.headers, s.timing.rows),
    ...(s.mismatched.length ? ['', `Row counts differ between raw SQL and domain: ${s.mismatched.join('; ')}.`] : []),
    '',
    `## Under load (${r.cases[0]?.load.connections ?? 0} connections, ` +
      `${r.cases[0]?.load.seconds ?? 0} s per page, latency in ms)`,
    '',
    mdTable(s.load.headers, s.load.rows),
    ...(a ? ['', `## ${a.heading}`, '', mdTable(a.headers, a.rows)] : []),
    '',
    `${s.memory}.`,
    '',
    `${s.order}.`,
    '',
    '## LCP, CLS and JavaScript',
    '',
    mdTable(s.vitals.headers, s.vitals.rows),
    '',
    `Routes over ${kb(THRESHOLDS.routeJsBytes)} of compressed JavaScript: ${
      r.routeJs
        .filter((j) => j.brotliBytes > THRESHOLDS.routeJsBytes)
        .map((j) => `${j.route} (${kb(j.brotliBytes)})`)
        .join(', ') || 'none'
    }.`,
    ...(s.embedded
      ? [
          '',
          `## Embedded PostgreSQL, ${r.embedded!.customers.toLocaleString('en')} customers`,
          '',
          mdTable(s.embedded.headers, s.embedded.rows),
        ]
      : []),
    '',
    `Full figures: \`bench/results/${stamp}.json\` (also \`latest.json\`).`,
    '',
  ];
  writeFileSync(path.join(dir, 'summary.md'), md.join('\n'));
  console.log(`\nWrote bench/results/${stamp}.json, latest.json and summary.md`);
}
