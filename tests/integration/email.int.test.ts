import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { startSmtpServer, type SmtpListener } from '../setup/smtp';
import { PASSWORD, makeCtx, makeOrg, makeUser } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { loadCtx } from '@/lib/auth/session';
import { changePassword } from '@/lib/users/change-password';
import { enqueueMail } from '@/lib/email/enqueue';
import { MAX_ATTEMPTS, deliverDueMessages, retryDelayMs } from '@/lib/email/deliver';
import { startMailWorker } from '@/lib/email/worker';
import { findMailbox } from '@/lib/email/find-mailbox';
import { Refused } from '@/lib/errors';

const HOURS_2 = 2 * 60 * 60_000;
let smtp: SmtpListener;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.stop());
beforeEach(async () => {
  await resetDatabase();
  await smtp.start();
  smtp.received.length = 0;
  process.env.SMTP_URL = smtp.url;
});
afterEach(() => {
  clock.reset();
  delete process.env.SMTP_URL;
});

async function queue(to: string, locale: 'en' | 'ja' = 'en') {
  await db().$transaction((tx) => enqueueMail(tx, { kind: 'password-changed', to, locale, values: { email: to } }));
  return db().outboxMessage.findFirstOrThrow({ where: { to }, orderBy: { createdAt: 'desc' } });
}

describe('outbox', () => {
  it('a message enqueued in a transaction that rolls back does not exist', async () => {
    await expect(
      db().$transaction(async (tx) => {
        await enqueueMail(tx, {
          kind: 'password-changed',
          to: 'gone@test.example',
          values: { email: 'gone@test.example' },
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it('delivers by SMTP in the recipient language and marks the message SENT', async () => {
    const en = await queue('en@test.example');
    const ja = await queue('ja@test.example', 'ja');
    expect(ja.subject).toBe('パートナー センターのパスワードが変更されました');
    expect(await deliverDueMessages()).toEqual({ sent: 2, failed: 0, retried: 0 });
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(['en@test.example', 'ja@test.example']);
    const mail = smtp.received.find((m) => m.to[0] === 'en@test.example')!;
    expect(mail.messageId).toBe(`<${en.id}@partner-center.outbox>`);
    expect(mail.raw).toMatch(/^From: Partner Center <no-reply@partner-center\.example>/m);
    const row = await db().outboxMessage.findUniqueOrThrow({ where: { id: en.id } });
    expect(row).toMatchObject({ state: 'SENT', attempts: 1, lastError: null });
    expect(row.sentAt).not.toBeNull();
    expect(await deliverDueMessages()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received).toHaveLength(2);
  });

  it('without SMTP_URL keeps mail in the outbox', async () => {
    delete process.env.SMTP_URL;
    const message = await queue('kept@test.example');
    expect(await deliverDueMessages()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      state: 'PENDING',
      attempts: 0,
    });
    expect(smtp.received).toHaveLength(0);
  });
});

describe('a mail server outage', () => {
  it('never fails the user action, keeps the message queued and delivers it exactly once when the server is back', async () => {
    await smtp.stop();
    const org = await makeOrg('INDIRECT_PROVIDER');
    const user = await makeUser('ADMIN', { organizationId: org.id });
    const ctx = (await loadCtx(user.id, user.sessionVersion))!;
    const next = 'Outage-passw0rd!';
    await changePassword(ctx, { currentPassword: PASSWORD, newPassword: next, confirmPassword: next });

    expect(await deliverDueMessages()).toEqual({ sent: 0, failed: 0, retried: 1 });
    const queued = await db().outboxMessage.findFirstOrThrow({ where: { to: user.email } });
    expect(queued).toMatchObject({ state: 'PENDING', attempts: 1 });
    expect(queued.lastError).toBeTruthy();
    expect(queued.nextAttemptAt.getTime()).toBeGreaterThan(clock.now().getTime());

    await smtp.start();
    // Not due yet: the backoff holds it back.
    expect(await deliverDueMessages()).toEqual({ sent: 0, failed: 0, retried: 0 });
    clock.advance(HOURS_2);
    expect(await deliverDueMessages()).toEqual({ sent: 1, failed: 0, retried: 0 });
    clock.advance(HOURS_2);
    expect(await deliverDueMessages()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.received.map((m) => m.to)).toEqual([[user.email]]);
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({
      state: 'SENT',
      attempts: 2,
    });
  });

  it(`gives up after ${MAX_ATTEMPTS} attempts: FAILED, and still stored`, async () => {
    await smtp.stop();
    const message = await queue('unlucky@test.example');
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const before = await db().outboxMessage.findUniqueOrThrow({ where: { id: message.id } });
      expect(before.state).toBe('PENDING');
      expect(await deliverDueMessages()).toEqual(
        attempt < MAX_ATTEMPTS ? { sent: 0, failed: 0, retried: 1 } : { sent: 0, failed: 1, retried: 0 },
      );
      clock.advance(HOURS_2);
    }
    await smtp.start();
    expect(await deliverDueMessages()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await db().outboxMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({
      state: 'FAILED',
      attempts: MAX_ATTEMPTS,
    });
    expect(smtp.received).toHaveLength(0);
  });
});

describe('workers', () => {
  it('back off from 30 s, doubling, up to 1 h, with at most 10 % jitter', () => {
    expect([1, 2, 3, 8, 12].map((n) => retryDelayMs(n, () => 0))).toEqual([
      30_000, 60_000, 120_000, 3_600_000, 3_600_000,
    ]);
    expect(retryDelayMs(1, () => 1)).toBe(33_000);
  });

  it('the polling worker delivers queued mail until stopped', async () => {
    const stop = startMailWorker({ intervalMs: 20 });
    try {
      await queue('polled@test.example');
      await expect.poll(() => db().outboxMessage.count({ where: { state: 'SENT' } }), { timeout: 5_000 }).toBe(1);
    } finally {
      stop();
    }
    expect(smtp.received).toHaveLength(1);
  });

  it('running concurrently never send the same message twice', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 24; i++) ids.add((await queue(`crowd-${i}@test.example`)).id);
    let sent = 0;
    for (let round = 0; round < 5 && sent < ids.size; round++) {
      const results = await Promise.all([1, 2, 3].map(() => deliverDueMessages({ limit: 5 })));
      sent += results.reduce((sum, r) => sum + r.sent, 0);
    }
    expect(sent).toBe(ids.size);
    const receivedIds = smtp.received.map((m) => m.messageId);
    expect(receivedIds).toHaveLength(ids.size);
    expect(new Set(receivedIds).size).toBe(ids.size);
    expect(await db().outboxMessage.count({ where: { state: 'SENT' } })).toBe(ids.size);
  });
});

describe('the development mailbox', () => {
  it('shows vendor staff the outbox newest first, filtered by recipient', async () => {
    const vendor = await makeOrg('VENDOR');
    const staff = await makeCtx('VENDOR_ADMIN', { organizationId: vendor.id });
    await queue('first@test.example');
    clock.advance(1_000);
    await queue('second@test.example');
    const all = await findMailbox(staff);
    expect(all.messages.map((m) => m.to)).toEqual(['second@test.example', 'first@test.example']);
    expect(all.smtp).toBe(true);
    const one = await findMailbox(staff, { to: ' First@Test.example ' });
    expect(one.messages.map((m) => m.to)).toEqual(['first@test.example']);
  });

  it('is refused to partner users', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    await queue('secret@test.example');
    await expect(findMailbox(admin)).rejects.toBeInstanceOf(Refused);
  });
});
