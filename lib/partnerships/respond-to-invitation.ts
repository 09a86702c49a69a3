import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { enqueueMail } from '@/lib/email/enqueue';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { hashToken } from '@/lib/tokens';
import { evaluateInvitation } from './evaluate-invitation';
import { respondInput, type RespondInput } from './schemas';
import { parseInput } from '@/lib/validation/parse-input';
import { emitEvent } from '@/lib/webhooks/events';

function findByToken(token: string) {
  return db().partnershipInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      provider: { select: { id: true, legalName: true, mpnId: true } },
      createdBy: { select: { email: true, locale: true } },
    },
  });
}

/** The partnership link page: who invites, and what this visitor may do with it. */
export async function viewInvitation(ctx: Ctx | null, token: string) {
  const invitation = token.length <= 100 ? await findByToken(token) : null;
  if (!invitation) return { status: 'invalid' as const, provider: null };
  const { legalName, mpnId } = invitation.provider;
  return { status: evaluateInvitation(ctx, invitation, clock.now()), provider: { legalName, mpnId } };
}

/**
 * F2 / R2: an admin or admin agent of an ACTIVE reseller accepts (after
 * agreeing) or declines. Every other case is refused with its own message and
 * changes nothing; accepting a link this reseller already accepted is harmless.
 */
export async function respondToInvitation(ctx: Ctx, raw: RespondInput & { baseUrl: string }) {
  const input = parseInput(respondInput, raw);
  const invitation = await findByToken(input.token);
  if (!invitation) throw new NotFound('invitation');
  const now = clock.now();
  const status = evaluateInvitation(ctx, invitation, now);
  if (status === 'alreadyAccepted' && input.decision === 'accept') return { status };
  if (status !== 'ready') throw new Refused(`partnerships.accept.${status}`, 'R2');
  if (input.decision === 'accept' && !input.agree) throw new Invalid({ agree: ['partnerships.errors.mustAgree'] });
  const resellerId = ctx.orgId!;

  await db().$transaction(async (tx) => {
    // Claim the link: only one response can win, whatever the race.
    const claimed = await tx.partnershipInvitation.updateMany({
      where: { id: invitation.id, state: 'PENDING', expiresAt: { gt: now } },
      data:
        input.decision === 'accept'
          ? { state: 'ACCEPTED', respondedAt: now, acceptedByOrgId: resellerId, acceptedByUserId: ctx.userId }
          : { state: 'DECLINED', respondedAt: now },
    });
    if (claimed.count === 0) throw new Refused('partnerships.accept.usedByOther', 'R2');
    const orgIds = [invitation.providerId, resellerId];
    if (input.decision === 'decline') {
      await recordAudit(tx, ctx, {
        action: 'partnership.invitation_declined',
        targetType: 'partnershipInvitation',
        targetId: invitation.id,
        orgIds,
      });
      return;
    }
    const existing = await tx.partnership.findFirst({
      where: { providerId: invitation.providerId, resellerId, state: 'ACTIVE' },
      select: { id: true },
    });
    const partnership =
      existing ??
      (await tx.partnership.create({
        data: { providerId: invitation.providerId, resellerId, startedAt: now, invitationId: invitation.id },
      }));
    const reseller = await tx.organization.findUniqueOrThrow({
      where: { id: resellerId },
      select: { legalName: true, mpnId: true },
    });
    await recordAudit(tx, ctx, {
      action: 'partnership.accepted',
      targetType: 'partnership',
      targetId: partnership.id,
      orgIds,
      after: { provider: invitation.provider.legalName, reseller: reseller.legalName },
    });
    const parties = { providerId: invitation.providerId, resellerId };
    await emitEvent(tx, {
      type: 'invitation.accepted',
      subject: { kind: 'partnership', id: partnership.id },
      data: { invitationId: invitation.id, partnershipId: partnership.id, ...parties },
    });
    if (!existing)
      await emitEvent(tx, {
        type: 'partnership.created',
        subject: { kind: 'partnership', id: partnership.id },
        data: { partnershipId: partnership.id, ...parties, startedAt: now.toISOString() },
      });
    await enqueueMail(tx, {
      kind: 'partnership-accepted',
      to: invitation.createdBy.email,
      locale: invitation.createdBy.locale,
      values: {
        reseller: reseller.legalName,
        resellerMpnId: reseller.mpnId ?? '',
        provider: invitation.provider.legalName,
        url: `${raw.baseUrl}/indirect-resellers`,
      },
    });
  });
  return { status: input.decision === 'accept' ? ('accepted' as const) : ('declined' as const) };
}
