// Where integration tests get their databases. Order: the server in
// $DATABASE_URL, else a local PostgreSQL on 127.0.0.1:5432 (user postgres),
// else an embedded PGlite (no server needed). Only local servers are
// accepted: tests create and drop databases (like dub's assert-local-database).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../scripts/db/embedded';

export type ServerKind = 'postgres' | 'embedded';

export interface TestServer {
  /** URL of a maintenance database on the server (for CREATE/DROP DATABASE). */
  adminUrl: string;
  kind: ServerKind;
  /** Stops what we started (the embedded server); no-op for PostgreSQL. */
  stop(): Promise<void>;
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);
const DEFAULT_LOCAL = 'postgresql://postgres@127.0.0.1:5432/postgres';

/** Throws unless the URL points at this machine. */
export function assertLocalDatabase(url: string): void {
  const { hostname } = new URL(url);
  if (!LOCAL_HOSTS.has(hostname)) {
    throw new Error(`Refusing to run tests against database host "${hostname}": only localhost, 127.0.0.1 or ::1.`);
  }
}

/** The same server, another database. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.href;
}

function quoteName(name: string): string {
  // Names are ours (pc_test_…); be strict rather than clever about quoting.
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`Unsafe database name: ${name}`);
  return `"${name}"`;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>, timeoutMs = 10_000): Promise<T> {
  assertLocalDatabase(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function answers(url: string): Promise<boolean> {
  try {
    await withClient(url, (c) => c.query('SELECT 1'), 2_000);
    return true;
  } catch {
    return false;
  }
}

/** The admin URL of a usable local PostgreSQL server, or null. */
export async function findPostgresServer(): Promise<string | null> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) {
    assertLocalDatabase(fromEnv);
    // Administer through the server's "postgres" database, not the app's one.
    const adminUrl = withDatabase(fromEnv, 'postgres');
    // DATABASE_URL may point at the embedded server of `npm start`: it has a
    // single database and serves one connection at a time, so it cannot
    // host per-worker databases. Fall through to the next option then.
    const version = await withClient(adminUrl, (c) => c.query<{ v: string }>('SELECT version() AS v'));
    if (!version.rows[0]?.v.includes('PGlite')) return adminUrl;
  }
  return (await answers(DEFAULT_LOCAL)) ? DEFAULT_LOCAL : null;
}

export async function resolveTestServer(): Promise<TestServer> {
  const adminUrl = await findPostgresServer();
  if (adminUrl) return { adminUrl, kind: 'postgres', stop: async () => {} };

  const dir = await mkdtemp(path.join(tmpdir(), 'pc-test-pglite-'));
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data') });
  return {
    adminUrl: embedded.url,
    kind: 'embedded',
    async stop() {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** CREATE DATABASE, optionally as a copy of `template` (which must have no
 * open connections). PostgreSQL only: PGlite accepts CREATE DATABASE but
 * every connection lands in its single "postgres" database regardless. */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  const sql = `CREATE DATABASE ${quoteName(name)}${template ? ` TEMPLATE ${quoteName(template)}` : ''}`;
  await withClient(adminUrl, (c) => c.query(sql));
  return withDatabase(adminUrl, name);
}

/** DROP DATABASE IF EXISTS, closing leftover connections (PostgreSQL 13+). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteName(name)} WITH (FORCE)`));
}

/** Names of the databases starting with `prefix` (for teardown). */
export async function listDatabases(adminUrl: string, prefix: string): Promise<string[]> {
  const { rows } = await withClient(adminUrl, (c) =>
    c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [prefix]),
  );
  return rows.map((r) => r.datname);
}
