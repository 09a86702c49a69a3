import 'server-only';
import type { Tx } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { enqueueMail } from '@/lib/email/enqueue';

export type FactorChange =
  'totpAdded' | 'totpRemoved' | 'passkeyAdded' | 'passkeyRemoved' | 'recoveryCodesRenewed' | 'factorsReset';

/** Every change of a user's factors: an audit event and a mail to that user, in the change's transaction. */
export async function factorChanged(
  tx: Tx,
  ctx: Ctx,
  user: { id: string; email: string; locale: string | null },
  change: FactorChange,
  after?: object,
): Promise<void> {
  await recordAudit(tx, ctx, {
    action: `user.mfa.${change}`,
    targetType: 'user',
    targetId: user.id,
    ...(after ? { after } : {}),
  });
  await enqueueMail(tx, {
    kind: 'mfa-changed',
    to: user.email,
    locale: user.locale,
    values: { email: user.email, change },
  });
}
