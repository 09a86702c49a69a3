// `npm start`: migrate, seed a new embedded database, build when needed, serve.
// Without DATABASE_URL the portal runs on an embedded PostgreSQL (PGlite)
// kept in .data/ (PC_DATA_DIR), created and filled with demo data on first start.
import path from 'node:path';
import { applyMigrations } from './db/migrate';
import { startEmbeddedPostgres } from './db/embedded';
import { seed } from '../prisma/seed';
import { buildIfNeeded } from './lib/build';
import { ensureAuthSecret } from './lib/secret';
import { assertPortFree, startNext, stopNext, waitUntilUp } from './lib/serve';

const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const dataDir = path.resolve(process.env.PC_DATA_DIR ?? '.data');
const env: NodeJS.ProcessEnv = { ...process.env };

try {
  await assertPortFree(port);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
if (!env.DATABASE_URL) {
  embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'pglite') });
  env.DATABASE_URL = embedded.url;
  env.DATABASE_POOL_MAX = String(embedded.maxConnections);
  console.log(embedded.isNew ? `Created the embedded database in ${dataDir}.` : `Using the embedded database in ${dataDir}.`);
}

const applied = await applyMigrations(env.DATABASE_URL!);
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
if (embedded?.isNew || env.PC_SEED_DEMO === '1') {
  const result = await seed(env.DATABASE_URL!);
  if (result === 'seeded') console.log('Demo data created.');
}

env.NEXTAUTH_SECRET = ensureAuthSecret(dataDir);
// Sign-in redirects follow the address the browser used (localhost, 127.0.0.1, a LAN name).
if (!env.NEXTAUTH_URL) env.AUTH_TRUST_HOST = '1';

if (!dev) buildIfNeeded(env);
const child = startNext(dev ? 'dev' : 'start', port, env);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  // The web server first, then the database it uses, so PGlite closes cleanly.
  await stopNext(child);
  await embedded?.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
child.on('exit', (code) => void shutdown(code ?? 1));

await waitUntilUp(`http://127.0.0.1:${port}/sign-in`, 120_000, child);
// A configured DEMO_PASSWORD is a secret: it is not printed.
const password = env.DEMO_PASSWORD ? 'set in DEMO_PASSWORD' : 'Demo-Passw0rd!';
console.log(`\nPartner Center is running at http://localhost:${port}`);
if (embedded) {
  console.log(`Sign in as admin@northwind.example (provider), admin@fabrikam.example (reseller), staff@vendor.example (vendor staff)`);
  console.log(`or admin@woodgrove.onmicrosoft.example (customer), with the password ${password}`);
}
console.log('Press Ctrl+C to stop.\n');
