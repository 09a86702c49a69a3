import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { enqueueMail } from '@/lib/email/enqueue';
import { Refused } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { lockOrgUser } from './org-user';
import { userIdInput, type UserIdInput } from './schemas';
import { INVITATION_DAYS, issueUserToken, userLink } from './user-tokens';

/** A new invitation link for a user who has not joined yet (the earlier link stops working). */
export async function resendUserInvitation(ctx: Ctx, raw: UserIdInput & { baseUrl: string }) {
  assertCan(ctx, 'users.manage');
  const { userId } = parseInput(userIdInput, raw);
  return db().$transaction(async (tx) => {
    const user = await lockOrgUser(tx, ctx, userId);
    if (!user.invitationPending) throw new Refused('users.errors.alreadyJoined', undefined, { name: user.name });
    const token = await issueUserToken(tx, user.id, 'INVITATION');
    await recordAudit(tx, ctx, { action: 'user.invitation_resent', targetType: 'user', targetId: user.id });
    await enqueueMail(tx, {
      kind: 'user-invitation',
      to: user.email,
      locale: ctx.locale,
      values: {
        name: user.name,
        inviter: ctx.name,
        org: ctx.orgName,
        url: userLink(raw.baseUrl, 'INVITATION', token),
        days: String(INVITATION_DAYS),
      },
    });
    return { email: user.email };
  });
}

/**
 * Withdraws an invitation: the user never joined, so nothing refers to it
 * but its links; it is deleted and its email is free again.
 */
export async function revokeUserInvitation(ctx: Ctx, raw: UserIdInput) {
  assertCan(ctx, 'users.manage');
  const { userId } = parseInput(userIdInput, raw);
  return db().$transaction(async (tx) => {
    const user = await lockOrgUser(tx, ctx, userId);
    if (!user.invitationPending) throw new Refused('users.errors.alreadyJoined', undefined, { name: user.name });
    await tx.user.delete({ where: { id: user.id } });
    await recordAudit(tx, ctx, {
      action: 'user.invitation_revoked',
      targetType: 'user',
      targetId: user.id,
      before: { email: user.email, name: user.name, role: user.role },
    });
    return { email: user.email };
  });
}
