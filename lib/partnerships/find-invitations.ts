import 'server-only';
import { db, query, rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';

export type PendingInvitation = {
  id: string;
  resellerEmail: string;
  createdAt: Date;
  sentAt: Date | null;
  expiresAt: Date;
};
/** As pendingInvitationsSql sends them (instants as ISO text with their offset). */
export type PendingInvitationJson = {
  id: string;
  resellerEmail: string;
  createdAt: string;
  sentAt: string | null;
  expiresAt: string;
};

/** At most this many pending invitations are shown. */
const PENDING_MAX = 200;

/**
 * A provider's pending invitations (sent date, expiry, recipient), newest
 * first, as one JSON array: an expression for any statement (the Indirect
 * resellers list sends it inside its own). The caller has checked that the
 * user is a provider allowed to read partnerships.
 */
export function pendingInvitationsSql(ctx: Ctx): Prisma.Sql {
  const utc = (column: string) => Prisma.raw(`i."${column}" AT TIME ZONE 'UTC'`);
  return Prisma.sql`(
    SELECT coalesce(json_agg(json_build_object('id', i.id, 'resellerEmail', i."resellerEmail",
                                               'createdAt', ${utc('createdAt')}, 'sentAt', ${utc('sentAt')},
                                               'expiresAt', ${utc('expiresAt')})
                             ORDER BY i."createdAt" DESC, i.id DESC), '[]'::json)
      FROM (SELECT * FROM "PartnershipInvitation" i
             WHERE i."providerId" = ${ctx.orgId!} AND i.state = 'PENDING' AND i."expiresAt" > ${clock.now()}
             ORDER BY i."createdAt" DESC, i.id DESC
             ${rowLimit(PENDING_MAX)}) i)`;
}

/** The invitations from pendingInvitationsSql's value. */
export function pendingInvitationsOf(json: PendingInvitationJson[]): PendingInvitation[] {
  return json.map((i) => ({
    id: i.id,
    resellerEmail: i.resellerEmail,
    createdAt: new Date(i.createdAt),
    sentAt: i.sentAt === null ? null : new Date(i.sentAt),
    expiresAt: new Date(i.expiresAt),
  }));
}

/** A provider's pending invitations on their own: one statement. */
export async function findPendingInvitations(ctx: Ctx): Promise<PendingInvitation[]> {
  assertCan(ctx, 'partnerships.read');
  assertAudience(ctx, 'provider');
  const [row] = await query<{ invitations: PendingInvitationJson[] }>(
    Prisma.sql`SELECT ${pendingInvitationsSql(ctx)} AS invitations`,
    { plan: 'reuse' },
  );
  return pendingInvitationsOf(row?.invitations ?? []);
}

/** The partnership links a reseller was sent: pending invitations addressed to its users. */
export async function findReceivedInvitations(ctx: Ctx) {
  assertCan(ctx, 'partnerships.read');
  assertAudience(ctx, 'reseller');
  const users = await db().user.findMany({
    where: { organizationId: ctx.orgId! },
    select: { email: true },
    take: 1000,
  });
  return db().partnershipInvitation.findMany({
    where: {
      resellerEmail: { in: users.map((u) => u.email) },
      state: 'PENDING',
      expiresAt: { gt: clock.now() },
      sentAt: { not: null },
    },
    orderBy: { sentAt: 'desc' },
    take: 200,
    select: {
      id: true,
      resellerEmail: true,
      sentAt: true,
      expiresAt: true,
      provider: { select: { legalName: true, mpnId: true } },
    },
  });
}
