import 'server-only';
import type { Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import { renderMail, type MailKind } from './templates';

export type OutgoingMail = {
  kind: MailKind;
  to: string;
  /** The recipient's language; English when unknown. */
  locale?: string | null;
  values: Record<string, string>;
};

/**
 * Writes a message to the outbox in the caller's transaction, so it exists
 * exactly when the change that causes it does. The worker delivers it.
 */
export async function enqueueMail(tx: Tx, mail: OutgoingMail): Promise<void> {
  const { subject, text } = renderMail(mail.kind, mail.locale, mail.values);
  await tx.outboxMessage.create({
    data: {
      kind: mail.kind,
      to: mail.to.toLowerCase(),
      subject,
      text,
      nextAttemptAt: clock.now(),
      createdAt: clock.now(),
    },
  });
}
