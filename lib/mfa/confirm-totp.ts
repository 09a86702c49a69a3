import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { limiters, waitMinutes } from '@/lib/rate-limit/limiter';
import { parseInput } from '@/lib/validation/parse-input';
import { decryptSecret } from '@/lib/webhooks/sign';
import { factorChanged } from './notify';
import { replaceRecoveryCodes } from './recovery-codes';
import { confirmTotpInput, type ConfirmTotpInput } from './schemas';
import { acceptedTimeStep } from './totp';
import { userForMail } from './user-for-mail';

/**
 * Confirms the authenticator app with a code from it; from then on it
 * counts. The first factor of a user also brings 10 recovery codes,
 * returned here only (shown once). Wrong codes count towards the second
 * step's limit, so a stolen session cannot guess codes here either.
 */
export async function confirmTotp(ctx: Ctx, raw: ConfirmTotpInput): Promise<{ recoveryCodes: string[] | null }> {
  assertCan(ctx, 'account.self');
  const { code } = parseInput(confirmTotpInput, raw);
  const factor = await db().totpFactor.findUnique({ where: { userId: ctx.userId } });
  if (!factor || factor.confirmedAt) throw new NotFound('totp');
  const blocked = await limiters.mfaUser.check(ctx.userId);
  if (blocked) throw new Refused('errors.tooManyAttempts', undefined, { minutes: waitMinutes(blocked) });
  const step = await acceptedTimeStep(decryptSecret(factor.secretEncrypted), code.replace(/\s/g, ''), null);
  if (step === null) {
    await limiters.mfaUser.hit(ctx.userId);
    throw new Invalid({ code: ['errors.codeWrong'] });
  }
  await limiters.mfaUser.clear(ctx.userId);
  const user = await userForMail(ctx.userId);
  return db().$transaction(async (tx) => {
    const { count } = await tx.totpFactor.updateMany({
      where: { userId: ctx.userId, confirmedAt: null },
      data: { confirmedAt: clock.now(), lastTimeStep: step },
    });
    if (count === 0) throw new NotFound('totp');
    const codesLeft = await tx.recoveryCode.count({ where: { userId: ctx.userId, usedAt: null } });
    const recoveryCodes = codesLeft === 0 ? await replaceRecoveryCodes(tx, ctx.userId) : null;
    await factorChanged(tx, ctx, user, 'totpAdded');
    return { recoveryCodes };
  });
}
