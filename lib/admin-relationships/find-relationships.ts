import 'server-only';
import { db, query } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { clock } from '@/lib/clock';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { customerScopeSql } from '@/lib/authz/scopes-sql';
import { NotFound } from '@/lib/errors';
import { hashToken } from '@/lib/tokens';
import { tenantInput, type TenantInput } from '@/lib/tenant/schemas';
import { currentEnd, daysLeft, statusAt } from './status';

const SELECT = {
  id: true,
  name: true,
  roles: true,
  durationDays: true,
  autoExtend: true,
  requestedAt: true,
  requestExpiresAt: true,
  approvedAt: true,
  endsAt: true,
  declinedAt: true,
  terminatedAt: true,
  customerId: true,
  partnerOrgId: true,
  partner: { select: { id: true, legalName: true, mpnId: true } },
  customer: { select: { id: true, companyName: true } },
  assignments: { select: { roles: true, group: { select: { id: true, name: true } } } },
} as const;

type Row = Awaited<ReturnType<typeof loadRows>>[number];
const loadRows = (where: object) =>
  db().adminRelationship.findMany({ where, orderBy: [{ requestedAt: 'desc' }, { id: 'asc' }], select: SELECT });

/**
 * A partner's own relationships with a customer in its reach (R4), as loadRows
 * gives them, in one hand-written statement with a reused plan: the customer's
 * page asks on every view, and most customers have none (the query builder's
 * nested selects cost several statements and Node's time on each).
 */
function loadPartnerRows(ctx: Ctx, customerId: string): Promise<Row[]> {
  return query<Row>(
    Prisma.sql`SELECT r.id, r.name, r.roles::text[] AS roles, r."durationDays", r."autoExtend", r."requestedAt",
        r."requestExpiresAt", r."approvedAt", r."endsAt", r."declinedAt", r."terminatedAt", r."customerId",
        r."partnerOrgId",
        json_build_object('id', p.id, 'legalName', p."legalName", 'mpnId', p."mpnId") AS partner,
        json_build_object('id', c.id, 'companyName', c."companyName") AS customer,
        COALESCE((SELECT json_agg(json_build_object('roles', a.roles,
                                                    'group', json_build_object('id', g.id, 'name', g.name))
                                  ORDER BY g.name, g.id)
                  FROM "AccessAssignment" a JOIN "UserGroup" g ON g.id = a."groupId"
                  WHERE a."relationshipId" = r.id), '[]'::json) AS assignments
      FROM "AdminRelationship" r
      JOIN "Customer" c ON c.id = r."customerId"
      JOIN "Organization" p ON p.id = r."partnerOrgId"
      WHERE r."customerId" = ${customerId} AND r."partnerOrgId" = ${ctx.orgId!} AND ${customerScopeSql(ctx, 'c')}
      ORDER BY r."requestedAt" DESC, r.id ASC`,
    { plan: 'reuse' },
  );
}

/** A relationship as the pages show it, its status and end as of now. */
export function relationshipView(r: Row, now = clock.now()) {
  const status = statusAt(r, now);
  return {
    ...r,
    status,
    daysLeft: daysLeft(r, now),
    currentEndsAt: status === 'active' ? currentEnd(r, now) : r.endsAt,
  };
}
export type RelationshipView = ReturnType<typeof relationshipView>;

/**
 * A customer tenant's delegated admin relationships: for its admin, every
 * partner's; for a partner, its own with a customer in its reach (none
 * otherwise). Anyone else: NotFound, as for the customer itself.
 */
export async function findCustomerRelationships(ctx: Ctx, raw: TenantInput) {
  const { customerId } = tenantInput.parse(raw);
  const audience = audienceOf(ctx);
  if (audience === 'customer') {
    if (ctx.customerId !== customerId || !can(ctx, 'tenant.read')) throw new NotFound('customer');
    return (await loadRows({ customerId })).map((r) => relationshipView(r));
  }
  if (audience !== 'provider' && audience !== 'reseller') throw new NotFound('customer');
  // The partner's own relationships with a customer in its reach (R4), in one statement: none otherwise.
  return (await loadPartnerRows(ctx, customerId)).map((r) => relationshipView(r));
}

/**
 * What the approval link's page shows to whoever holds it: the partner, the
 * roles and the duration, and whether it waits for an answer. Only the
 * tenant's admin may answer (respond-to-relationship.ts).
 */
export async function viewRelationshipLink(ctx: Ctx | null, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token))
    return { status: 'invalid' as const, relationship: null, canAnswer: false };
  const [row] = await loadRows({ tokenHash: hashToken(token) });
  if (!row) return { status: 'invalid' as const, relationship: null, canAnswer: false };
  const view = relationshipView(row);
  const canAnswer =
    view.status === 'pending' && ctx?.customerId === row.customerId && !!ctx && can(ctx, 'tenant.manage');
  return { status: view.status, relationship: view, canAnswer };
}
