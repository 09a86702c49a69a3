import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { enqueueMail } from '@/lib/email/enqueue';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { hashToken } from '@/lib/tokens';
import { requestTokensIn } from './link';
import { sendRelationshipRequestInput, type SendRelationshipRequestInput } from './schemas';
import { parseInput } from '@/lib/validation/parse-input';

/** The requests a partner user may manage: those its organisation is the provider or the reseller of. */
export function requestPartyScope(ctx: Ctx) {
  return { OR: [{ providerId: ctx.orgId! }, { resellerId: ctx.orgId! }] };
}

/**
 * F6 Send: mails the draft through the outbox. The body must still carry this
 * request's own link (the customer admin needs it). Only pending requests.
 */
export async function sendRelationshipRequest(ctx: Ctx, raw: SendRelationshipRequestInput) {
  assertCan(ctx, 'partnerships.write');
  assertAudience(ctx, 'provider', 'reseller');
  const input = parseInput(sendRelationshipRequestInput, raw);
  if (!input.recipientEmail) throw new Invalid({ recipientEmail: ['relationships.errors.emailRequiredToSend'] });
  const now = clock.now();
  await db().$transaction(async (tx) => {
    const request = await tx.customerRelationshipRequest.findFirst({
      where: { id: input.requestId, ...requestPartyScope(ctx) },
    });
    if (!request) throw new NotFound('relationship request');
    if (request.state !== 'PENDING' || request.expiresAt <= now)
      throw new Refused('relationships.errors.notPending', 'R12');
    if (!requestTokensIn(input.body).some((token) => hashToken(token) === request.tokenHash))
      throw new Invalid({ body: ['relationships.errors.keepLink'] });
    await tx.customerRelationshipRequest.update({
      where: { id: request.id },
      data: { recipientEmail: input.recipientEmail, sentAt: now },
    });
    await enqueueMail(tx, {
      kind: 'reseller-relationship-request',
      to: input.recipientEmail!,
      locale: ctx.locale,
      values: { subject: input.subject, body: input.body, sender: ctx.name },
    });
    await recordAudit(tx, ctx, {
      action: 'relationship.request_sent',
      targetType: 'customerRelationshipRequest',
      targetId: request.id,
      orgIds: [request.providerId, request.resellerId],
      after: { to: input.recipientEmail },
    });
  });
  return { sentTo: input.recipientEmail! };
}
