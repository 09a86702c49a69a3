// What the migrations lack compared with prisma/schema.prisma, as SQL.
// Shared by `npm run db:migration` (which writes it to a new migration) and
// the schema-drift test (which requires it to be empty).
//
// Uses `diff` with `script: true`: `createMigration` cannot run in WASM on
// PostgreSQL ("shadow DB must be provided through an external factory").
// Replaying the migrations needs a shadow database: an in-memory PGlite via
// pglite-prisma-adapter, so no server is needed and nothing is left behind.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DiffTarget } from '@prisma/schema-engine-wasm';
import { NO_FILTER, ROOT, SCHEMA_PATH, openEngineInMemory, withPanic } from './engine';
import { loadMigrationsList } from './migrations-dir';

export interface SchemaDiff {
  /** The SQL script; meaningful only when `empty` is false. */
  sql: string;
  empty: boolean;
  /** True when there were no migrations yet (diff from an empty database). */
  fromEmpty: boolean;
}

/** Diff from the migrations (or from nothing) to the schema file. */
export async function diffMigrationsToSchema(): Promise<SchemaDiff> {
  const migrations = await loadMigrationsList();
  const fromEmpty = migrations.migrationDirectories.length === 0;
  const from: DiffTarget = fromEmpty ? { tag: 'empty' } : { tag: 'migrations', ...migrations };
  const content = await readFile(path.join(ROOT, SCHEMA_PATH), 'utf8');
  const to: DiffTarget = { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content }] };

  const opened = await openEngineInMemory([[SCHEMA_PATH, content]], { shadowIsMain: true });
  try {
    // exitCode: true makes the engine report 2 when the diff is not empty;
    // with script: true an empty diff is still a comment-only script.
    const result = await opened.engine.diff({ from, to, script: true, exitCode: true, filters: NO_FILTER });
    return { sql: result.stdout ?? '', empty: result.exitCode !== 2, fromEmpty };
  } catch (error) {
    throw withPanic(error);
  } finally {
    await opened.dispose();
  }
}

/** The SQL the migrations lack compared with schema.prisma; '' when in sync. */
export async function pendingSchemaChanges(): Promise<string> {
  const diff = await diffMigrationsToSchema();
  return diff.empty ? '' : diff.sql;
}
