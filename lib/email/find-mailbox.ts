import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { smtpUrl } from './transport';
import { withoutNul } from '@/lib/validation/text';

export const MAILBOX_LIMIT = 100;

export const findMailboxInput = z.object({
  // Addresses are stored lowercased (enqueue.ts); an empty box means "everyone",
  // and an overlong one simply matches nothing.
  to: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((v) => (v === undefined ? undefined : withoutNul(v).slice(0, 320) || undefined)),
});
export type FindMailboxInput = z.input<typeof findMailboxInput>;

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
