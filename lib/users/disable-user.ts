import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { NotFound, Refused } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { disableUserInput, type DisableUserInput } from './schemas';

/** An org admin disables a user of the same org; that user's sessions end at once. */
export async function disableUser(ctx: Ctx, raw: DisableUserInput): Promise<void> {
  assertCan(ctx, 'users.manage');
  const { userId } = parseInput(disableUserInput, raw);
  if (userId === ctx.userId) throw new Refused('errors.cannotDisableSelf');
  await db().$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: userId, organizationId: ctx.orgId ?? '__none__' },
      data: { disabled: true, sessionVersion: { increment: 1 } },
    });
    if (count === 0) throw new NotFound('user');
    await recordAudit(tx, ctx, { action: 'user.disabled', targetType: 'user', targetId: userId });
  });
}
