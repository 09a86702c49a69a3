// The default run's embedded database (PGlite) killed outright: `npm start`
// SIGKILLed while it places a real order over HTTP, at moments spread over
// the submission or the moment PostgreSQL writes the WAL of a commit (so
// that some kills land between the commit and the answer), then started
// again on the same data folder. Each time it
// must open (PostgreSQL recovers there), serve, and keep the killed order
// whole or not at all, with everything committed before still there. Also:
// the lock a killed process leaves is taken over, a first start killed
// while it creates the database is made again from scratch, and a damaged
// folder is refused with a clear message, never served.
// Mirrors tests/faults/kill-order.int.test.ts, which kills a client of a
// PostgreSQL server; here the database dies with the process.
//   node --import tsx tests/default-run/crash.ts
import { existsSync, readFileSync, rmSync, watch } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { findActionId, submitOrder, type OrderOffer } from '../../scripts/bench/order';
import { lockFile } from '../../scripts/lib/data-lock';
import {
  checks,
  cookieHeader,
  http,
  newDataDir,
  ROOT,
  serverErrors,
  signInHttp,
  startExpectingRefusal,
  startPortal,
  type Jar,
  type Portal,
} from './portal';

const PORT = 3710; // the rounds
const FIRST_START_PORT = 3711; // the half-made first start
/** Rounds killed at a moment spread over the submission. */
const ROUNDS = 6;
/** Rounds killed the moment PostgreSQL writes its WAL during the submission (a commit, almost always). */
const COMMIT_ROUNDS = 3;
/** Kill points run from the start of a submission to this many times its usual length. */
const KILL_SPREAD = 1.2;
const ADMIN = 'admin@northwind.example';
/** A first start may build the portal (next build): minutes. */
const START_TIMEOUT_MS = 900_000;

const c = checks('crash');
const folders: string[] = [];
const running = new Set<Portal>();
const began = performance.now();

// ------------------------------------------------------------------ processes

async function start(dataDir: string, port = PORT, logFile?: string): Promise<{ portal: Portal; ms: number }> {
  const t0 = performance.now();
  const portal = await startPortal({ dataDir, port, logFile, timeoutMs: START_TIMEOUT_MS });
  running.add(portal);
  void portal.exited.then(() => running.delete(portal));
  return { portal, ms: performance.now() - t0 };
}

/** A clean stop (SIGTERM closes PGlite), so the script may open the folder itself. */
async function stopClean(portal: Portal, what: string): Promise<void> {
  const code = await portal.stop('SIGTERM');
  c.check(code === 0, `${what}: stops cleanly on SIGTERM (exit ${code})`);
  const errors = serverErrors(portal.output());
  c.check(
    errors.length === 0,
    `${what}: no server errors in its output${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`,
  );
}

function lockHolder(dataDir: string): number | null {
  try {
    return (JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as { pid: number }).pid;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Kills every portal this script started, also one still starting (its pid is in its folder's lock), and removes the folders. */
async function cleanUp(): Promise<void> {
  for (const portal of [...running]) await portal.kill();
  for (const dir of folders) {
    const pid = lockHolder(dir);
    if (pid && pid !== process.pid && alive(pid)) process.kill(pid, 'SIGKILL');
  }
  await sleep(200);
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
}
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

// ------------------------------------------------------------------- database

/** Opens the data folder in this process: only while no portal runs on it. */
async function withDatabase<T>(dataDir: string, read: (db: PGlite) => Promise<T>): Promise<T> {
  if (existsSync(lockFile(dataDir)))
    throw new Error(`${lockFile(dataDir)} exists: a portal may still run on ${dataDir}`);
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: { pg_trgm, amcheck } });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

const count = async (db: PGlite, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

/** The tables one order writes to, and the part of its footprint each holds. */
const TABLES = {
  customers: 'Customer',
  users: 'User',
  orders: 'Order',
  lines: 'OrderLine',
  subscriptions: 'Subscription',
  periods: 'SubscriptionResellerAssociation',
  audit: 'AuditEvent',
  mails: 'OutboxMessage',
} as const;
type Footprint = Record<keyof typeof TABLES, number>;
const NOTHING: Footprint = {
  customers: 0,
  users: 0,
  orders: 0,
  lines: 0,
  subscriptions: 0,
  periods: 0,
  audit: 0,
  mails: 0,
};
// A provider's own order (no reseller, so no association period) of one line:
// customer.created, subscription.created and order.placed audit events.
const WHOLE: Footprint = {
  customers: 1,
  users: 1,
  orders: 1,
  lines: 1,
  subscriptions: 1,
  periods: 0,
  audit: 3,
  mails: 1,
};
const same = (a: Footprint, b: Footprint) => (Object.keys(TABLES) as (keyof Footprint)[]).every((k) => a[k] === b[k]);
const show = (f: Footprint) => JSON.stringify(f);

/** One order as submitOrder makes it from its run id (scripts/bench/order.ts). */
type Placed = { run: string; prefix: string; company: string; email: string };
function order(run: string): Placed {
  const prefix = `bench${run}`
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 27);
  return { run, prefix, company: `Bench Order ${run}`, email: `it@${prefix}.example` };
}

/** Everything placeNewCustomerOrder writes for one order, also rows that would have lost their customer. */
async function footprint(db: PGlite, o: Placed): Promise<Footprint> {
  const customerId =
    (await db.query<{ id: string }>(`SELECT id FROM "Customer" WHERE "domainPrefix" = $1`, [o.prefix])).rows[0]?.id ??
    '-';
  return {
    customers: customerId === '-' ? 0 : 1,
    users: await count(db, `SELECT count(*)::int AS n FROM "User" WHERE "customerId" = $1 OR email LIKE $2`, [
      customerId,
      `admin@${o.prefix}.%`,
    ]),
    orders: await count(db, `SELECT count(*)::int AS n FROM "Order" WHERE "customerId" = $1`, [customerId]),
    lines: await count(
      db,
      `SELECT count(*)::int AS n FROM "OrderLine" l JOIN "Order" o ON o.id = l."orderId" WHERE o."customerId" = $1`,
      [customerId],
    ),
    subscriptions: await count(db, `SELECT count(*)::int AS n FROM "Subscription" WHERE "customerId" = $1`, [
      customerId,
    ]),
    periods: await count(
      db,
      `SELECT count(*)::int AS n FROM "SubscriptionResellerAssociation" a JOIN "Subscription" s ON s.id = a."subscriptionId" WHERE s."customerId" = $1`,
      [customerId],
    ),
    audit: await count(
      db,
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "targetId" = $1 OR (action IN ('order.placed', 'subscription.created') AND after->>'customerId' = $1) OR (action = 'customer.created' AND after->>'companyName' = $2)`,
      [customerId, o.company],
    ),
    mails: await count(
      db,
      `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE kind = 'customer-welcome' AND "to" = $1`,
      [o.email],
    ),
  };
}

/** Every row id of every table that has one (RateLimit rows expire), and the row count of every table. */
type Snapshot = { ids: Map<string, Set<string>>; rows: Map<string, number> };
async function snapshot(db: PGlite): Promise<Snapshot> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const withId = new Set(
    (
      await db.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'id'`,
      )
    ).rows.map((r) => r.name),
  );
  const ids = new Map<string, Set<string>>();
  const rows = new Map<string, number>();
  for (const table of tables) {
    rows.set(table, await count(db, `SELECT count(*)::int AS n FROM "${table}"`));
    if (withId.has(table) && table !== 'RateLimit')
      ids.set(table, new Set((await db.query<{ id: string }>(`SELECT id FROM "${table}"`)).rows.map((r) => r.id)));
  }
  return { ids, rows };
}

/** Rows of `before` that are gone in `after`, as "Table: n". */
function missing(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [table, ids] of before.ids) {
    const now = after.ids.get(table) ?? new Set<string>();
    const gone = [...ids].filter((id) => !now.has(id)).length;
    if (gone) out.push(`${table}: ${gone}`);
  }
  return out;
}

/**
 * amcheck on the folder: every btree index (catalogs too) against its table
 * (heapallindexed), every GIN index where this PostgreSQL has gin_index_check,
 * every table's heap pages. The extension is dropped again afterwards.
 */
async function integrity(db: PGlite): Promise<{ btree: number; gin: number; heaps: number; problems: string[] }> {
  await db.exec('CREATE EXTENSION IF NOT EXISTS amcheck');
  const problems: string[] = [];
  try {
    const btrees = (
      await db.query<{ oid: number; name: string }>(
        `SELECT c.oid, c.oid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
       WHERE a.amname = 'btree' AND i.indisvalid AND i.indisready AND c.relpersistence <> 't' ORDER BY 2`,
      )
    ).rows;
    for (const index of btrees) {
      await db
        .query('SELECT bt_index_check($1::regclass, true)', [index.oid])
        .catch((error: Error) => problems.push(`${index.name}: ${error.message}`));
    }
    const hasGinCheck =
      (await count(db, `SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'gin_index_check'`)) > 0;
    const gins = hasGinCheck
      ? (
          await db.query<{ oid: number; name: string }>(
            `SELECT c.oid, c.oid::regclass::text AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
           WHERE a.amname = 'gin' AND i.indisvalid ORDER BY 2`,
          )
        ).rows
      : [];
    for (const index of gins) {
      await db
        .query('SELECT gin_index_check($1::regclass)', [index.oid])
        .catch((error: Error) => problems.push(`${index.name}: ${error.message}`));
    }
    const heaps = (
      await db.query<{ oid: number; name: string }>(
        `SELECT c.oid, c.oid::regclass::text AS name FROM pg_class c WHERE c.relkind IN ('r', 'm', 't') AND c.relpersistence = 'p' ORDER BY 2`,
      )
    ).rows;
    for (const heap of heaps) {
      const corrupt = await db
        .query<{ msg: string }>('SELECT msg FROM verify_heapam($1::regclass)', [heap.oid])
        .catch((error: Error) => ({ rows: [{ msg: error.message }] }));
      for (const row of corrupt.rows) problems.push(`${heap.name}: ${row.msg}`);
    }
    return { btree: btrees.length, gin: gins.length, heaps: heaps.length, problems };
  } finally {
    await db.exec('DROP EXTENSION amcheck');
  }
}

/**
 * Calls `then` at the first write to a WAL segment of the folder (inotify on
 * pg_wal): the commit of a transaction writes its WAL there, so a kill from
 * here lands just after a commit, before the portal answers.
 */
function onWalWrite(dataDir: string, then: () => void): () => void {
  const watcher = watch(path.join(dataDir, 'pglite', 'pg_wal'), { persistent: false }, (_event, file) => {
    if (!file || !/^[0-9A-F]{24}$/.test(file.toString())) return;
    watcher.close();
    then();
  });
  return () => watcher.close();
}

// ----------------------------------------------------------------------- HTTP

/** The portal serves after a start: the sign-in page, a signed-in list. Returns the session. */
async function serves(portal: Portal, what: string): Promise<Jar | null> {
  try {
    const signInPage = await http(portal.base, '/sign-in', new Map());
    c.check(signInPage.status === 200, `${what}: GET /sign-in answers ${signInPage.status}`);
    const jar = await signInHttp(portal.base, ADMIN);
    const customers = await http(portal.base, '/customers', jar);
    c.check(
      customers.status === 200 && !customers.body.includes('Something went wrong'),
      `${what}: signed-in GET /customers answers ${customers.status}${customers.body.includes('Something went wrong') ? ' with "Something went wrong"' : ''}`,
    );
    return jar;
  } catch (error) {
    c.check(false, `${what}: serves (${(error as Error).message})`);
    return null;
  }
}

/** Polls until `ready()`; the time it became true, or null if `until` settled first. */
async function when(ready: () => boolean, until: Promise<unknown>): Promise<number | null> {
  let settled = false;
  void until.finally(() => (settled = true));
  for (;;) {
    if (ready()) return performance.now();
    if (settled) return null;
    await sleep(5);
  }
}

/** When a log file holds `text` after its first `from` characters. */
const appears = (logFile: string, text: string, from: number, until: Promise<unknown>) =>
  when(() => existsSync(logFile) && readFileSync(logFile, 'utf8').indexOf(text, from) >= 0, until);

/** Lines of a start's output that PostgreSQL or PGlite may have added (recovery, warnings). */
function notable(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => /warn|error|recover|redo|checkpoint|panic|fatal|corrupt|invalid/i.test(line));
}

// ---------------------------------------------------------------------- run

const summary: string[] = [];
try {
  // ---- A new folder: first start (demo data), its counts, an offer to order.
  const dataDir = newDataDir('crash');
  folders.push(dataDir);
  const firstLog = path.join(dataDir, 'first-start.log');
  const firstStart = start(dataDir, PORT, firstLog);
  // How long the demo data takes, to aim the half-made start's kill into it.
  const created = appears(firstLog, 'Created the embedded database', 0, firstStart);
  const seeded = appears(firstLog, 'Demo data created.', 0, firstStart);
  const first = await firstStart;
  const [createdAt, seededAt] = await Promise.all([created, seeded]);
  const seedMs = createdAt !== null && seededAt !== null ? seededAt - createdAt : 1000;
  c.check(
    first.portal.output().includes('Created the embedded database') &&
      first.portal.output().includes('Demo data created.'),
    `first start creates the database with the demo data (${(first.ms / 1000).toFixed(1)} s; the demo data took ${Math.round(seedMs)} ms)`,
  );
  let jar = await serves(first.portal, 'first start');
  await stopClean(first.portal, 'first start');

  const { demo, offer } = await withDatabase(dataDir, async (db) => {
    const rows = (
      await db.query<{ id: string; minQuantity: number }>(
        `SELECT id, "minQuantity" FROM "Offer" WHERE active AND NOT "isAzurePlan" ORDER BY "minQuantity", name, id LIMIT 1`,
      )
    ).rows;
    if (!rows[0]) throw new Error('The demo data has no active offer to order');
    return {
      demo: await snapshot(db),
      offer: { id: rows[0].id, quantity: Math.max(1, rows[0].minQuantity) } satisfies OrderOffer,
    };
  });
  c.check(
    (demo.rows.get('Customer') ?? 0) > 0 && (demo.rows.get('Organization') ?? 0) > 0,
    `the demo data is there (${[...demo.rows]
      .filter(([, n]) => n)
      .map(([t, n]) => `${t} ${n}`)
      .join(', ')})`,
  );

  // ---- Warm-up: two orders that complete; the second one's time is a submission's usual length.
  const tag = Date.now().toString(36).slice(-6);
  const committed: Placed[] = [];
  let { portal } = await start(dataDir);
  jar ??= await signInHttp(portal.base, ADMIN);
  let actionId = findActionId(ROOT);
  let span = 0;
  for (const run of [`${tag}w0`, `${tag}w1`]) {
    span = await submitOrder(portal.base, cookieHeader(jar), actionId, offer, run);
    committed.push(order(run));
  }
  span = Math.max(span, 5);
  summary.push(
    `warm-up order submission ${Math.round(span)} ms; rounds 1–${ROUNDS} kill at 0–${KILL_SPREAD}× the round's own submission length, rounds ${ROUNDS + 1}–${ROUNDS + COMMIT_ROUNDS} at the first WAL write`,
  );

  // ---- The rounds.
  let before = demo;
  const outcomes = { whole: 0, nothing: 0 };
  const restarts: string[] = [];
  const warnings = new Set<string>();
  for (let round = 1; round <= ROUNDS + COMMIT_ROUNDS; round++) {
    const what = `round ${round}`;
    const atCommit = round > ROUNDS;
    // Orders acknowledged just before the kill: committed, so they must
    // survive. They warm this process up (a fresh one is slow at first); the
    // last one's time is this round's submission length.
    let roundSpan = span;
    for (const suffix of ['a', 'b', 'c']) {
      const acknowledged = order(`${tag}r${round}${suffix}`);
      roundSpan = await submitOrder(portal.base, cookieHeader(jar), actionId, offer, acknowledged.run);
      committed.push(acknowledged);
    }

    // The order to kill, and the kill point: spread over the rounds, with
    // some randomness; or the first WAL write after the submission starts.
    const killed = order(`${tag}r${round}k`);
    const aim = (KILL_SPREAD * (round - 1)) / Math.max(1, ROUNDS - 1) + (Math.random() - 0.5) * 0.2;
    const killedPid = portal.child.pid!;
    let killedAfter = -1; // when SIGKILL is sent; the process is gone a little later
    const t0 = performance.now();
    const sigkill = () => {
      if (killedAfter >= 0) return;
      killedAfter = performance.now() - t0;
      portal.child.kill('SIGKILL');
    };
    const unwatch = atCommit ? onWalWrite(dataDir, sigkill) : () => {};
    const submission = submitOrder(portal.base, cookieHeader(jar), actionId, offer, killed.run).then(
      (ms) => ({ answered: true as const, ms }),
      (error: Error) => ({ answered: false as const, error: error.message }),
    );
    if (atCommit) await Promise.race([submission, portal.exited]);
    else await sleep(Math.max(0, aim * roundSpan));
    unwatch();
    sigkill(); // a no-op when the WAL write sent it already
    await portal.kill();
    const result = await submission;
    const errors = serverErrors(portal.output());
    c.check(
      errors.length === 0,
      `${what}: no server errors before the kill${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}`,
    );

    // The killed process's lock is left behind; the next start takes it over.
    const holder = lockHolder(dataDir);
    c.check(
      holder === killedPid && !alive(killedPid),
      `${what}: the killed process left ${path.basename(lockFile(dataDir))} naming it (pid ${holder}, no longer running)`,
    );
    let restarted: Awaited<ReturnType<typeof start>>;
    try {
      restarted = await start(dataDir);
    } catch (error) {
      c.check(false, `${what}: npm start on the killed folder serves: ${(error as Error).message}`);
      break;
    }
    const out = restarted.portal.output();
    c.check(
      !out.includes('already running') && !out.includes('could not be opened'),
      `${what}: restart after the SIGKILL serves in ${(restarted.ms / 1000).toFixed(1)} s, taking over the lock (no "already running")`,
    );
    c.check(lockHolder(dataDir) === restarted.portal.child.pid, `${what}: the lock now names the new process`);
    for (const line of notable(out)) warnings.add(line.trim());
    restarts.push(`${(restarted.ms / 1000).toFixed(1)} s`);
    jar = (await serves(restarted.portal, `${what} restart`)) ?? jar;
    await stopClean(restarted.portal, `${what} restart`);

    // The database as the restart left it.
    const after = await withDatabase(dataDir, async (db) => {
      const killedPrint = await footprint(db, killed);
      const committedPrints = await Promise.all(committed.map(async (o) => ({ o, print: await footprint(db, o) })));
      const now = await snapshot(db);
      // Each round, so that a broken index names the crash that broke it.
      return { killedPrint, committedPrints, now, checked: await integrity(db) };
    });
    const whole = same(after.killedPrint, WHOLE);
    const nothing = same(after.killedPrint, NOTHING);
    const moment = result.answered
      ? `answered in ${Math.round(result.ms)} ms, before the kill`
      : `killed ${Math.round(killedAfter)} ms into it: ${result.error}`;
    c.check(
      whole || nothing,
      `${what}: the killed order (${moment}) is ${whole ? 'whole' : nothing ? 'not there at all' : `PARTLY there: ${show(after.killedPrint)}`}`,
    );
    if (result.answered) c.check(whole, `${what}: the order answered before the kill is whole`);
    if (whole) {
      outcomes.whole += 1;
      committed.push(killed);
    } else if (nothing) outcomes.nothing += 1;
    summary.push(
      `${what}: submission ${Math.round(roundSpan)} ms, SIGKILL at ${Math.round(killedAfter)} ms (${Math.round((100 * killedAfter) / roundSpan)} %${atCommit ? ', at the WAL write' : ''}) → ` +
        `${whole ? 'whole' : nothing ? 'nothing' : 'PART'}${result.answered ? ` (answered in ${Math.round(result.ms)} ms, before the kill)` : ''}; restart served in ${(restarted.ms / 1000).toFixed(1)} s`,
    );

    const broken = after.committedPrints.filter(({ print }) => !same(print, WHOLE));
    c.check(
      broken.length === 0,
      `${what}: all ${committed.length - (whole ? 1 : 0)} orders committed earlier are whole${broken.length ? `; not: ${broken.map(({ o, print }) => `${o.prefix} ${show(print)}`).join(', ')}` : ''}`,
    );
    const gone = missing(before, after.now);
    c.check(
      gone.length === 0,
      `${what}: every row committed before the round is still there${gone.length ? `; missing: ${gone.join(', ')}` : ''}`,
    );
    // No stray rows either: the order tables hold the demo data and the whole orders, nothing else.
    const stray = (Object.entries(TABLES) as [keyof Footprint, string][])
      .map(([key, table]) => ({
        table,
        expected: (demo.rows.get(table) ?? 0) + committed.length * WHOLE[key],
        actual: after.now.rows.get(table) ?? 0,
      }))
      .filter((t) => t.expected !== t.actual);
    c.check(
      stray.length === 0,
      `${what}: the order tables hold the demo data and ${committed.length} whole orders, nothing more${stray.length ? `; ${stray.map((t) => `${t.table} ${t.actual} (expected ${t.expected})`).join(', ')}` : ''}`,
    );
    const { checked } = after;
    c.check(
      checked.problems.length === 0,
      `${what}: amcheck finds ${checked.btree} btree indexes${checked.gin ? `, ${checked.gin} GIN indexes` : ''} and ${checked.heaps} tables intact${checked.problems.length ? `; ${checked.problems.slice(0, 5).join(' | ')}` : ''}`,
    );
    before = after.now;

    // The next round's portal (after a clean stop: an ordinary start).
    if (round < ROUNDS + COMMIT_ROUNDS) {
      ({ portal } = await start(dataDir));
      actionId = findActionId(ROOT); // the start may have rebuilt the portal
    }
  }
  summary.push(
    `${ROUNDS + COMMIT_ROUNDS} rounds: ${outcomes.whole} whole, ${outcomes.nothing} nothing; restarts after the kill served in ${restarts.join(', ')}`,
  );
  summary.push(`PGlite lines in the restarts' output: ${warnings.size ? [...warnings].join(' | ') : 'none'}`);

  // ---- A first start killed while it creates the database, twice: during
  // PGlite's initdb/migrations and during the demo data. Each next start
  // must see it half-made and make it again.
  const freshDir = newDataDir('crash-first');
  folders.push(freshDir);
  const freshLog = path.join(freshDir, 'start.log');
  // Written on a start's first output: a start killed before it has none.
  const readLog = () => (existsSync(freshLog) ? readFileSync(freshLog, 'utf8') : '');
  const marker = path.join(freshDir, 'pglite.creating');
  const kills = [
    { when: 'as soon as PGlite starts writing its folder', text: null, upTo: 300 },
    { when: 'during the demo data', text: 'Created the embedded database', upTo: Math.max(50, seedMs * 0.7) },
  ];
  for (const [i, kill] of kills.entries()) {
    const from = readLog().length;
    const starting = start(freshDir, FIRST_START_PORT, freshLog).then(
      ({ portal: p }) => ({ served: true as const, portal: p }),
      (error: Error) => ({ served: false as const, output: error.message }),
    );
    if (kill.text) await appears(freshLog, kill.text, from, starting);
    else await when(() => existsSync(marker) && existsSync(path.join(freshDir, 'pglite')), starting);
    await sleep(Math.random() * kill.upTo);
    const pid = lockHolder(freshDir);
    if (pid && pid !== process.pid && alive(pid)) process.kill(pid, 'SIGKILL');
    const ended = await starting;
    if (ended.served) await ended.portal.kill();
    const log = readLog().slice(from);
    const stage = log.includes('Demo data created.')
      ? 'after the demo data'
      : log.includes('Created the embedded database')
        ? 'during the demo data'
        : 'before the database was created';
    c.check(
      !ended.served && existsSync(marker),
      `half-made start ${i + 1}: killed ${kill.when} (${stage}); the pglite.creating marker remains`,
    );
    if (i > 0)
      c.check(
        log.includes('left half-made'),
        `half-made start ${i + 1}: it first said the database was left half-made`,
      );
  }
  const fromFinal = readLog().length;
  let remade: Awaited<ReturnType<typeof start>> | null = null;
  try {
    remade = await start(freshDir, FIRST_START_PORT, freshLog);
  } catch (error) {
    c.check(false, `the start after the half-made ones serves: ${(error as Error).message}`);
  }
  if (remade) {
    const out = readLog().slice(fromFinal);
    c.check(
      out.includes('left half-made') &&
        out.includes('Created the embedded database') &&
        out.includes('Demo data created.'),
      `the start after the half-made ones says so, creates the database again with the demo data and serves (${(remade.ms / 1000).toFixed(1)} s)`,
    );
    c.check(!existsSync(marker), 'the pglite.creating marker is gone once the demo data is in');
    const remadeJar = await serves(remade.portal, 'remade database');
    if (remadeJar) {
      const customers = await http(remade.portal.base, '/customers', remadeJar);
      c.check(
        customers.body.includes('Woodgrove Bank'),
        `${ADMIN} signs in and the Customers list shows Woodgrove Bank`,
      );
    }
    await stopClean(remade.portal, 'remade database');
    const full = await withDatabase(freshDir, snapshot);
    const differ = [...demo.rows]
      .filter(([table, n]) => full.rows.get(table) !== n)
      .map(([table, n]) => `${table} ${full.rows.get(table)} (expected ${n})`);
    c.check(
      differ.length === 0,
      `the remade database holds the full demo data, table for table as a clean first start${differ.length ? `; ${differ.join(', ')}` : ''}`,
    );
    summary.push(`half-made first start: remade and served in ${(remade.ms / 1000).toFixed(1)} s`);

    // ---- A damaged folder (its control file gone, as a disk fault or a bad
    // copy leaves it): npm start refuses with a clear message and leaves it as it is.
    rmSync(path.join(freshDir, 'pglite', 'global', 'pg_control'));
    const damaged = await startExpectingRefusal({ dataDir: freshDir, port: FIRST_START_PORT });
    c.check(
      !damaged.served && damaged.code === 1,
      `a damaged data folder: npm start exits with code ${damaged.code} without serving`,
    );
    c.check(
      /could not be opened: .*\nThe portal is not started\. Restore a copy of that folder, or move it away/.test(
        damaged.output,
      ),
      `and says so: "${damaged.output.trim().split('\n').slice(-2).join(' ')}"`,
    );
    c.check(
      existsSync(path.join(freshDir, 'pglite', 'PG_VERSION')) &&
        !existsSync(path.join(freshDir, 'pglite', 'global', 'pg_control')),
      'and leaves the folder as it found it (not made anew)',
    );
  }
} catch (error) {
  c.check(false, `the run ended early: ${(error as Error).stack ?? error}`);
} finally {
  await cleanUp();
}

for (const line of summary) console.log(`  ${line}`);
console.log(
  `${c.failed() ? '✗' : '✓'} [crash] ${c.passed()} passed, ${c.failed()} failed (${((performance.now() - began) / 1000).toFixed(0)} s)`,
);
process.exit(c.failed() ? 1 : 0);
