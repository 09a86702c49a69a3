import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { createHash } from 'node:crypto';
import pg from 'pg';
import { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { readEnv } from '@/lib/env/schema';

// The one connection pool and the one Prisma client on it. Created lazily so
// they see the final DATABASE_URL (the start script may point it at the
// embedded database). Password hashes are omitted from every query unless a
// caller asks for them explicitly.
function createPool() {
  const connectionString = readEnv('DATABASE_URL');
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  const max = readEnv('DATABASE_POOL_MAX');
  // pg's own default (10 s): an idle connection is closed, a later query opens
  // a new one. Settable so the tests can cross it in a second.
  const idleTimeoutMillis = readEnv('DATABASE_POOL_IDLE_SECONDS') * 1000;
  return new pg.Pool({ connectionString, max, idleTimeoutMillis });
}

function createClient() {
  const adapter = new PrismaPg(pool());
  // A burst of requests queues for a pooled connection instead of failing
  // after Prisma's default 2 s (and a slow commit under load is not cut at 5 s).
  const transactionOptions = { maxWait: 10_000, timeout: 15_000 };
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } }, transactionOptions });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { __pcDb?: Db; __pcPool?: pg.Pool };

/** The pool Prisma shares; `query` below is the way to it, but for the bench's floor (app/api/bench-floor). */
export function pool(): pg.Pool {
  globalForDb.__pcPool ??= createPool();
  return globalForDb.__pcPool;
}

export function db(): Db {
  globalForDb.__pcDb ??= createClient();
  return globalForDb.__pcDb;
}

/** How `query` plans a statement. */
export type QueryOptions = {
  /**
   * `'reuse'`: a named prepared statement (one per distinct SQL text on each
   * pooled connection): parsed once, and after five runs PostgreSQL keeps a
   * generic plan when it costs no more than planning afresh, so a list's
   * repeated reads skip parsing and planning (in `npm run bench` they were
   * most of the database's time per page). Only for statements whose best
   * plan does not depend on the values bound: not for an unbounded text
   * search (the trigram index suits one pattern and not another; a bounded
   * walk is fine, see findCustomers), and not where the bench showed a
   * worse generic plan. Default: planned for its values.
   */
  plan?: 'reuse';
};

/**
 * Runs one read statement straight on the pool, for the lists and reports:
 * each is a single SQL statement built with `Prisma.sql` (values always bound
 * as parameters), and going through `pg` directly costs nothing over the SQL
 * itself (`npm run bench` prints the ratio). Writes go through Prisma.
 * Column types arrive as `pg` parses them: cast counts to int (`::int`).
 */
export async function query<T>(sql: Prisma.Sql, options: QueryOptions = {}): Promise<T[]> {
  const values = sql.values as unknown[];
  const result =
    options.plan === 'reuse'
      ? await pool().query({ name: statementName(sql.text), text: sql.text, values })
      : await pool().query(sql.text, values);
  return result.rows as T[];
}

/**
 * `LIMIT n` written into the statement's text rather than bound: the planner
 * then knows a page wants n rows, in a reused (generic) plan too; bound, it
 * guesses a tenth of the table and picks hash joins over whole tables.
 */
export function rowLimit(n: number): Prisma.Sql {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Not a row count: ${n}`);
  return Prisma.raw(`LIMIT ${n}`);
}

/**
 * A timestamp written into the statement's text (a month's bounds, which
 * change once a month): a reused plan is then planned for that window
 * instead of a guess; the text changes with the value, so does its plan.
 */
export function timestampLiteral(at: Date): Prisma.Sql {
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new Error(`Not a timestamp: ${String(at)}`);
  return Prisma.raw(`'${at.toISOString()}'::timestamptz`);
}

const statementNames = new Map<string, string>();

/** The same name for the same text (pg prepares a name once per connection; a name must not change text). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `pc_${createHash('sha256').update(text).digest('base64url').slice(0, 32)}`;
    // The texts are a few shapes per list; the bound is only a guard.
    if (statementNames.size >= 1000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

export async function disconnectDb() {
  await globalForDb.__pcDb?.$disconnect();
  globalForDb.__pcDb = undefined;
  const open = globalForDb.__pcPool;
  globalForDb.__pcPool = undefined;
  await open?.end();
}

// Prisma request codes for "cannot reach / lost the server / pool exhausted".
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// Driver adapter error kinds for the same.
const UNAVAILABLE_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TlsConnectionError',
]);
const PG_CONNECTION_LOST = new RegExp(
  '^(Connection terminated( unexpectedly| due to connection timeout)?' +
    '|Client has encountered a connection error and is not queryable' +
    '|timeout exceeded when trying to connect)$',
);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * True when an error means the database cannot be used right now (server
 * restarting or shutting down, failover, connection lost, too many
 * connections): nothing was committed by the failed statement's transaction
 * and the same request may simply be tried again. The pool replaces broken
 * connections by itself, so the process recovers without a restart
 * (tests/faults/postgres-restart.int.test.ts). Pages and actions show a
 * "try again" message for these, never the error itself.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && typeof e === 'object' && depth < 6; depth++) {
    const x = e as {
      code?: unknown;
      errorCode?: unknown;
      kind?: unknown;
      meta?: { driverAdapterError?: { cause?: unknown } };
      cause?: unknown;
    };
    if (typeof x.code === 'string' && (UNAVAILABLE_CODES.has(x.code) || NETWORK_CODES.has(x.code))) return true;
    if (typeof x.errorCode === 'string' && UNAVAILABLE_CODES.has(x.errorCode)) return true;
    if (typeof x.kind === 'string' && UNAVAILABLE_KINDS.has(x.kind)) return true;
    // PostgreSQL SQLSTATE: 57P01–57P05 (shutdown, crash, cannot connect now…), class 08 (connection), 53300 (too many
    // connections).
    // (`kind: 'postgres'` when it came through Prisma; a pg DatabaseError when it came through query()).
    if (
      (x.kind === 'postgres' || e instanceof pg.DatabaseError) &&
      typeof x.code === 'string' &&
      (/^57P0[1-5]$/.test(x.code) || x.code.startsWith('08') || x.code === '53300')
    )
      return true;
    // pg's own errors for a connection lost mid-query carry no code.
    if (e instanceof Error && PG_CONNECTION_LOST.test(e.message)) return true;
    e = x.meta?.driverAdapterError?.cause ?? x.cause;
  }
  return false;
}
