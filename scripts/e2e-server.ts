// The server the end-to-end tests run against: a throwaway database
// (DATABASE_URL's server, else 127.0.0.1:5432, else an embedded one),
// migrated and filled with demo data, and a production build served on
// E2E_PORT. Playwright starts it and stops it with SIGTERM; the database is
// dropped on the way out.
import { randomBytes } from 'node:crypto';
import { applyMigrations } from './db/migrate';
import { seed } from '../prisma/seed';
import { buildIfNeeded } from './lib/build';
import { onStop, serveNext } from './lib/serve';
import { createDatabase, dropDatabase, resolveTestServer } from '../tests/setup/database';
import { addE2eFixtures } from '../tests/e2e/fixtures';
import { startSmtpServer } from '../tests/setup/smtp';
import { appendFileSync } from 'node:fs';

// E2E_SERVER_LOG: a copy of everything this server writes, which `npm test`
// then checks for secrets (scripts/check-logs.ts).
const serverLog = process.env.E2E_SERVER_LOG;
if (serverLog) {
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...a: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      appendFileSync(serverLog, typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}

const port = Number(process.env.E2E_PORT ?? 3100);
const server = await resolveTestServer();
const name = `pc_e2e_${randomBytes(4).toString('hex')}`;
const databaseUrl = server.kind === 'postgres' ? await createDatabase(server.adminUrl, name) : server.adminUrl;
const served: { close?: () => Promise<void> } = {};
// A real SMTP server receives the portal's mail; tests read what arrived
// from E2E_MAIL_LOG (one JSON object a line).
const mailLog = process.env.E2E_MAIL_LOG;
const smtp = await startSmtpServer({
  onMessage: (mail) => mailLog && appendFileSync(mailLog, `${JSON.stringify(mail)}\n`),
});

onStop(async () => {
  await served.close?.();
  await smtp.stop();
  if (server.kind === 'postgres') await dropDatabase(server.adminUrl, name).catch((e) => console.error(e));
  await server.stop();
});

Object.assign(process.env, {
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_MAX: server.kind === 'postgres' ? '10' : '1',
  NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
  AUTH_TRUST_HOST: '1',
  SMTP_URL: smtp.url,
  // Lets the browser tests move the server's clock (app/api/test/clock); never set elsewhere.
  PC_TEST_CLOCK: '1',
  // The webhook browser test's receiver listens on 127.0.0.1 over http (development and tests only).
  WEBHOOK_ALLOW_PRIVATE: '1',
});
await applyMigrations(databaseUrl);
await seed(databaseUrl);
await addE2eFixtures(databaseUrl);
buildIfNeeded(process.env);
served.close = (await serveNext({ dev: false, port, hostname: '127.0.0.1' })).close;
console.log(`e2e server on http://127.0.0.1:${port} (database ${server.kind === 'postgres' ? name : 'embedded'})`);
