import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Invalid } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { assertNotLastAdmin, lockOrgUser } from './org-user';
import { assignableRoles } from './roles';
import { changeRoleInput, type ChangeRoleInput } from './schemas';

/**
 * An org admin gives a user of the organisation another role. The user's
 * sessions end at once (the session version), so the next request is made
 * with the new role or not at all; the last admin keeps the role.
 */
export async function changeUserRole(ctx: Ctx, raw: ChangeRoleInput) {
  assertCan(ctx, 'users.manage');
  const input = parseInput(changeRoleInput, raw);
  if (!assignableRoles(ctx).includes(input.role)) throw new Invalid({ role: ['users.errors.roleRequired'] });
  return db().$transaction(async (tx) => {
    const user = await lockOrgUser(tx, ctx, input.userId);
    if (user.role === input.role) return { changed: false };
    await assertNotLastAdmin(tx, ctx, user);
    await tx.user.update({
      where: { id: user.id },
      data: { role: input.role, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, ctx, {
      action: 'user.role_changed',
      targetType: 'user',
      targetId: user.id,
      before: { role: user.role },
      after: { role: input.role },
    });
    return { changed: true };
  });
}
