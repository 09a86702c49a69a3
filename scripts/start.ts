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

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '0.0.0.0';
const dataDir = path.resolve(process.env.PC_DATA_DIR ?? '.data');

// One process per embedded data folder (scripts/lib/data-lock.ts), taken
// before anything else so that a second start names what it collides with.
if (!process.env.DATABASE_URL) {
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
if (!process.env.DATABASE_URL) {
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
  process.env.DATABASE_URL = embedded.url;
  process.env.DATABASE_POOL_MAX = String(embedded.maxConnections);
  console.log(
    embedded.isNew ? `Created the embedded database in ${dataDir}.` : `Using the embedded database in ${dataDir}.`,
  );
} else {
  const applied = await applyMigrations(process.env.DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
}
const databaseUrl = process.env.DATABASE_URL;

if (embedded?.isNew || process.env.PC_SEED_DEMO === '1') {
  const result = await seed(databaseUrl);
  if (result === 'seeded') console.log('Demo data created.');
}
// The end-to-end suite's extra records (tests/e2e/fixtures.ts), on its own
// new embedded database only: the suite runs on `npm start` itself.
if (embedded?.isNew && process.env.PC_E2E_FIXTURES === '1') {
  const { addE2eFixtures } = await import('../tests/e2e/fixtures');
  await addE2eFixtures(databaseUrl);
}
if (embedded?.isNew) rmSync(path.join(dataDir, 'pglite.creating'), { force: true });

process.env.NEXTAUTH_SECRET = ensureAuthSecret(dataDir);
// Sign-in redirects follow the address the browser used (localhost, 127.0.0.1, a LAN name).
if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST = '1';

if (!dev) buildIfNeeded(process.env);
const served = await serveNext({ dev, port, hostname });
// The web server first, then the database it uses, so PGlite closes cleanly.
onStop(async () => {
  await served.close();
  await embedded?.stop();
});

// A configured DEMO_PASSWORD is a secret: it is not printed.
const password = process.env.DEMO_PASSWORD ? 'set in DEMO_PASSWORD' : 'Demo-Passw0rd!';
console.log(`\nPartner Center is running at http://localhost:${port}`);
if (embedded) {
  console.log(
    `Sign in as admin@northwind.example (provider), admin@fabrikam.example (reseller), staff@vendor.example (vendor staff)`,
  );
  console.log(`or admin@woodgrove.onmicrosoft.example (customer), with the password ${password}`);
}
console.log('Press Ctrl+C to stop.\n');
