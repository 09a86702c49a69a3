// Scale-out, tested: two production web processes (`npm start`, i.e.
// scripts/start.ts, each in its own process group) on one PostgreSQL
// database, with the same NEXTAUTH_SECRET and each with its in-process mail
// worker on, behind a round-robin HTTP proxy. Checks that they share
// (a) sessions: one sign-in serves alternating requests on both, and a
//     sign-out on one ends the session on the other;
// (b) rate limits: failed sign-ins for one account alternated across the two
//     are refused at the configured per-account limit, not at twice it;
// (c) the outbox: messages both workers deliver at once reach the SMTP
//     server exactly once each.
// Run by `npm test` when a local PostgreSQL answers; by hand (≈ 40 s on two
// cores, ≈ 1.5 min when it first has to make the production build):
//
//   node --import tsx tests/scale-out/two-processes.ts [port]
////
// The parts: cluster.ts (processes, proxy), http.ts (requests, sign-in),
// shared.ts (the three checks), report.ts (check and the closing line).
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { applyMigrations } from '../../scripts/db/migrate';
import { buildIfNeeded } from '../../scripts/lib/build';
import { assertPortFree } from '../../scripts/lib/serve';
import { seed } from '../../prisma/seed';
import { createDatabase, dropDatabase, findPostgresServer } from '../setup/database';
import { startSmtpServer, type SmtpListener } from '../setup/smtp';
import {
  groupAlive,
  killGroup,
  poll,
  signInAccountLimit,
  startBackend,
  startProxy,
  stopBackend,
  tail,
  type Backend,
} from './cluster';
import { http } from './http';
import { check, failed, results } from './report';
import { checkOutbox, checkRateLimits, checkSessions, SMTP_DELAY_MS } from './shared';

const PROXY_PORT = Number(process.argv[2] ?? 3600);
const START_TIMEOUT_MS = 180_000;

// Whatever ends the process early must not pass for success.
let finished = false;

const adminUrl = await findPostgresServer();
if (!adminUrl) {
  console.error(
    'No PostgreSQL server: set DATABASE_URL or run one on 127.0.0.1:5432 ' +
      '(two processes cannot share the embedded database).',
  );
  process.exit(1);
}
const dbName = `pc_scaleout_${randomBytes(4).toString('hex')}`;
const backends: Backend[] = [];
let proxy: Server | undefined;
let smtp: SmtpListener | undefined;
let databaseUrl: string | undefined;
const started = Date.now();

// Never leave a process group behind, however this process ends.
process.on('exit', () => {
  for (const b of backends) killGroup(b.child.pid, 'SIGKILL');
  if (!finished) process.exitCode = 1;
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`${signal}: ending both process groups and dropping ${dbName}`);
    for (const b of backends) killGroup(b.child.pid, 'SIGKILL');
    void dropDatabase(adminUrl, dbName).finally(() => process.exit(1));
  });
}

try {
  const limit = signInAccountLimit();
  databaseUrl = await createDatabase(adminUrl, dbName);
  await applyMigrations(databaseUrl);
  await seed(databaseUrl);
  buildIfNeeded({ ...process.env, DATABASE_URL: databaseUrl });
  for (const port of [PROXY_PORT, PROXY_PORT + 1, PROXY_PORT + 2]) await assertPortFree(port);
  smtp = await startSmtpServer({ acceptDelayMs: SMTP_DELAY_MS });

  const shared = {
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_MAX: '5',
    NEXTAUTH_SECRET: randomBytes(32).toString('base64url'),
    SMTP_URL: smtp.url,
  };
  backends.push(startBackend('A', PROXY_PORT + 1, shared), startBackend('B', PROXY_PORT + 2, shared));
  for (const b of backends) {
    await poll(
      async () => {
        if (b.child.exitCode !== null || b.child.signalCode !== null)
          throw new Error(`process ${b.name} exited early:\n${tail(b)}`);
        return (await http(b.port, '/api/auth/csrf', new Map()).catch(() => null))?.status === 200;
      },
      START_TIMEOUT_MS,
      `process ${b.name} to answer on port ${b.port}`,
    );
  }
  const [A, B] = backends as [Backend, Backend];
  proxy = await startProxy(PROXY_PORT, backends);
  console.log(
    `two web processes (npm start, pids ${A.child.pid} and ${B.child.pid}) on ports ${A.port} and ${B.port}, ` +
      `one database ${dbName}, proxy on ${PROXY_PORT}: ready in ${Math.round((Date.now() - started) / 1000)} s`,
  );

  await checkSessions(PROXY_PORT, A, B);
  await checkRateLimits(backends, limit);
  await checkOutbox(databaseUrl, backends, smtp);
} catch (error) {
  check(false, `stopped: ${(error as Error).message}`);
} finally {
  if (failed()) for (const b of backends) console.log(`\nLast lines of process ${b.name}:\n${tail(b)}`);
  if (proxy) {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy!.close(() => resolve()));
  }
  await Promise.all(backends.map(stopBackend));
  if (backends.length) {
    const left = backends.filter((b) => b.child.pid && groupAlive(b.child.pid));
    const portsFree = await Promise.all(
      backends.map((b) =>
        assertPortFree(b.port).then(
          () => true,
          () => false,
        ),
      ),
    );
    check(
      left.length === 0 && portsFree.every(Boolean),
      'both process groups ended and their ports are free' +
        (left.length ? ` (left: ${left.map((b) => b.name).join(', ')})` : ''),
    );
  }
  await smtp?.stop();
  await dropDatabase(adminUrl, dbName).catch((error) =>
    check(false, `drop database ${dbName}: ${(error as Error).message}`),
  );
}
const failures = results.filter((r) => r.startsWith('FAIL'));
console.log(
  `\nscale-out: ${results.length - failures.length} checks passed, ${failures.length} failed, ` +
    `in ${Math.round((Date.now() - started) / 1000)} s${failures.length ? `\n${failures.join('\n')}` : ''}`,
);
finished = !failed();
process.exit(failed() ? 1 : 0);
