// `npm start`: migrate, seed a new embedded database, build when needed, serve.
// Without DATABASE_URL the portal runs on an embedded PostgreSQL (PGlite)
// kept in .data/ (PC_DATA_DIR), created and filled with demo data on first start.
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from './db/migrate';
import { startEmbeddedPostgres } from './db/embedded';
import { seed } from '../prisma/seed';
import { buildIfNeeded } from './lib/build';
import { ensureAuthSecret } from './lib/secret';
import { lockDataFolder } from './lib/data-lock';
import { assertPortFree, onStop, serveNext } from './lib/serve';
import { DEFAULT_DEMO_PASSWORD, envIsSet, readEnv, setEnv } from '../lib/env/schema';

const dev = process.argv.includes('--dev');
const port = readEnv('PORT');
const hostname = readEnv('HOST');
const dataDir = path.resolve(readEnv('PC_DATA_DIR'));
const configuredDatabaseUrl = readEnv('DATABASE_URL');

// One process per embedded data folder (scripts/lib/data-lock.ts), taken
// before anything else so that a second start names what it collides with.
if (!configuredDatabaseUrl) {
  try {
    lockDataFolder(dataDir, { port });
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}

try {
  await assertPortFree(port);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
let databaseUrl: string;
if (!configuredDatabaseUrl) {
  const pgliteDir = path.join(dataDir, 'pglite');
  // A first start stopped before its demo data was in (killed, Ctrl+C) left a
  // half-made database that holds nothing of anyone's: make it again.
  const creating = path.join(dataDir, 'pglite.creating');
  if (existsSync(creating)) {
    console.log(
      `The embedded database in ${dataDir} was left half-made by an interrupted first start: creating it again.`,
    );
    rmSync(pgliteDir, { recursive: true, force: true });
  }
  if (!existsSync(pgliteDir)) writeFileSync(creating, `${new Date().toISOString()}\n`);
  try {
    embedded = await startEmbeddedPostgres({ dataDir: pgliteDir });
    const applied = await applyMigrations(embedded.url);
    if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
  } catch (error) {
    // Never serve from a database that did not open cleanly.
    console.error(
      `The embedded database in ${pgliteDir} could not be opened: ${(error as Error).message}\n` +
        'The portal is not started. Restore a copy of that folder, or move it away ' +
        'to start with a new database holding the demo data.',
    );
    process.exit(1);
  }
  // For the web server that runs in this process (lib/db.ts reads them when it opens its pool).
  setEnv({ DATABASE_URL: embedded.url, DATABASE_POOL_MAX: String(embedded.maxConnections) });
  databaseUrl = embedded.url;
  console.log(
    embedded.isNew ? `Created the embedded database in ${dataDir}.` : `Using the embedded database in ${dataDir}.`,
  );
} else {
  databaseUrl = configuredDatabaseUrl;
  const applied = await applyMigrations(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
}

if (embedded?.isNew || readEnv('PC_SEED_DEMO')) {
  const result = await seed(databaseUrl);
  if (result === 'seeded') console.log('Demo data created.');
}
// The end-to-end suite's extra records (tests/e2e/fixtures.ts), on its own
// new embedded database only: the suite runs on `npm start` itself.
if (embedded?.isNew && readEnv('PC_E2E_FIXTURES')) {
  const { addE2eFixtures } = await import('../tests/e2e/fixtures');
  await addE2eFixtures(databaseUrl);
}
if (embedded?.isNew) rmSync(path.join(dataDir, 'pglite.creating'), { force: true });

setEnv({ NEXTAUTH_SECRET: ensureAuthSecret(dataDir) });
// Sign-in redirects follow the address the browser used (localhost, 127.0.0.1, a LAN name).
if (!readEnv('NEXTAUTH_URL')) setEnv({ AUTH_TRUST_HOST: '1' });

// `next build` runs with this process's environment (buildIfNeeded's default).
if (!dev) buildIfNeeded();
const served = await serveNext({ dev, port, hostname });
// The web server first, then the database it uses, so PGlite closes cleanly.
onStop(async () => {
  await served.close();
  await embedded?.stop();
});

// A configured DEMO_PASSWORD is a secret: it is not printed.
const password = envIsSet('DEMO_PASSWORD') ? 'set in DEMO_PASSWORD' : DEFAULT_DEMO_PASSWORD;
console.log(`\nPartner Center is running at http://localhost:${port}`);
if (embedded) {
  console.log(
    `Sign in as admin@northwind.example (provider), admin@fabrikam.example (reseller), ` +
      `staff@vendor.example (vendor staff)`,
  );
  console.log(`or admin@woodgrove.onmicrosoft.example (customer), with the password ${password}`);
}
console.log('Press Ctrl+C to stop.\n');
