import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import { hashPassword } from '@/lib/auth/password';
import { enqueueMail } from '@/lib/email/enqueue';
import { Refused } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import type { UserTokenPurpose } from '@/lib/generated/prisma/enums';
import { linkTokenSchema, setPasswordWithLinkInput, type SetPasswordWithLinkInput } from './schemas';
import { readUserToken, useUserToken, type LinkStatus } from './user-tokens';

export type LinkView = { status: LinkStatus; email: string | null; name: string | null; org: string | null };

/** What a mailed link's page shows: whether it can be used, and for whom. Anyone may open it. */
export async function viewUserLink(token: string, purpose: UserTokenPurpose): Promise<LinkView> {
  if (!linkTokenSchema.safeParse(token).success) return { status: 'invalid', email: null, name: null, org: null };
  const { status, found } = await readUserToken(db(), token, purpose);
  if (status !== 'ready' || !found) return { status, email: null, name: null, org: null };
  // An invitation for someone who joined since (or a reset for someone still invited) is spent.
  if ((purpose === 'INVITATION') !== found.user.invitationPending)
    return { status: 'used', email: null, name: null, org: null };
  return {
    status,
    email: found.user.email,
    name: found.user.name,
    org: found.user.organization?.legalName ?? null,
  };
}

/**
 * Sets a password through a mailed link, once: an invitation's first
 * password (the user has joined), or a new one after **Forgot password?**.
 * Every session of the user ends; the caller signs in with the new password.
 */
export async function setPasswordWithLink(
  raw: SetPasswordWithLinkInput,
  purpose: UserTokenPurpose,
): Promise<{ email: string }> {
  const input = parseInput(setPasswordWithLinkInput, raw);
  const passwordHash = await hashPassword(input.newPassword);
  return db().$transaction(async (tx) => {
    const { status, found } = await readUserToken(tx, input.token, purpose);
    if (status !== 'ready' || !found || (purpose === 'INVITATION') !== found.user.invitationPending)
      throw new Refused(`userLink.${status === 'ready' ? 'used' : status}`);
    if (!(await useUserToken(tx, found.id))) throw new Refused('userLink.used');
    const user = found.user;
    await tx.user.update({
      where: { id: user.id },
      data: {
        passwordHash,
        invitationPending: false,
        mustChangePassword: false,
        sessionVersion: { increment: 1 },
      },
    });
    // Any other link of the user stops working with this one.
    await tx.userToken.deleteMany({ where: { userId: user.id, usedAt: null } });
    // The user acts on their own account; their organisation's audit log shows it.
    const actor = { userId: user.id, orgId: user.organizationId };
    if (purpose === 'INVITATION') {
      await recordAudit(tx, actor, { action: 'user.joined', targetType: 'user', targetId: user.id });
    } else {
      await recordAudit(tx, actor, { action: 'user.password_reset', targetType: 'user', targetId: user.id });
      await enqueueMail(tx, {
        kind: 'password-changed',
        to: user.email,
        locale: user.locale,
        values: { email: user.email },
      });
    }
    return { email: user.email };
  });
}
