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
//
// Ports: the proxy on `port` (3600), the processes on port + 1 and port + 2.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, request as forward, type Server } from 'node:http';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../../scripts/db/migrate';
import { buildIfNeeded } from '../../scripts/lib/build';
import { assertPortFree } from '../../scripts/lib/serve';
import { seed } from '../../prisma/seed';
import { createDatabase, dropDatabase, findPostgresServer } from '../setup/database';
import { startSmtpServer, type SmtpListener } from '../setup/smtp';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PROXY_PORT = Number(process.argv[2] ?? 3600);
const PASSWORD = process.env.DEMO_PASSWORD || 'Demo-Passw0rd!';
const ADMIN = 'admin@northwind.example';
const LIMITED_ACCOUNT = 'sales@northwind.example';
/** Requests for /customers through the proxy with one sign-in. */
const REQUESTS = 12;
/** Outbox messages both workers deliver. */
const MESSAGES = 60;
/**
 * The SMTP server takes this long to accept each message, so that one worker
 * alone needs MESSAGES × SMTP_DELAY_MS (9 s) for the backlog: longer than the
 * worker's poll interval (5 s, lib/email/worker.ts), so the other process's
 * worker is sure to start claiming from the same rows while the first drains them.
 */
const SMTP_DELAY_MS = 150;
/** After the last message is SENT: longer than a poll interval, so a worker that would send one again has had its turn. */
const SETTLE_MS = 6_000;
const START_TIMEOUT_MS = 180_000;

// Whatever ends the process early must not pass for success.
let finished = false;
const results: string[] = [];
let failed = false;
function check(ok: boolean, what: string): boolean {
  const line = `${ok ? 'ok  ' : 'FAIL'} ${what}`;
  results.push(line);
  console.log(line);
  if (!ok) failed = true;
  return ok;
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `test` every `everyMs` until it is true; throws after `timeoutMs`. */
async function poll(
  test: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
  everyMs = 250,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await test()) return;
    if (Date.now() > until) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
    await delay(everyMs);
  }
}

// ---------------------------------------------------------------- the limit

/** The per-account sign-in limit as lib/rate-limit configures it (read in a react-server child: lib/ is `server-only`). */
function signInAccountLimit(): { max: number; windowMs: number } {
  const out = execFileSync(
    process.execPath,
    ['--conditions=react-server', '--import', 'tsx', path.join(import.meta.dirname, 'sign-in-limit.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      encoding: 'utf8',
    },
  );
  const limit = JSON.parse(out) as { max: number; windowMs: number };
  if (!Number.isInteger(limit.max) || limit.max < 2) throw new Error(`unexpected sign-in limit ${out}`);
  return limit;
}

// -------------------------------------------------------------- SMTP server

// ------------------------------------------------------------ web processes

type Backend = { name: 'A' | 'B'; port: number; child: ChildProcess; output: string[]; exited: Promise<void> };

/** `npm start` (scripts/start.ts) in a new process group, so the whole group can be killed. */
function startBackend(name: Backend['name'], port: number, env: Record<string, string>): Backend {
  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    ...env,
    PORT: String(port),
    HOST: '127.0.0.1',
    NODE_OPTIONS: '',
    MAIL_WORKER: 'on',
  };
  // Nothing of the caller's may change what is tested (TRUST_PROXY would move
  // the rate-limit address, PC_TEST_CLOCK the clock, NEXTAUTH_URL the cookies).
  for (const key of ['NEXTAUTH_URL', 'TRUST_PROXY', 'PC_TEST_CLOCK', 'PC_SEED_DEMO']) delete childEnv[key];
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/start.ts')], {
    cwd: ROOT,
    env: childEnv,
    detached: true, // setsid: its own session and process group
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { name, port, child, output, exited };
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM to the group, then SIGKILL to whatever of it is left. */
async function stopBackend(backend: Backend): Promise<void> {
  const pid = backend.child.pid;
  if (!pid) return;
  killGroup(pid, 'SIGTERM');
  await Promise.race([backend.exited, delay(15_000)]);
  killGroup(pid, 'SIGKILL');
  await poll(() => !groupAlive(pid), 10_000, `process group ${pid} to end`, 100).catch(() => {});
}

function tail(backend: Backend, lines = 40): string {
  return backend.output
    .join('')
    .split('\n')
    .slice(-lines)
    .map((l) => `  ${backend.name}| ${l}`)
    .join('\n');
}

// --------------------------------------------------------------------- proxy

/** Round robin over the backends; each answer says who served it in `x-served-by`. */
async function startProxy(port: number, backends: Backend[]): Promise<Server> {
  let turn = 0;
  const server = createServer((req, res) => {
    const backend = backends[turn++ % backends.length]!;
    const upstream = forward(
      { host: '127.0.0.1', port: backend.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'x-served-by': backend.name });
        answer.pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502, { 'x-served-by': backend.name, 'content-type': 'text/plain' });
      res.end(`proxy: ${backend.name} failed: ${error.message}`);
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return server;
}

// ---------------------------------------------------------------------- HTTP

type Jar = Map<string, string>;
type Answer = { status: number; body: string; servedBy: string | null; location: string | null };

const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function http(
  port: number,
  pathname: string,
  jar: Jar,
  init: { method?: string; form?: Record<string, string>; cookie?: string } = {},
): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}${pathname}`, {
    method: init.method ?? 'GET',
    redirect: 'manual',
    signal: AbortSignal.timeout(60_000),
    headers: {
      cookie: init.cookie ?? cookieHeader(jar),
      ...(init.form && { 'content-type': 'application/x-www-form-urlencoded' }),
    },
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
  });
  if (init.cookie === undefined) {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  }
  return {
    status: res.status,
    body: await res.text(),
    servedBy: res.headers.get('x-served-by'),
    location: res.headers.get('location'),
  };
}

/** next-auth's credentials flow as a script does it: CSRF token, then the callback (json: the answer names the error). */
async function signIn(csrfPort: number, callbackPort: number, email: string, password: string, jar: Jar = new Map()) {
  const csrf = await http(csrfPort, '/api/auth/csrf', jar);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const answer = await http(callbackPort, '/api/auth/callback/credentials', jar, {
    method: 'POST',
    form: { csrfToken, email, password, json: 'true' },
  });
  let error: string | null = null;
  try {
    const url = (JSON.parse(answer.body) as { url?: string }).url;
    error = url ? new URL(url).searchParams.get('error') : null;
  } catch {
    error = `unreadable answer (${answer.status})`;
  }
  const signedIn = [...jar.keys()].some((k) => k.endsWith('session-token')) && !error;
  return { jar, signedIn, error, csrfBy: csrf.servedBy, callbackBy: answer.servedBy, status: answer.status };
}

const SIGNED_IN_LIST = 'Woodgrove Bank';
const showsList = (a: Answer) => a.status === 200 && a.body.includes(SIGNED_IN_LIST);
const sentToSignIn = (a: Answer) =>
  a.status >= 300 && a.status < 400 && /\/sign-in/.test(a.location ?? '') && !a.body.includes(SIGNED_IN_LIST);

// ---------------------------------------------------------------------- main

const adminUrl = await findPostgresServer();
if (!adminUrl) {
  console.error(
    'No PostgreSQL server: set DATABASE_URL or run one on 127.0.0.1:5432 (two processes cannot share the embedded database).',
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
    `two web processes (npm start, pids ${A.child.pid} and ${B.child.pid}) on ports ${A.port} and ${B.port}, one database ${dbName}, proxy on ${PROXY_PORT}: ready in ${Math.round((Date.now() - started) / 1000)} s`,
  );

  // (a) Sessions --------------------------------------------------------------
  const session = await signIn(PROXY_PORT, PROXY_PORT, ADMIN, PASSWORD);
  check(
    session.signedIn,
    `(a) signed in once through the proxy as ${ADMIN} (CSRF token from ${session.csrfBy}, sign-in on ${session.callbackBy}${session.error ? `, error ${session.error}` : ''})`,
  );
  const cookie = cookieHeader(session.jar);
  const servedBy = { A: 0, B: 0 } as Record<string, number>;
  const bad: string[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const page = await http(PROXY_PORT, '/customers', session.jar, { cookie });
    servedBy[page.servedBy ?? '?'] = (servedBy[page.servedBy ?? '?'] ?? 0) + 1;
    if (!showsList(page))
      bad.push(`#${i + 1} on ${page.servedBy}: ${page.status}${page.location ? ` → ${page.location}` : ''}`);
  }
  check(
    bad.length === 0,
    `(a) ${REQUESTS} requests for /customers through the proxy with that one cookie: each 200 with the signed-in list ("${SIGNED_IN_LIST}")${bad.length ? ` — not so: ${bad.join('; ')}` : ''}`,
  );
  check(servedBy.A! > 0 && servedBy.B! > 0, `(a) both processes served them: A ${servedBy.A}, B ${servedBy.B}`);

  // Sign out on A, with A's CSRF token; the old cookie, which B accepted
  // just before, must then fail on B (and on A).
  const beforeOnB = await http(B.port, '/customers', new Map(), { cookie });
  const outJar: Jar = new Map(session.jar);
  const { csrfToken } = JSON.parse((await http(A.port, '/api/auth/csrf', outJar)).body) as { csrfToken: string };
  const signOut = await http(A.port, '/api/auth/signout', outJar, {
    method: 'POST',
    form: { csrfToken, json: 'true' },
  });
  check(signOut.status === 200, `(a) signed out on A (status ${signOut.status})`);
  const afterOnB = await http(B.port, '/customers', new Map(), { cookie });
  check(
    showsList(beforeOnB) && sentToSignIn(afterOnB),
    `(a) B, which showed the list to that cookie just before (${beforeOnB.status}), no longer accepts it: /customers answers ${afterOnB.status} → ${afterOnB.location ?? '(no redirect)'}, without the list`,
  );
  const afterOnA = await http(A.port, '/customers', new Map(), { cookie });
  check(
    sentToSignIn(afterOnA),
    `(a) nor does A: /customers answers ${afterOnA.status} → ${afterOnA.location ?? '(no redirect)'}`,
  );

  // (b) Rate limits -----------------------------------------------------------
  // The first `max` failures alternate A, B, A, …: each process sees about
  // half of them, below the limit on its own; only a shared counter refuses
  // the next attempt (with the right password, on the other process).
  const answers: string[] = [];
  const perBackend = { A: 0, B: 0 } as Record<string, number>;
  let countedOk = true;
  for (let i = 0; i < limit.max; i++) {
    const b = backends[i % 2]!;
    const attempt = await signIn(b.port, b.port, LIMITED_ACCOUNT, `not-the-password-${i}`);
    perBackend[b.name]! += 1;
    answers.push(`${b.name}:${attempt.error}`);
    if (attempt.signedIn || attempt.error !== 'CredentialsSignin') countedOk = false;
  }
  check(
    countedOk,
    `(b) ${limit.max} failed sign-ins for ${LIMITED_ACCOUNT} (the configured per-account limit) alternated across the processes (A ${perBackend.A}, B ${perBackend.B}), each answered "wrong password": ${answers.join(', ')}`,
  );
  const next = backends[limit.max % 2]!;
  const refused = await signIn(next.port, next.port, LIMITED_ACCOUNT, PASSWORD);
  check(
    !refused.signedIn && /^TooManyAttempts:\d+$/.test(refused.error ?? ''),
    `(b) attempt ${limit.max + 1}, on ${next.name} with the right password, is refused (${refused.error ?? (refused.signedIn ? 'it signed in' : 'no error')}) though ${next.name} itself saw only ${perBackend[next.name]} of the failures: the counter is shared`,
  );
  const other = backends[(limit.max + 1) % 2]!;
  const refusedToo = await signIn(other.port, other.port, LIMITED_ACCOUNT, PASSWORD);
  check(
    !refusedToo.signedIn && /^TooManyAttempts:\d+$/.test(refusedToo.error ?? ''),
    `(b) and on ${other.name} too (${refusedToo.error ?? (refusedToo.signedIn ? 'it signed in' : 'no error')})`,
  );

  // (c) Outbox ----------------------------------------------------------------
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => {}); // the database dropped under it on Ctrl+C: the query then fails
  await client.connect();
  try {
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
    await poll(
      async () => (await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE state = 'PENDING'`)) === 0,
      60_000,
      'an empty outbox before the test messages',
    );
    const mark = backends.map((b) => b.output.length);
    const receivedBefore = smtp.received.length;
    const tag = randomBytes(4).toString('hex');
    const ids = Array.from({ length: MESSAGES }, (_, i) => `scaleout${tag}m${String(i).padStart(3, '0')}`);
    const insertedAt = Date.now();
    await client.query(
      `INSERT INTO "OutboxMessage" (id, kind, "to", subject, text)
       SELECT id, 'scale-out-test', id || '@recipient.example', 'Scale-out test ' || id, 'One message, sent once.' FROM unnest($1::text[]) AS id`,
      [ids],
    );
    await poll(
      async () =>
        (await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE id = ANY($1) AND state = 'SENT'`, [ids])) ===
        MESSAGES,
      90_000,
      `all ${MESSAGES} messages to be SENT`,
      200,
    );
    const sentIn = Date.now() - insertedAt;
    await delay(SETTLE_MS);

    const copies = new Map<string, number>();
    for (const mail of smtp.received.slice(receivedBefore))
      if (mail.messageId) copies.set(mail.messageId, (copies.get(mail.messageId) ?? 0) + 1);
    const missing = ids.filter((id) => !copies.has(`<${id}@partner-center.outbox>`));
    const duplicated = ids.filter((id) => (copies.get(`<${id}@partner-center.outbox>`) ?? 0) > 1);
    const wrongRecipient = smtp.received.slice(receivedBefore).filter((m) => {
      const id = /^<(.+)@partner-center\.outbox>$/.exec(m.messageId ?? '')?.[1];
      return !id || m.to.join(',') !== `${id}@recipient.example`;
    });
    check(
      missing.length === 0 &&
        duplicated.length === 0 &&
        wrongRecipient.length === 0 &&
        smtp.received.length - receivedBefore === MESSAGES,
      `(c) ${MESSAGES} outbox messages all SENT in ${(sentIn / 1000).toFixed(1)} s; the SMTP server received ${smtp.received.length - receivedBefore} messages, counted ${SETTLE_MS / 1000} s later; each should arrive once: missing ${missing.length}, duplicated ${duplicated.length}, wrong recipient ${wrongRecipient.length}`,
    );
    const attempts = await count(`SELECT count(*) AS n FROM "OutboxMessage" WHERE id = ANY($1) AND attempts <> 1`, [
      ids,
    ]);
    check(attempts === 0, `(c) each message took exactly one delivery attempt (${attempts} took more)`);
    const sentBy = backends.map((b, i) =>
      b.output
        .slice(mark[i])
        .join('')
        .split('\n')
        .reduce((sum, line) => sum + Number(/\[mail\] sent (\d+)/.exec(line)?.[1] ?? 0), 0),
    );
    check(
      sentBy[0]! > 0 && sentBy[1]! > 0 && sentBy[0]! + sentBy[1]! === MESSAGES,
      `(c) both workers delivered, concurrently, from the one outbox (by their logs): A sent ${sentBy[0]}, B sent ${sentBy[1]} (total ${sentBy[0]! + sentBy[1]!})`,
    );
  } finally {
    await client.end();
  }
} catch (error) {
  check(false, `stopped: ${(error as Error).message}`);
} finally {
  if (failed) for (const b of backends) console.log(`\nLast lines of process ${b.name}:\n${tail(b)}`);
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
      `both process groups ended and their ports are free${left.length ? ` (left: ${left.map((b) => b.name).join(', ')})` : ''}`,
    );
  }
  await smtp?.stop();
  await dropDatabase(adminUrl, dbName).catch((error) =>
    check(false, `drop database ${dbName}: ${(error as Error).message}`),
  );
}
const failures = results.filter((r) => r.startsWith('FAIL'));
console.log(
  `\nscale-out: ${results.length - failures.length} checks passed, ${failures.length} failed, in ${Math.round((Date.now() - started) / 1000)} s${failures.length ? `\n${failures.join('\n')}` : ''}`,
);
finished = !failed;
process.exit(failed ? 1 : 0);
