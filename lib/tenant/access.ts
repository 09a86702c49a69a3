import 'server-only';
import { cache } from 'react';
import { query } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { clock } from '@/lib/clock';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import { statusAt, type RelationshipTimes } from '@/lib/admin-relationships/status';

/**
 * What is done inside a customer tenant: read its users and licences, manage
 * its non-admin users, reset their passwords, assign licences, or manage its
 * admins too.
 */
export type TenantAction = 'read' | 'manageUsers' | 'resetPasswords' | 'assignLicences' | 'manageAdmins';

type DelegatedRole =
  'GLOBAL_READER' | 'USER_ADMINISTRATOR' | 'HELPDESK_ADMINISTRATOR' | 'LICENSE_ADMINISTRATOR' | 'GLOBAL_ADMINISTRATOR';

/** What each delegated role allows in the tenant. */
export const ROLE_ACTIONS: Record<DelegatedRole, readonly TenantAction[]> = {
  GLOBAL_READER: ['read'],
  HELPDESK_ADMINISTRATOR: ['read', 'resetPasswords'],
  USER_ADMINISTRATOR: ['read', 'manageUsers', 'resetPasswords'],
  LICENSE_ADMINISTRATOR: ['read', 'assignLicences'],
  GLOBAL_ADMINISTRATOR: ['read', 'manageUsers', 'resetPasswords', 'assignLicences', 'manageAdmins'],
};

/** How a partner user reaches the tenant: the relationship and the role that allows the action. */
export type DelegatedAccess = { relationshipId: string; relationshipName: string; role: DelegatedRole };

type Row = RelationshipTimes & { id: string; name: string; roles: DelegatedRole[]; assigned: DelegatedRole[] };

/**
 * The delegated roles a partner user holds in the tenant now: those of its
 * organisation's active relationships with the customer that are assigned
 * to a group the user is in (and that the relationship still grants).
 */
export const delegatedRoles = cache(readDelegatedRoles);

// Read once per request (React's cache; the request's ctx is one object, lib/auth/session.ts): a tab's
// page asks through its list, the tenant's name, its actions and the header's "Through …" line.
async function readDelegatedRoles(ctx: Ctx, customerId: string): Promise<DelegatedAccess[]> {
  const audience = audienceOf(ctx);
  if ((audience !== 'provider' && audience !== 'reseller') || !ctx.orgId || ctx.orgStatus !== 'ACTIVE') return [];
  const rows = await query<Row>(
    Prisma.sql`SELECT r.id, r.name, r.roles::text[] AS roles, a.roles::text[] AS assigned, r."requestExpiresAt",
                      r."approvedAt", r."endsAt", r."autoExtend", r."declinedAt", r."terminatedAt"
                 FROM "AdminRelationship" r
                 JOIN "AccessAssignment" a ON a."relationshipId" = r.id
                 JOIN "GroupMember" m ON m."groupId" = a."groupId" AND m."userId" = ${ctx.userId}
                WHERE r."partnerOrgId" = ${ctx.orgId} AND r."customerId" = ${customerId}
                  AND r."approvedAt" IS NOT NULL`,
    { plan: 'reuse' },
  );
  const now = clock.now();
  return rows
    .filter((r) => statusAt(r, now) === 'active')
    .flatMap((r) =>
      r.assigned
        .filter((role) => r.roles.includes(role))
        .map((role) => ({ relationshipId: r.id, relationshipName: r.name, role })),
    );
}

/** The actions a user may take in the tenant (the tenant's own admin: all of them); empty when none. */
export async function tenantActions(ctx: Ctx, customerId: string): Promise<Set<TenantAction>> {
  if (ctx.customerId === customerId && can(ctx, 'tenant.manage'))
    return new Set(['read', 'manageUsers', 'resetPasswords', 'assignLicences', 'manageAdmins']);
  return new Set((await delegatedRoles(ctx, customerId)).flatMap((d) => ROLE_ACTIONS[d.role]));
}

/**
 * Whether the user may take `action` in the tenant: its own customer admin,
 * or a partner user through an active delegated admin relationship whose
 * role allows it and which is assigned to one of the user's groups. Anyone
 * else gets NotFound, exactly as for a foreign customer (R3). Answers the
 * relationship and role used by a partner (null for the tenant's own admin).
 */
export async function assertTenantAccess(
  ctx: Ctx,
  customerId: string,
  action: TenantAction,
): Promise<DelegatedAccess | null> {
  if (ctx.customerId && ctx.customerId === customerId && can(ctx, 'tenant.manage')) return null;
  const via = (await delegatedRoles(ctx, customerId)).find((d) => ROLE_ACTIONS[d.role].includes(action));
  if (!via) throw new NotFound('customer');
  return via;
}
