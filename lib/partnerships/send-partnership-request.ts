import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { enqueueMail } from '@/lib/email/enqueue';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { hashToken } from '@/lib/tokens';
import { sendPartnershipRequestInput, type SendPartnershipRequestInput } from './schemas';
import { LINK_PATH, LINK_PLACEHOLDER, tokensIn } from './start-partnership-request';
import { parseInput } from '@/lib/validation/parse-input';

/**
 * F1 Send: mails the draft from the portal through the outbox. The body must
 * still carry the personalised link (the reseller needs it to accept).
 * Refused for invitations that are no longer pending.
 */
export async function sendPartnershipRequest(ctx: Ctx, raw: SendPartnershipRequestInput) {
  assertCan(ctx, 'partnerships.write');
  assertAudience(ctx, 'provider');
  const input = parseInput(sendPartnershipRequestInput, raw);
  if (!input.resellerEmail) throw new Invalid({ resellerEmail: ['partnerships.errors.emailRequiredToSend'] });
  const now = clock.now();
  await db().$transaction(async (tx) => {
    const invitation = await tx.partnershipInvitation.findFirst({
      where: { id: input.invitationId, providerId: ctx.orgId! },
    });
    if (!invitation) throw new NotFound('invitation');
    if (invitation.state !== 'PENDING' || invitation.expiresAt <= now)
      throw new Refused('partnerships.errors.notPending');
    // The message must still carry this invitation's own link.
    const token = tokensIn(input.body).find((candidate) => hashToken(candidate) === invitation.tokenHash);
    if (!token) throw new Invalid({ body: ['partnerships.errors.keepLink'] });
    const storedBody = input.body.replaceAll(new RegExp(`https?://[^\\s]*${LINK_PATH}${token}`, 'g'), LINK_PLACEHOLDER);
    await tx.partnershipInvitation.update({
      where: { id: invitation.id },
      data: { resellerEmail: input.resellerEmail, subject: input.subject, body: storedBody, sentAt: now },
    });
    await enqueueMail(tx, {
      kind: 'partnership-invitation',
      to: input.resellerEmail!,
      locale: ctx.locale,
      values: { subject: input.subject, body: input.body },
    });
    await recordAudit(tx, ctx, {
      action: 'partnership.invitation_sent',
      targetType: 'partnershipInvitation',
      targetId: invitation.id,
      after: { to: input.resellerEmail },
    });
  });
  return { sentTo: input.resellerEmail };
}
