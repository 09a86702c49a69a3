import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import { enqueueMail } from '@/lib/email/enqueue';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { limiters, waitMinutes } from '@/lib/rate-limit/limiter';
import { changePasswordInput, type ChangePasswordInput } from './schemas';
import { parseInput } from '@/lib/validation/parse-input';

/**
 * Changes the signed-in user's own password, clears the forced change and
 * ends every existing session (the caller signs in again with the new one).
 */
export async function changePassword(ctx: Ctx, raw: ChangePasswordInput): Promise<{ email: string }> {
  assertCan(ctx, 'account.self');
  const input = parseInput(changePasswordInput, raw);
  const user = await db().user.findUnique({ where: { id: ctx.userId }, select: { passwordHash: true, email: true } });
  if (!user) throw new NotFound('user');
  // 5 wrong current passwords in 15 minutes, then a wait (a stolen session
  // cannot guess the password this way).
  const blocked = await limiters.passwordChangeUser.check(ctx.userId);
  if (blocked) throw new Refused('errors.tooManyAttempts', undefined, { minutes: waitMinutes(blocked) });
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await limiters.passwordChangeUser.hit(ctx.userId);
    throw new Invalid({ currentPassword: ['errors.currentPasswordWrong'] });
  }
  await limiters.passwordChangeUser.clear(ctx.userId);
  const passwordHash = await hashPassword(input.newPassword);
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: ctx.userId },
      data: { passwordHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, ctx, { action: 'user.password_changed', targetType: 'user', targetId: ctx.userId });
    await enqueueMail(tx, {
      kind: 'password-changed',
      to: user.email,
      locale: ctx.locale,
      values: { email: user.email },
    });
  });
  return { email: user.email };
}
