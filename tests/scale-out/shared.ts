// What the two web processes must share, checked through the proxy and on
// each process: (a) sessions, (b) rate limits, (c) the outbox.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { SmtpListener } from '../setup/smtp';
import { delay, poll, type Backend } from './cluster';
import { cookieHeader, http, sentToSignIn, showsList, signIn, SIGNED_IN_LIST, type Jar } from './http';
import { check } from './report';

const PASSWORD = process.env.DEMO_PASSWORD || 'Demo-Passw0rd!';
const ADMIN = 'admin@northwind.example';
const LIMITED_ACCOUNT = 'sales@northwind.example';
/** Requests for /customers through the proxy with one sign-in. */
const REQUESTS = 12;
/** Outbox messages both workers deliver. */
export const MESSAGES = 60;
/**
 * The SMTP server takes this long to accept each message, so that one worker
 * alone needs MESSAGES × SMTP_DELAY_MS (9 s) for the backlog: longer than the
 * worker's poll interval (5 s, lib/email/worker.ts), so the other process's
 * worker is sure to start claiming from the same rows while the first drains them.
 */
export const SMTP_DELAY_MS = 150;
/**
 * After the last message is SENT: longer than a poll interval, so a worker
 * that would send one again has had its turn.
 */
const SETTLE_MS = 6_000;

/** (a) One sign-in through the proxy serves on both processes; a sign-out on A ends it on B too. */
export async function checkSessions(proxyPort: number, A: Backend, B: Backend): Promise<void> {
  const session = await signIn(proxyPort, proxyPort, ADMIN, PASSWORD);
  check(
    session.signedIn,
    `(a) signed in once through the proxy as ${ADMIN} (CSRF token from ${session.csrfBy}, ` +
      `sign-in on ${session.callbackBy}${session.error ? `, error ${session.error}` : ''})`,
  );
  const cookie = cookieHeader(session.jar);
  const servedBy = { A: 0, B: 0 } as Record<string, number>;
  const bad: string[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const page = await http(proxyPort, '/customers', session.jar, { cookie });
    servedBy[page.servedBy ?? '?'] = (servedBy[page.servedBy ?? '?'] ?? 0) + 1;
    if (!showsList(page))
      bad.push(`#${i + 1} on ${page.servedBy}: ${page.status}${page.location ? ` → ${page.location}` : ''}`);
  }
  check(
    bad.length === 0,
    `(a) ${REQUESTS} requests for /customers through the proxy with that one cookie: ` +
      `each 200 with the signed-in list ("${SIGNED_IN_LIST}")` +
      (bad.length ? ` — not so: ${bad.join('; ')}` : ''),
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
    `(a) B, which showed the list to that cookie just before (${beforeOnB.status}), no longer accepts it: ` +
      `/customers answers ${afterOnB.status} → ${afterOnB.location ?? '(no redirect)'}, without the list`,
  );
  const afterOnA = await http(A.port, '/customers', new Map(), { cookie });
  check(
    sentToSignIn(afterOnA),
    `(a) nor does A: /customers answers ${afterOnA.status} → ${afterOnA.location ?? '(no redirect)'}`,
  );
}

/** (b) Failed sign-ins alternated across the processes are refused at the limit, not at twice it. */
export async function checkRateLimits(backends: Backend[], limit: { max: number }): Promise<void> {
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
    `(b) ${limit.max} failed sign-ins for ${LIMITED_ACCOUNT} (the configured per-account limit) ` +
      `alternated across the processes (A ${perBackend.A}, B ${perBackend.B}), ` +
      `each answered "wrong password": ${answers.join(', ')}`,
  );
  const next = backends[limit.max % 2]!;
  const refused = await signIn(next.port, next.port, LIMITED_ACCOUNT, PASSWORD);
  check(
    !refused.signedIn && /^TooManyAttempts:\d+$/.test(refused.error ?? ''),
    `(b) attempt ${limit.max + 1}, on ${next.name} with the right password, is refused ` +
      `(${refused.error ?? (refused.signedIn ? 'it signed in' : 'no error')}) ` +
      `though ${next.name} itself saw only ${perBackend[next.name]} of the failures: the counter is shared`,
  );
  const other = backends[(limit.max + 1) % 2]!;
  const refusedToo = await signIn(other.port, other.port, LIMITED_ACCOUNT, PASSWORD);
  check(
    !refusedToo.signedIn && /^TooManyAttempts:\d+$/.test(refusedToo.error ?? ''),
    `(b) and on ${other.name} too (${refusedToo.error ?? (refusedToo.signedIn ? 'it signed in' : 'no error')})`,
  );
}

/** (c) Messages both workers deliver at once reach the SMTP server exactly once each. */
export async function checkOutbox(databaseUrl: string, backends: Backend[], smtp: SmtpListener): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => {}); // the database dropped under it on Ctrl+C: the query then fails
  await client.connect();
  try {
    const count = async (sql: string, params: unknown[] = []) =>
      Number((await client.query<{ n: string }>(sql, params)).rows[0]!.n);
    // The demo data makes one delegated admin relationship's expiry notice due at start
    // (lib/admin-relationships/send-notices.ts, every 10 s): it is written and sent first.
    await poll(
      async () => (await count(`SELECT count(*) AS n FROM "AdminRelationshipNotice"`)) > 0,
      60_000,
      "the demo's relationship notice before the test messages",
    );
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
       SELECT id, 'scale-out-test', id || '@recipient.example', 'Scale-out test ' || id, 'One message, sent once.'
       FROM unnest($1::text[]) AS id`,
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
      `(c) ${MESSAGES} outbox messages all SENT in ${(sentIn / 1000).toFixed(1)} s; ` +
        `the SMTP server received ${smtp.received.length - receivedBefore} messages, ` +
        `counted ${SETTLE_MS / 1000} s later; each should arrive once: missing ${missing.length}, ` +
        `duplicated ${duplicated.length}, wrong recipient ${wrongRecipient.length}`,
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
      '(c) both workers delivered, concurrently, from the one outbox (by their logs): ' +
        `A sent ${sentBy[0]}, B sent ${sentBy[1]} (total ${sentBy[0]! + sentBy[1]!})`,
    );
  } finally {
    await client.end();
  }
}
