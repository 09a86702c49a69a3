import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

// The one Prisma client. Created lazily so it sees the final DATABASE_URL
// (the start script may point it at the embedded database). Password hashes
// are omitted from every query unless a caller asks for them explicitly.
function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set');
  const max = Number(process.env.DATABASE_POOL_MAX ?? 10);
  const adapter = new PrismaPg({ connectionString, max });
  // A burst of requests queues for a pooled connection instead of failing
  // after Prisma's default 2 s (and a slow commit under load is not cut at 5 s).
  const transactionOptions = { maxWait: 10_000, timeout: 15_000 };
  return new PrismaClient({ adapter, omit: { user: { passwordHash: true } }, transactionOptions });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

const globalForDb = globalThis as unknown as { __pcDb?: Db };

export function db(): Db {
  globalForDb.__pcDb ??= createClient();
  return globalForDb.__pcDb;
}

export async function disconnectDb() {
  await globalForDb.__pcDb?.$disconnect();
  globalForDb.__pcDb = undefined;
}

// Prisma request codes for "cannot reach / lost the server / pool exhausted".
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
// Driver adapter error kinds for the same.
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TlsConnectionError']);
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
    const x = e as { code?: unknown; errorCode?: unknown; kind?: unknown; meta?: { driverAdapterError?: { cause?: unknown } }; cause?: unknown };
    if (typeof x.code === 'string' && (UNAVAILABLE_CODES.has(x.code) || NETWORK_CODES.has(x.code))) return true;
    if (typeof x.errorCode === 'string' && UNAVAILABLE_CODES.has(x.errorCode)) return true;
    if (typeof x.kind === 'string' && UNAVAILABLE_KINDS.has(x.kind)) return true;
    // PostgreSQL SQLSTATE: 57P01–57P05 (shutdown, crash, cannot connect now…), class 08 (connection), 53300 (too many connections).
    if (x.kind === 'postgres' && typeof x.code === 'string' && (/^57P0[1-5]$/.test(x.code) || x.code.startsWith('08') || x.code === '53300')) return true;
    e = x.meta?.driverAdapterError?.cause ?? x.cause;
  }
  return false;
}
