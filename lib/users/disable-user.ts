import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Refused } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { assertNotLastAdmin, lockOrgUser } from './org-user';
import { disableUserInput, userIdInput, type DisableUserInput, type UserIdInput } from './schemas';

/** An org admin disables a user of the same org; that user's sessions end at once. The last admin stays. */
export async function disableUser(ctx: Ctx, raw: DisableUserInput): Promise<void> {
  assertCan(ctx, 'users.manage');
  const { userId } = parseInput(disableUserInput, raw);
  if (userId === ctx.userId) throw new Refused('errors.cannotDisableSelf');
  await db().$transaction(async (tx) => {
    const user = await lockOrgUser(tx, ctx, userId);
    if (user.disabled) return;
    await assertNotLastAdmin(tx, ctx, user);
    await tx.user.update({ where: { id: user.id }, data: { disabled: true, sessionVersion: { increment: 1 } } });
    await recordAudit(tx, ctx, { action: 'user.disabled', targetType: 'user', targetId: userId });
  });
}

/** An org admin enables a disabled user again: they sign in as before. */
export async function enableUser(ctx: Ctx, raw: UserIdInput): Promise<void> {
  assertCan(ctx, 'users.manage');
  const { userId } = parseInput(userIdInput, raw);
  await db().$transaction(async (tx) => {
    const user = await lockOrgUser(tx, ctx, userId);
    if (!user.disabled) return;
    await tx.user.update({ where: { id: user.id }, data: { disabled: false } });
    await recordAudit(tx, ctx, { action: 'user.enabled', targetType: 'user', targetId: userId });
  });
}

/**
 * An org admin removes a user: sessions end, the account can never sign in
 * again, and its email is freed for a new account. The row stays (renamed)
 * for the orders, partnerships and audit events it wrote. The last admin stays.
 */
export async function removeUser(ctx: Ctx, raw: UserIdInput): Promise<void> {
  assertCan(ctx, 'users.manage');
  const { userId } = parseInput(userIdInput, raw);
  if (userId === ctx.userId) throw new Refused('users.errors.cannotRemoveSelf');
  await db().$transaction(async (tx) => {
    const user = await lockOrgUser(tx, ctx, userId);
    await assertNotLastAdmin(tx, ctx, user);
    await tx.user.update({
      where: { id: user.id },
      data: {
        disabled: true,
        removedAt: clock.now(),
        email: `removed-${user.id}@removed.invalid`,
        sessionVersion: { increment: 1 },
      },
    });
    await tx.userToken.deleteMany({ where: { userId: user.id } });
    await tx.groupMember.deleteMany({ where: { userId: user.id } });
    await recordAudit(tx, ctx, {
      action: 'user.removed',
      targetType: 'user',
      targetId: user.id,
      before: { email: user.email, name: user.name, role: user.role },
    });
  });
}
