import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { hashRandomSecret } from '@/lib/auth/password';
import { enqueueMail } from '@/lib/email/enqueue';
import { Invalid } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/orders/create-order';
import { parseInput } from '@/lib/validation/parse-input';
import { assignableRoles } from './roles';
import { addUserInput, type AddUserInput } from './schemas';
import { INVITATION_DAYS, issueUserToken, userLink } from './user-tokens';

/**
 * An org admin adds a colleague with a role: the user exists at once (its
 * email is taken) but cannot sign in until the mailed invitation link, valid
 * INVITATION_DAYS days, sets a password. Audited and mailed in the same
 * transaction.
 */
export async function addUser(ctx: Ctx, raw: AddUserInput & { baseUrl: string }) {
  assertCan(ctx, 'users.manage');
  const input = parseInput(addUserInput, raw);
  if (!assignableRoles(ctx).includes(input.role)) throw new Invalid({ role: ['users.errors.roleRequired'] });
  // Nobody knows this password: the invitation link replaces it.
  const passwordHash = await hashRandomSecret(randomBytes(18).toString('base64url'));
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: input.role,
          organizationId: ctx.orgId!,
          passwordHash,
          invitationPending: true,
          locale: ctx.locale,
        },
        select: { id: true, email: true },
      });
      const token = await issueUserToken(tx, user.id, 'INVITATION');
      await recordAudit(tx, ctx, {
        action: 'user.invited',
        targetType: 'user',
        targetId: user.id,
        after: { email: input.email, name: input.name, role: input.role },
      });
      await enqueueMail(tx, {
        kind: 'user-invitation',
        to: user.email,
        locale: ctx.locale,
        values: {
          name: input.name,
          inviter: ctx.name,
          org: ctx.orgName,
          url: userLink(raw.baseUrl, 'INVITATION', token),
          days: String(INVITATION_DAYS),
        },
      });
      return { userId: user.id, email: user.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ email: ['users.errors.emailTaken'] });
    throw error;
  }
}
