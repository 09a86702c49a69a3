import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import { factorChanged } from './notify';
import { userForMail } from './user-for-mail';

/** Removes the user's authenticator app (confirmed or not). */
export async function removeTotp(ctx: Ctx): Promise<void> {
  assertCan(ctx, 'account.self');
  const user = await userForMail(ctx.userId);
  await db().$transaction(async (tx) => {
    const { count } = await tx.totpFactor.deleteMany({ where: { userId: ctx.userId } });
    if (count === 0) throw new NotFound('totp');
    await factorChanged(tx, ctx, user, 'totpRemoved');
  });
}
