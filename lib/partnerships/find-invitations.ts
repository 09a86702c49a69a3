import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';

/** A provider's pending invitations (sent date, expiry, recipient), newest first. */
export async function findPendingInvitations(ctx: Ctx) {
  assertCan(ctx, 'partnerships.read');
  assertAudience(ctx, 'provider');
  return db().partnershipInvitation.findMany({
    where: { providerId: ctx.orgId!, state: 'PENDING', expiresAt: { gt: clock.now() } },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, resellerEmail: true, createdAt: true, sentAt: true, expiresAt: true },
  });
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
