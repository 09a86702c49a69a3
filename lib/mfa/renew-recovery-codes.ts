import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Refused } from '@/lib/errors';
import { factorChanged } from './notify';
import { replaceRecoveryCodes } from './recovery-codes';
import { hasConfirmedFactor } from './factor-status';
import { userForMail } from './user-for-mail';

/** Ten new recovery codes (the old ones stop working); only for a user with a factor. */
export async function renewRecoveryCodes(ctx: Ctx): Promise<{ recoveryCodes: string[] }> {
  assertCan(ctx, 'account.self');
  if (!(await hasConfirmedFactor(ctx.userId))) throw new Refused('errors.noFactor');
  const user = await userForMail(ctx.userId);
  return db().$transaction(async (tx) => {
    const recoveryCodes = await replaceRecoveryCodes(tx, ctx.userId);
    await factorChanged(tx, ctx, user, 'recoveryCodesRenewed');
    return { recoveryCodes };
  });
}
