// The server the end-to-end tests run against: a throwaway database
// (DATABASE_URL's server, else 127.0.0.1:5432, else an embedded one),
// migrated and filled with demo data, and a production build served on
// E2E_PORT. Playwright starts it and stops it with SIGTERM; the database is
// dropped on the way out.
import { randomBytes } from 'node:crypto';
import { applyMigrations } from './db/migrate';
import { seed } from '../prisma/seed';
import { buildIfNeeded } from './lib/build';
import { startNext, stopNext } from './lib/serve';
import { createDatabase, dropDatabase, resolveTestServer } from '../tests/setup/database';
import { addE2eFixtures } from '../tests/e2e/fixtures';

const port = Number(process.env.E2E_PORT ?? 3100);
const server = await resolveTestServer();
const name = `pc_e2e_${randomBytes(4).toString('hex')}`;
let databaseUrl = server.adminUrl;
if (server.kind === 'postgres') {
  await createDatabase(server.adminUrl, name);
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_MAX: server.kind === 'postgres' ? '10' : '1',
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  AUTH_TRUST_HOST: '1',
};

const running: { child?: ReturnType<typeof startNext> } = {};
let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (running.child) await stopNext(running.child);
  if (server.kind === 'postgres') await dropDatabase(server.adminUrl, name).catch((e) => console.error(e));
  await server.stop();
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

try {
  await applyMigrations(databaseUrl);
  await seed(databaseUrl);
  await addE2eFixtures(databaseUrl);
  buildIfNeeded(env);
} catch (error) {
  console.error(error);
  await shutdown(1);
}
const child = startNext('start', port, { ...env, HOST: '127.0.0.1' });
running.child = child;
child.on('exit', (code) => void shutdown(code ?? 1));
console.log(`e2e server on http://127.0.0.1:${port} (database ${server.kind === 'postgres' ? name : 'embedded'})`);
