import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { smtpUrl } from './transport';
import { findMailboxInput, type FindMailboxInput } from './schemas';

export const MAILBOX_LIMIT = 100;

/**
 * Vendor staff: the outbox, newest first, at most MAILBOX_LIMIT messages,
 * optionally only those to one address. `smtp` tells whether a worker
 * delivers them by SMTP or they stay here (no SMTP_URL).
 */
export async function findMailbox(ctx: Ctx, raw: FindMailboxInput = {}) {
  assertCan(ctx, 'mailbox.read');
  const input = findMailboxInput.parse(raw);
  const messages = await db().outboxMessage.findMany({
    where: input.to ? { to: input.to } : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: MAILBOX_LIMIT,
    select: {
      id: true,
      kind: true,
      to: true,
      subject: true,
      text: true,
      state: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });
  return { messages, smtp: smtpUrl() !== null };
}
