import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { hashToken, newToken } from '@/lib/tokens';
import { translatorFor } from '@/lib/i18n/translator';
import { INVITATION_DAYS } from './schemas';

const DAY = 24 * 60 * 60 * 1000;

export const LINK_PATH = '/partnership-invitations/';
/** Stands for the link in stored copies of the message: the token itself is never stored. */
export const LINK_PLACEHOLDER = '[link]';

export function invitationLink(baseUrl: string, token: string): string {
  return `${baseUrl}${LINK_PATH}${token}`;
}

/** The tokens of every invitation link found in a message body. */
export function tokensIn(body: string): string[] {
  return [...body.matchAll(/\/partnership-invitations\/([A-Za-z0-9_-]{20,100})/g)].map((m) => m[1]!);
}

/**
 * F1: opens a draft partnership request. The invitation exists from here on
 * (PENDING, 30 days); its personalised link is returned once, with a default
 * subject and body in the user's language, and never stored.
 */
export async function startPartnershipRequest(ctx: Ctx, input: { baseUrl: string; locale?: string }) {
  assertCan(ctx, 'partnerships.write');
  assertAudience(ctx, 'provider');
  const provider = await db().organization.findUniqueOrThrow({
    where: { id: ctx.orgId! },
    select: { legalName: true, mpnId: true },
  });
  const t = translatorFor(input.locale ?? ctx.locale);
  const token = newToken();
  const link = invitationLink(input.baseUrl, token);
  const subject = t('partnerships.draft.subject', { provider: provider.legalName });
  const body = t('partnerships.draft.body', {
    provider: provider.legalName,
    mpnId: provider.mpnId ?? '',
    link,
    name: ctx.name,
  });
  const now = clock.now();
  const invitation = await db().$transaction(async (tx) => {
    const created = await tx.partnershipInvitation.create({
      data: {
        providerId: ctx.orgId!,
        createdById: ctx.userId,
        subject,
        body: body.replace(link, LINK_PLACEHOLDER),
        tokenHash: hashToken(token),
        createdAt: now,
        expiresAt: new Date(now.getTime() + INVITATION_DAYS * DAY),
      },
      select: { id: true, expiresAt: true },
    });
    await recordAudit(tx, ctx, {
      action: 'partnership.invitation_created',
      targetType: 'partnershipInvitation',
      targetId: created.id,
    });
    return created;
  });
  return { invitationId: invitation.id, expiresAt: invitation.expiresAt.toISOString(), link, subject, body };
}
