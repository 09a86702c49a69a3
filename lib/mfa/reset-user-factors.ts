import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { factorChanged } from './notify';
import { resetUserFactorsInput, type ResetUserFactorsInput } from './schemas';

/**
 * An admin removes every factor of a user of their own organisation or
 * tenant (a lost phone): authenticator app, passkeys and recovery codes go,
 * and the user's sessions end. A user elsewhere is not found.
 */
export async function resetUserFactors(ctx: Ctx, raw: ResetUserFactorsInput): Promise<void> {
  assertCan(ctx, 'mfa.manage');
  const { userId } = parseInput(resetUserFactorsInput, raw);
  const sameOrg = ctx.customerId ? { customerId: ctx.customerId } : { organizationId: ctx.orgId ?? '__none__' };
  await db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { id: userId, ...sameOrg },
      select: { id: true, email: true, locale: true },
    });
    if (!user) throw new NotFound('user');
    await tx.totpFactor.deleteMany({ where: { userId } });
    await tx.passkey.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    await factorChanged(tx, ctx, user, 'factorsReset');
  });
}
