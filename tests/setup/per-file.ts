// vitest setupFiles: runs in the test file's process before the file is
// imported. Gives the file a fresh copy of the migrated template and points
// DATABASE_URL at it before any app code creates its Prisma client (lib/db
// creates it lazily on first use). With pool 'forks' and isolation (the
// default) every test file runs in its own process, so nothing leaks between
// files; the worker slot (VITEST_POOL_ID) names the database.
import { readFile } from 'node:fs/promises';
import { afterAll, inject } from 'vitest';
import { startEmbeddedPostgres } from '../../scripts/db/embedded';
import { createDatabase, dropDatabase } from './database';

const ctx = inject('testDatabase');
const slot = process.env.VITEST_POOL_ID ?? String(process.pid);

if (ctx.kind === 'postgres') {
  const name = `${ctx.prefix}_w${slot}`;
  // The previous file of this slot left its copy behind: start afresh.
  await dropDatabase(ctx.adminUrl, name);
  process.env.DATABASE_URL = await createDatabase(ctx.adminUrl, name, ctx.template);
} else {
  // PGlite: CREATE DATABASE … TEMPLATE is accepted but every connection lands
  // in the one "postgres" database, so start an in-memory copy of the
  // template's data folder instead (nothing to clean up on disk).
  const template = new Blob([await readFile(ctx.templateTarball)]);
  const embedded = await startEmbeddedPostgres({ dataDir: `memory://w${slot}`, loadDataDir: template });
  process.env.DATABASE_URL = embedded.url;
  // The embedded server serves one connection at a time (see embedded.ts).
  process.env.DATABASE_POOL_MAX = String(embedded.maxConnections);
  afterAll(() => embedded.stop());
}

let tables: string | undefined;

/**
 * Empties every table except _prisma_migrations, in one TRUNCATE … CASCADE.
 * Goes through the app's own Prisma client: on the embedded server a second
 * client would wait for the app's pooled connection to be released.
 */
export async function resetDatabase(): Promise<void> {
  const { db } = await import('@/lib/db');
  if (tables === undefined) {
    const rows = await db().$queryRawUnsafe<{ name: string }[]>(
      `SELECT format('%I.%I', schemaname, tablename) AS name FROM pg_tables
        WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    tables = rows.map((r) => r.name).join(', ');
  }
  if (tables) await db().$executeRawUnsafe(`TRUNCATE TABLE ${tables} RESTART IDENTITY CASCADE`);
}
