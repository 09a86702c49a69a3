// vitest globalSetup: builds one migrated template per run, which every test
// file then copies (cheap) instead of migrating (slow). Unique names let
// concurrent runs share a server; teardown removes all of this run's data.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../scripts/db/embedded';
import { applyMigrations } from '../../scripts/db/migrate';
import { createDatabase, dropDatabase, findPostgresServer, listDatabases } from './database';

/** What per-file.ts receives through inject('testDatabase'). */
export type TestDatabaseContext =
  | { kind: 'postgres'; adminUrl: string; prefix: string; template: string; templateUrl: string }
  // PGlite has one database per data folder: the template is a tarball of
  // a migrated data folder (PGlite#dumpDataDir), started in memory per file.
  | { kind: 'embedded'; templateTarball: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase: TestDatabaseContext;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = performance.now();
  const prefix = `pc_test_${randomBytes(4).toString('hex')}`;
  const adminUrl = await findPostgresServer();

  if (adminUrl) {
    const template = `${prefix}_tpl`;
    const teardown = async () => {
      // The template and every worker database (pc_test_<random>_…).
      for (const name of await listDatabases(adminUrl, `${prefix}_`)) await dropDatabase(adminUrl, name);
    };
    try {
      const templateUrl = await createDatabase(adminUrl, template);
      await applyMigrations(templateUrl); // closes its connections: TEMPLATE needs none open
      project.provide('testDatabase', { kind: 'postgres', adminUrl, prefix, template, templateUrl });
    } catch (error) {
      await teardown();
      throw error;
    }
    log(`PostgreSQL template ${template} ready in ${ms(started)}`);
    return teardown;
  }

  // No PostgreSQL: migrate an embedded database once, stop it cleanly, and
  // dump its data folder; each test file starts an in-memory copy of it.
  const dir = await mkdtemp(path.join(tmpdir(), `${prefix}-`));
  const teardown = () => rm(dir, { recursive: true, force: true });
  try {
    const templateDir = path.join(dir, 'template');
    const embedded = await startEmbeddedPostgres({ dataDir: templateDir });
    try {
      await applyMigrations(embedded.url);
    } finally {
      await embedded.stop();
    }
    const pglite = await PGlite.create({ dataDir: templateDir, extensions: { pg_trgm } });
    const tarball = await pglite.dumpDataDir('none'); // gzip: 9× smaller, 3× slower
    await pglite.close();
    const templateTarball = path.join(dir, 'template.tar');
    await writeFile(templateTarball, Buffer.from(await tarball.arrayBuffer()));
    await rm(templateDir, { recursive: true, force: true });
    project.provide('testDatabase', { kind: 'embedded', templateTarball });
  } catch (error) {
    await teardown();
    throw error;
  }
  log(`no PostgreSQL on 127.0.0.1:5432: embedded PGlite template ready in ${ms(started)}`);
  return teardown;
}

function ms(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}

function log(message: string): void {
  if (process.env.PC_TEST_DB_VERBOSE) console.log(`[test db] ${message}`);
}
