import 'server-only';
import type { Transporter } from 'nodemailer';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { mailFrom, mailTransport } from './transport';

export const MAX_ATTEMPTS = 12;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;
/** How long a claimed message is hidden from other workers while it is sent. */
const LEASE_MS = 15 * 60_000;

type Claimed = { id: string; to: string; subject: string; text: string; html: string | null; attempts: number };
export type DeliveryResult = { sent: number; failed: number; retried: number };

/** 30 s, 1 min, 2 min … capped at 1 h, plus up to 10 % so retries spread out. */
export function retryDelayMs(attempts: number, random = Math.random): number {
  const base = Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
  return Math.round(base * (1 + 0.1 * random()));
}

/** An error in one line, without message bodies or query arguments. */
export function describeError(error: unknown): string {
  const e = error as { code?: unknown; message?: unknown };
  const lines = String(e?.message ?? error)
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const code = typeof e?.code === 'string' ? `${e.code}: ` : '';
  return `${code}${lines.at(-1) ?? 'unknown error'}`.slice(0, 500);
}

/**
 * Claims due messages in one statement: FOR UPDATE SKIP LOCKED keeps
 * concurrent workers (in any process) off each other's rows, and moving
 * nextAttemptAt past the lease keeps them off once this commits. No
 * transaction stays open while SMTP talks; a worker that dies mid-send
 * leaves the message to be retried when the lease ends (at least once).
 */
async function claimDue(limit: number): Promise<Claimed[]> {
  const now = clock.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return db().$queryRaw<Claimed[]>`
    UPDATE "OutboxMessage" SET "nextAttemptAt" = ${leaseUntil}
     WHERE "id" IN (
       SELECT "id" FROM "OutboxMessage"
        WHERE "state" = 'PENDING' AND "nextAttemptAt" <= ${now}
        ORDER BY "nextAttemptAt"
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
    RETURNING "id", "to", "subject", "text", "html", "attempts"`;
}

/**
 * Sends the outbox's due messages. An SMTP failure never throws: the message
 * is retried with backoff and marked FAILED (kept, never deleted) after
 * MAX_ATTEMPTS. Without SMTP_URL nothing is sent; the mailbox page shows it.
 */
export async function deliverDueMessages(
  options: { limit?: number; transport?: Transporter } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, failed: 0, retried: 0 };
  const transport = options.transport ?? mailTransport();
  if (!transport) return result;
  const from = mailFrom();
  for (const message of await claimDue(options.limit ?? 10)) {
    const attempts = message.attempts + 1;
    let error: unknown;
    try {
      await transport.sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        // A stable id lets receivers drop the rare duplicate of a re-sent message.
        messageId: `<${message.id}@partner-center.outbox>`,
      });
    } catch (caught) {
      error = caught ?? new Error('send failed');
    }
    if (error === undefined) {
      await db().outboxMessage.update({
        where: { id: message.id },
        data: { state: 'SENT', sentAt: clock.now(), attempts, lastError: null },
      });
      result.sent += 1;
      continue;
    }
    const failed = attempts >= MAX_ATTEMPTS;
    await db().outboxMessage.update({
      where: { id: message.id },
      data: {
        attempts,
        lastError: describeError(error),
        state: failed ? 'FAILED' : 'PENDING',
        nextAttemptAt: new Date(clock.now().getTime() + retryDelayMs(attempts)),
      },
    });
    if (failed) result.failed += 1;
    else result.retried += 1;
  }
  return result;
}
