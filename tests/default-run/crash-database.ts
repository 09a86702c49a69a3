// The crash test's view of a data folder, opened in this process while no
// portal runs on it: one order's footprint in every table it writes, a
// snapshot of every row, amcheck on every index and table, and the first
// WAL write (where a kill lands just after a commit).
import { existsSync, watch } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { amcheck } from '@electric-sql/pglite/contrib/amcheck';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { lockFile } from '../../scripts/lib/data-lock';

/** Opens the data folder in this process: only while no portal runs on it. */
export async function withDatabase<T>(dataDir: string, read: (db: PGlite) => Promise<T>): Promise<T> {
  if (existsSync(lockFile(dataDir)))
    throw new Error(`${lockFile(dataDir)} exists: a portal may still run on ${dataDir}`);
  const db = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), extensions: { pg_trgm, amcheck } });
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

export const count = async (db: PGlite, sql: string, params: unknown[] = []) =>
  (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

/** The tables one order writes to, and the part of its footprint each holds. */
export const TABLES = {
  customers: 'Customer',
  users: 'User',
  orders: 'Order',
  lines: 'OrderLine',
  subscriptions: 'Subscription',
  periods: 'SubscriptionResellerAssociation',
  audit: 'AuditEvent',
  mails: 'OutboxMessage',
} as const;
export type Footprint = Record<keyof typeof TABLES, number>;
export const NOTHING: Footprint = {
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
export const WHOLE: Footprint = {
  customers: 1,
  users: 1,
  orders: 1,
  lines: 1,
  subscriptions: 1,
  periods: 0,
  audit: 3,
  mails: 1,
};
export const same = (a: Footprint, b: Footprint) =>
  (Object.keys(TABLES) as (keyof Footprint)[]).every((k) => a[k] === b[k]);
export const show = (f: Footprint) => JSON.stringify(f);

/** One order as submitOrder makes it from its run id (scripts/bench/order.ts). */
export type Placed = { run: string; prefix: string; company: string; email: string };
export function order(run: string): Placed {
  const prefix = `bench${run}`
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 27);
  return { run, prefix, company: `Bench Order ${run}`, email: `it@${prefix}.example` };
}

/** Everything placeNewCustomerOrder writes for one order, also rows that would have lost their customer. */
export async function footprint(db: PGlite, o: Placed): Promise<Footprint> {
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
      `SELECT count(*)::int AS n FROM "SubscriptionResellerAssociation" a
       JOIN "Subscription" s ON s.id = a."subscriptionId" WHERE s."customerId" = $1`,
      [customerId],
    ),
    audit: await count(
      db,
      `SELECT count(*)::int AS n FROM "AuditEvent" WHERE "targetId" = $1
       OR (action IN ('order.placed', 'subscription.created') AND after->>'customerId' = $1)
       OR (action = 'customer.created' AND after->>'companyName' = $2)`,
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
export type Snapshot = { ids: Map<string, Set<string>>; rows: Map<string, number> };
export async function snapshot(db: PGlite): Promise<Snapshot> {
  const tables = (
    await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).rows.map((r) => r.name);
  const withId = new Set(
    (
      await db.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.columns
         WHERE table_schema = 'public' AND column_name = 'id'`,
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
export function missing(before: Snapshot, after: Snapshot): string[] {
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
export async function integrity(
  db: PGlite,
): Promise<{ btree: number; gin: number; heaps: number; problems: string[] }> {
  await db.exec('CREATE EXTENSION IF NOT EXISTS amcheck');
  const problems: string[] = [];
  try {
    const btrees = (
      await db.query<{ oid: number; name: string }>(
        `SELECT c.oid, c.oid::regclass::text AS name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
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
            `SELECT c.oid, c.oid::regclass::text AS name
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am a ON a.oid = c.relam
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
        `SELECT c.oid, c.oid::regclass::text AS name FROM pg_class c
         WHERE c.relkind IN ('r', 'm', 't') AND c.relpersistence = 'p' ORDER BY 2`,
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
export function onWalWrite(dataDir: string, then: () => void): () => void {
  const watcher = watch(path.join(dataDir, 'pglite', 'pg_wal'), { persistent: false }, (_event, file) => {
    if (!file || !/^[0-9A-F]{24}$/.test(file.toString())) return;
    watcher.close();
    then();
  });
  return () => watcher.close();
}
