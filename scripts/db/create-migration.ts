// `npm run db:migration -- <name>`: writes the SQL that prisma/migrations
// lacks compared with prisma/schema.prisma into a new migration folder,
// laid out as `prisma migrate dev` would (the CLI cannot run offline here).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { diffMigrationsToSchema } from './drift';
import { LOCKFILE, LOCKFILE_CONTENT, MIGRATIONS_DIR, loadMigrationsList } from './migrations-dir';

const NAME = /^[a-z0-9_]+$/;

/** UTC `YYYYMMDDHHMMSS`, the CLI's migration folder prefix. */
function timestamp(date = new Date()): string {
  return date.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

/** Creates the migration; returns its folder name, or null when in sync. */
export async function createMigration(name: string): Promise<string | null> {
  if (!NAME.test(name) || name.length > 200) {
    throw new Error(`Invalid migration name "${name}": use lowercase letters, digits and _ (e.g. add_order_notes).`);
  }
  const diff = await diffMigrationsToSchema();
  if (diff.empty) return null;

  const folder = `${timestamp()}_${name}`;
  const dir = path.join(MIGRATIONS_DIR, folder);
  // recursive: also creates prisma/migrations for the first migration.
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'migration.sql'), diff.sql, { flag: 'wx' });
  // The lock file records the provider; the engine requires it to replay
  // migrations. Written only when missing, as the CLI does on its first run.
  const { lockfile } = await loadMigrationsList();
  if (lockfile.content === null) await writeFile(path.join(MIGRATIONS_DIR, LOCKFILE), LOCKFILE_CONTENT);
  return folder;
}

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || process.argv.length > 3) {
    console.error('Usage: npm run db:migration -- <name>   (name: a-z, 0-9, _)');
    process.exitCode = 1;
    return;
  }
  const started = performance.now();
  const folder = await createMigration(name);
  const ms = Math.round(performance.now() - started);
  if (folder === null) console.log(`No schema changes (${ms} ms); nothing written.`);
  else console.log(`Created prisma/migrations/${folder}/migration.sql (${ms} ms). Review it, then npm run db:migrate.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
