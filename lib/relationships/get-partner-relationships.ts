import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan, can } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';
import { NotFound } from '@/lib/errors';

const org = { select: { id: true, legalName: true, mpnId: true, contactEmail: true, contactPhone: true } } as const;

/** The customer's partner relationships page: provider of record, managing reseller, their access, pending requests. */
export async function getPartnerRelationships(ctx: Ctx) {
  assertCan(ctx, 'tenant.read');
  assertAudience(ctx, 'customer');
  const customer = await db().customer.findFirst({
    where: { AND: [customerScope(ctx), { id: ctx.customerId! }] },
    select: {
      id: true,
      companyName: true,
      resellerDelegatedAdmin: true,
      resellerTenantOwner: true,
      provider: org,
      managingReseller: org,
      relationshipRequests: {
        where: { state: 'PENDING', expiresAt: { gt: clock.now() } },
        orderBy: { createdAt: 'desc' },
        take: 20,
        select: {
          id: true,
          createdAt: true,
          expiresAt: true,
          includeDelegatedAdmin: true,
          provider: { select: { legalName: true } },
          reseller: { select: { legalName: true, mpnId: true } },
        },
      },
    },
  });
  if (!customer) throw new NotFound('customer');
  return { ...customer, canManage: can(ctx, 'tenant.manage') };
}
