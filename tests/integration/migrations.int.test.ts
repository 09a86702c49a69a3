// The migrations as the test database received them (per-file.ts copies a
// template migrated by applyMigrations): one `_prisma_migrations` row per
// folder, with the checksum the Prisma CLI computes (sha256 of migration.sql),
// so `prisma migrate deploy` would accept this database as up to date.
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { expect, it } from 'vitest';
import { applyMigrations } from '@/scripts/db/migrate';
import { MIGRATIONS_DIR } from '@/scripts/db/migrations-dir';

type Row = {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  applied_steps_count: number;
};

async function migrationsOnDisk(): Promise<{ name: string; checksum: string }[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const dirs = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    dirs.map(async (name) => {
      const sql = await readFile(path.join(MIGRATIONS_DIR, name, 'migration.sql'));
      return { name, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

async function appliedRows(): Promise<Row[]> {
  // max 1 connection, closed before applyMigrations (the embedded server
  // serves one connection at a time).
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const { rows } = await client.query<Row>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    return rows;
  } finally {
    await client.end();
  }
}

it('records one finished row per migration folder, with the sha256 of migration.sql', async () => {
  const onDisk = await migrationsOnDisk();
  expect(onDisk.length).toBeGreaterThan(0);
  const rows = await appliedRows();
  expect(rows.map((r) => ({ name: r.migration_name, checksum: r.checksum }))).toEqual(onDisk);
  for (const row of rows) {
    expect(row.finished_at, row.migration_name).not.toBeNull();
    expect(row.rolled_back_at, row.migration_name).toBeNull();
    expect(row.applied_steps_count, row.migration_name).toBe(1);
  }
});

it('applies nothing the second time', async () => {
  const before = await appliedRows();
  expect(await applyMigrations(process.env.DATABASE_URL!)).toEqual([]);
  expect(await appliedRows()).toEqual(before);
});
