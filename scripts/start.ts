// `npm start`: migrate, seed a new embedded database, build when needed, serve.
// Without DATABASE_URL the portal runs on an embedded PostgreSQL (PGlite)
// kept in .data/ (PC_DATA_DIR), created and filled with demo data on first start.
import path from 'node:path';
import { applyMigrations } from './db/migrate';
import { startEmbeddedPostgres } from './db/embedded';
import { seed } from '../prisma/seed';
import { buildIfNeeded } from './lib/build';
import { ensureAuthSecret } from './lib/secret';
import { assertPortFree, onStop, serveNext } from './lib/serve';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST ?? '0.0.0.0';
const dataDir = path.resolve(process.env.PC_DATA_DIR ?? '.data');

try {
  await assertPortFree(port);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
if (!process.env.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pglite') });
  process.env.DATABASE_URL = embedded.url;
  process.env.DATABASE_POOL_MAX = String(embedded.maxConnections);
  console.log(embedded.isNew ? `Created the embedded database in ${dataDir}.` : `Using the embedded database in ${dataDir}.`);
}
const databaseUrl = process.env.DATABASE_URL;

const applied = await applyMigrations(databaseUrl);
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
if (embedded?.isNew || process.env.PC_SEED_DEMO === '1') {
  const result = await seed(databaseUrl);
  if (result === 'seeded') console.log('Demo data created.');
}

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
  console.log(`Sign in as admin@northwind.example (provider), admin@fabrikam.example (reseller), staff@vendor.example (vendor staff)`);
  console.log(`or admin@woodgrove.onmicrosoft.example (customer), with the password ${password}`);
}
console.log('Press Ctrl+C to stop.\n');
