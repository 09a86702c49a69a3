import 'server-only';
import { db, query } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';

type PendingInvitation = { id: string; resellerEmail: string; createdAt: Date; sentAt: Date | null; expiresAt: Date };

/** A provider's pending invitations (sent date, expiry, recipient), newest first; one statement beside the Indirect resellers list. */
export async function findPendingInvitations(ctx: Ctx): Promise<PendingInvitation[]> {
  assertCan(ctx, 'partnerships.read');
  assertAudience(ctx, 'provider');
  return query<PendingInvitation>(Prisma.sql`
    SELECT i.id, i."resellerEmail", i."createdAt", i."sentAt", i."expiresAt"
      FROM "PartnershipInvitation" i
     WHERE i."providerId" = ${ctx.orgId!} AND i.state = 'PENDING' AND i."expiresAt" > ${clock.now()}
     ORDER BY i."createdAt" DESC, i.id DESC
     LIMIT 200`, { plan: 'reuse' });
}

/** The partnership links a reseller was sent: pending invitations addressed to its users. */
export async function findReceivedInvitations(ctx: Ctx) {
  assertCan(ctx, 'partnerships.read');
  assertAudience(ctx, 'reseller');
  const users = await db().user.findMany({ where: { organizationId: ctx.orgId! }, select: { email: true }, take: 1000 });
  return db().partnershipInvitation.findMany({
    where: { resellerEmail: { in: users.map((u) => u.email) }, state: 'PENDING', expiresAt: { gt: clock.now() }, sentAt: { not: null } },
    orderBy: { sentAt: 'desc' },
    take: 200,
    select: { id: true, resellerEmail: true, sentAt: true, expiresAt: true, provider: { select: { legalName: true, mpnId: true } } },
  });
}
