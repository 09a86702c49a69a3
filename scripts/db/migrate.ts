// Applies pending migrations from prisma/migrations with the WASM schema
// engine (the CLI cannot run offline). Rows in `_prisma_migrations` are the
// CLI's own (the engine writes them), so `prisma migrate deploy` elsewhere
// sees these migrations as applied.
//
// `npm run db:migrate` applies to $DATABASE_URL.
import { pathToFileURL } from 'node:url';
import { readEnv } from '../../lib/env/schema';
import { NO_FILTER, openEngineOnUrl, withPanic } from './engine';
import { loadMigrationsList } from './migrations-dir';

/** Applies what is pending; returns the names of the migrations applied. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const migrationsList = await loadMigrationsList();
  const opened = await openEngineOnUrl(databaseUrl);
  try {
    const out = await opened.engine.applyMigrations({ migrationsList, filters: NO_FILTER });
    return out.appliedMigrationNames;
  } catch (error) {
    throw withPanic(error);
  } finally {
    await opened.dispose();
  }
}

async function main(): Promise<void> {
  const url = readEnv('DATABASE_URL');
  if (!url) {
    console.error(
      'DATABASE_URL is not set. Example: DATABASE_URL=postgresql://postgres@127.0.0.1:5432/mydb npm run db:migrate',
    );
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const applied = await applyMigrations(url);
  const ms = Math.round(performance.now() - started);
  if (applied.length === 0) console.log(`No pending migrations (${ms} ms).`);
  else console.log(`Applied ${applied.length} migration(s) in ${ms} ms:\n${applied.map((n) => `  ${n}`).join('\n')}`);
}

// Run only when executed directly (tsx scripts/db/migrate.ts), not on import.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
