// Mail faults on the real stack (real SMTP server, real outbox in PostgreSQL):
// the SMTP server down for a while, and the outbox worker killed mid-batch.
// Delivery is at least once to SMTP and exactly once per Message-ID at the
// receiver: the Message-ID is derived from the outbox row, so a message
// re-sent after a crash carries the same id and the receiver can drop it.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { startSmtpServer, type ReceivedMail, type SmtpListener } from '../setup/smtp';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { enqueueMail } from '@/lib/email/enqueue';
import { deliverDueMessages } from '@/lib/email/deliver';
import { startMailWorker } from '@/lib/email/worker';
import { spawnChild, waitFor, withApplicationName, type Child } from './spawn';

const MINUTE = 60_000;
let smtp: SmtpListener;
let onMessage: ((mail: ReceivedMail) => void) | undefined;
let children: Child[] = [];

beforeAll(async () => {
  smtp = await startSmtpServer({ onMessage: (mail) => onMessage?.(mail) });
});
afterAll(() => smtp.stop());
beforeEach(async () => {
  await resetDatabase();
  await smtp.start();
  smtp.received.length = 0;
  onMessage = undefined;
  process.env.SMTP_URL = smtp.url;
});
afterEach(() => {
  clock.reset();
  delete process.env.SMTP_URL;
  for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
  children = [];
});

async function queue(count: number) {
  await db().$transaction(async (tx) => {
    for (let i = 0; i < count; i++)
      await enqueueMail(tx, {
        kind: 'password-changed',
        to: `user${i}@fault.example`,
        values: { email: `user${i}@fault.example` },
      });
  });
  return db().outboxMessage.findMany({ orderBy: { createdAt: 'asc' }, select: { id: true, to: true } });
}

const messageIdOf = (id: string) => `<${id}@partner-center.outbox>`;

/** Message-ID → how many times the receiver got it. */
function receivedCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const m of smtp.received) counts.set(m.messageId ?? '(none)', (counts.get(m.messageId ?? '(none)') ?? 0) + 1);
  return counts;
}

describe('mail faults', () => {
  it('SMTP down for a while, then back: every message arrives exactly once, with its own stable Message-ID', async () => {
    const rows = await queue(5);
    await smtp.stop();
    // The outage: every attempt fails, nothing is lost or given up on.
    expect(await deliverDueMessages()).toEqual({ sent: 0, failed: 0, retried: 5 });
    clock.advance(10_000);
    expect(await deliverDueMessages()).toEqual({ sent: 0, failed: 0, retried: 0 }); // backing off
    clock.advance(2 * MINUTE);
    expect(await deliverDueMessages()).toEqual({ sent: 0, failed: 0, retried: 5 });
    expect(await db().outboxMessage.count({ where: { state: 'PENDING', attempts: 2, lastError: { not: null } } })).toBe(
      5,
    );

    // Back: the running worker delivers the backlog on its own.
    await smtp.start();
    clock.advance(5 * MINUTE);
    const stop = startMailWorker({ intervalMs: 50 });
    try {
      await waitFor(
        async () => (await db().outboxMessage.count({ where: { state: 'SENT' } })) === 5,
        20_000,
        'the backlog to be sent',
      );
      // A few more rounds of the worker send nothing again.
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      stop();
    }
    expect(smtp.received).toHaveLength(5);
    expect([...receivedCounts().entries()].sort()).toEqual(rows.map((r) => [messageIdOf(r.id), 1]).sort());
    expect(smtp.received.map((m) => m.to[0]).sort()).toEqual(rows.map((r) => r.to).sort());
    expect(await db().outboxMessage.count({ where: { state: 'SENT', attempts: 3, lastError: null } })).toBe(5);
  });

  it.skipIf(inject('testDatabase').kind !== 'postgres')(
    'the worker killed mid-batch after a message went out but before it was marked sent: nothing lost, the re-send has the same Message-ID',
    async () => {
      const rows = await queue(6);
      const worker = spawnChild(
        'deliver',
        { limit: 10 },
        {
          DATABASE_URL: withApplicationName(process.env.DATABASE_URL!, 'pc-fault-mail'),
          DATABASE_POOL_MAX: '2',
          SMTP_URL: smtp.url,
        },
        { gated: true },
      );
      children.push(worker);
      await worker.ready;
      // The third message reaches the receiver; the worker dies before it hears "250 OK".
      onMessage = () => {
        if (smtp.received.length === 3) worker.process.kill('SIGKILL');
      };
      worker.go();
      expect((await worker.done).signal).toBe('SIGKILL');
      onMessage = undefined;
      expect(smtp.received).toHaveLength(3);
      const inFlight = smtp.received[2]!.messageId;
      expect(await db().outboxMessage.count({ where: { state: 'SENT' } })).toBe(2);
      const pending = await db().outboxMessage.findMany({ where: { state: 'PENDING' }, select: { id: true } });
      expect(pending.map((p) => messageIdOf(p.id))).toContain(inFlight);

      // Another worker at once: the dead worker's claims are leased, so nothing
      // is sent twice while it might still be sending.
      expect(await deliverDueMessages()).toEqual({ sent: 0, failed: 0, retried: 0 });
      // When the lease ends, everything the dead worker claimed is delivered.
      clock.advance(16 * MINUTE);
      expect(await deliverDueMessages()).toEqual({ sent: 4, failed: 0, retried: 0 });
      expect(await db().outboxMessage.count({ where: { state: 'SENT' } })).toBe(6);

      // At least once to SMTP; exactly once per Message-ID at the receiver.
      const counts = receivedCounts();
      expect([...counts.keys()].sort()).toEqual(rows.map((r) => messageIdOf(r.id)).sort());
      for (const [id, times] of counts) expect(times, id).toBe(id === inFlight ? 2 : 1);
      const resent = smtp.received.filter((m) => m.messageId === inFlight);
      expect(resent[0]!.to).toEqual(resent[1]!.to);
    },
  );
});
