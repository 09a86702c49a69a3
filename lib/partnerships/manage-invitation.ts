import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { enqueueMail } from '@/lib/email/enqueue';
import { NotFound, Refused } from '@/lib/errors';
import { hashToken, newToken } from '@/lib/tokens';
import { INVITATION_DAYS, invitationIdInput } from './schemas';
import { LINK_PLACEHOLDER, invitationLink } from './start-partnership-request';
import { parseInput } from '@/lib/validation/parse-input';

const DAY = 24 * 60 * 60 * 1000;

async function pendingInvitation(ctx: Ctx, raw: { invitationId: string }) {
  assertCan(ctx, 'partnerships.write');
  assertAudience(ctx, 'provider');
  const { invitationId } = parseInput(invitationIdInput, raw);
  const invitation = await db().partnershipInvitation.findFirst({
    where: { id: invitationId, providerId: ctx.orgId! },
  });
  if (!invitation) throw new NotFound('invitation');
  if (invitation.state !== 'PENDING') throw new Refused('partnerships.errors.notPending');
  return invitation;
}

/** Revoke: the link stops working at once. */
export async function revokeInvitation(ctx: Ctx, raw: { invitationId: string }) {
  const invitation = await pendingInvitation(ctx, raw);
  await db().$transaction(async (tx) => {
    const { count } = await tx.partnershipInvitation.updateMany({
      where: { id: invitation.id, state: 'PENDING' },
      data: { state: 'REVOKED', respondedAt: clock.now() },
    });
    if (count === 0) throw new Refused('partnerships.errors.notPending');
    await recordAudit(tx, ctx, {
      action: 'partnership.invitation_revoked',
      targetType: 'partnershipInvitation',
      targetId: invitation.id,
    });
  });
}

/**
 * Resend: a new link replaces the old one (the old token stops working; the
 * token was never stored, so it cannot be sent again) and the expiry restarts.
 */
export async function resendInvitation(ctx: Ctx, raw: { invitationId: string; baseUrl: string }) {
  const invitation = await pendingInvitation(ctx, raw);
  if (!invitation.resellerEmail) throw new Refused('partnerships.errors.emailRequiredToSend');
  const token = newToken();
  const link = invitationLink(raw.baseUrl, token);
  const now = clock.now();
  await db().$transaction(async (tx) => {
    await tx.partnershipInvitation.update({
      where: { id: invitation.id },
      data: { tokenHash: hashToken(token), sentAt: now, expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY) },
    });
    const body = invitation.body.includes(LINK_PLACEHOLDER)
      ? invitation.body.replaceAll(LINK_PLACEHOLDER, link)
      : `${invitation.body}\n\n${link}`;
    await enqueueMail(tx, {
      kind: 'partnership-invitation',
      to: invitation.resellerEmail!,
      locale: ctx.locale,
      values: { subject: invitation.subject, body },
    });
    await recordAudit(tx, ctx, {
      action: 'partnership.invitation_resent',
      targetType: 'partnershipInvitation',
      targetId: invitation.id,
    });
  });
}
