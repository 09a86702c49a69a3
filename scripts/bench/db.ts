// The bench's databases: filled by the scale seed once, reused by later runs
// that ask for the same sizes (a marker table records them), reseeded with --fresh.
import { existsSync, rmSync } from 'node:fs';
import pg from 'pg';
import { applyMigrations } from '../db/migrate';
import { seedScale } from '../db/seed-scale';
import { createDatabase, dropDatabase, listDatabases, withDatabase } from '../../tests/setup/database';

export type Sizes = {
  providers: number;
  resellers: number;
  customers: number;
  subscriptions: number;
  auditEvents: number;
  outbox: number;
};

/**
 * The scale seed's proportions (100,000 customers: 10,000 resellers, 300,000 subscriptions, 1,000,000 audit events,
 * 50,000 outbox messages).
 */
export function sizesFor(customers: number): Sizes {
  const k = customers / 100_000;
  return {
    providers: 5,
    resellers: Math.max(10, Math.round(10_000 * k)),
    customers,
    subscriptions: Math.round(300_000 * k),
    auditEvents: Math.round(1_000_000 * k),
    outbox: Math.round(50_000 * k),
  };
}

const MARKER = '"_bench_marker"';

async function readMarker(url: string): Promise<{ sizes: unknown; counts: Record<string, number> } | null> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ sizes: unknown; counts: Record<string, number> }>(
      `SELECT sizes, counts FROM ${MARKER} LIMIT 1`,
    );
    return rows[0] ?? null;
  } catch {
    return null;
  } finally {
    await client.end();
  }
}

async function fill(url: string, sizes: Sizes, log: (line: string) => void): Promise<Record<string, number>> {
  const counts = await seedScale(url, sizes, { log });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${MARKER} ` +
        `(sizes jsonb NOT NULL, counts jsonb NOT NULL, "seededAt" timestamptz NOT NULL DEFAULT now())`,
    );
    await client.query(`DELETE FROM ${MARKER}`);
    await client.query(`INSERT INTO ${MARKER} (sizes, counts) VALUES ($1, $2)`, [
      sizesKey(sizes),
      JSON.stringify(counts),
    ]);
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
  return counts;
}

/** What the marker records, as text with sorted keys (jsonb reorders keys). */
function sizesKey(sizes: Sizes): string {
  return canonical({ ...sizes, scaled: true });
}

function canonical(value: unknown): string {
  if (!value || typeof value !== 'object') return JSON.stringify(value);
  return JSON.stringify(
    Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))),
  );
}

export type Prepared = { url: string; counts: Record<string, number>; reused: boolean; seedSeconds: number };

/** A database `name` on the local server holding `sizes`. */
export async function preparePostgres(
  adminUrl: string,
  name: string,
  sizes: Sizes,
  fresh: boolean,
  log: (line: string) => void,
): Promise<Prepared> {
  const url = withDatabase(adminUrl, name);
  const expected = sizesKey(sizes);
  if (!fresh && (await listDatabases(adminUrl, name)).includes(name)) {
    const marker = await readMarker(url);
    if (marker && canonical(marker.sizes) === expected) {
      // New migrations since the seed still apply (a second call applies nothing).
      await applyMigrations(url);
      return { url, counts: marker.counts, reused: true, seedSeconds: 0 };
    }
  }
  await dropDatabase(adminUrl, name);
  await createDatabase(adminUrl, name);
  const start = performance.now();
  const counts = await fill(url, sizes, log);
  return { url, counts, reused: false, seedSeconds: (performance.now() - start) / 1000 };
}

/** True when the database at `url` was filled by the bench with `sizes`. */
export async function holdsSizes(url: string, sizes: Sizes): Promise<boolean> {
  const marker = await readMarker(url);
  return !!marker && canonical(marker.sizes) === sizesKey(sizes);
}

/** The embedded database (the caller started it on `url`, new or holding `sizes`). */
export async function prepareEmbedded(url: string, sizes: Sizes, log: (line: string) => void): Promise<Prepared> {
  const marker = await readMarker(url);
  if (marker && (await holdsSizes(url, sizes))) {
    await applyMigrations(url);
    return { url, counts: marker.counts, reused: true, seedSeconds: 0 };
  }
  const start = performance.now();
  const counts = await fill(url, sizes, log);
  return { url, counts, reused: false, seedSeconds: (performance.now() - start) / 1000 };
}

/** Removes an embedded data folder (for --fresh, or a folder holding other sizes). */
export function removeDataDir(dir: string): void {
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
