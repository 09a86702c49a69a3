import 'server-only';
import { z } from 'zod';
import { searchText } from '@/lib/validation/text';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { partnershipScope } from '@/lib/authz/scopes';

export const findIndirectResellersInput = z.object({ q: searchText(100) });

/**
 * A provider's indirect resellers: one row per partnership (active first),
 * with the customers each manages and the licences credited to it.
 * Three queries whatever the number of rows.
 */
export async function findIndirectResellers(ctx: Ctx, raw: z.infer<typeof findIndirectResellersInput> = {}) {
  assertCan(ctx, 'partnerships.read');
  const { q } = findIndirectResellersInput.parse(raw);
  const partnerships = await db().partnership.findMany({
    where: {
      AND: [
        partnershipScope(ctx),
        q ? { reseller: { OR: [{ legalName: { contains: q, mode: 'insensitive' } }, { mpnId: { startsWith: q } }] } } : {},
      ],
    },
    orderBy: [{ state: 'asc' }, { startedAt: 'asc' }],
    take: 500,
    select: {
      id: true, state: true, startedAt: true, endedAt: true,
      reseller: { select: { id: true, legalName: true, mpnId: true, status: true } },
    },
  });
  const resellerIds = partnerships.map((p) => p.reseller.id);
  const providerId = ctx.orgId ?? '';
  const [customerCounts, licenceSums] = await Promise.all([
    db().customer.groupBy({
      by: ['managingResellerId'],
      where: { providerId, managingResellerId: { in: resellerIds } },
      _count: { _all: true },
    }),
    db().subscription.groupBy({
      by: ['resellerId'],
      where: { resellerId: { in: resellerIds }, status: 'ACTIVE', customer: { providerId } },
      _sum: { quantity: true },
    }),
  ]);
  const customers = new Map(customerCounts.map((c) => [c.managingResellerId, c._count._all]));
  const licences = new Map(licenceSums.map((s) => [s.resellerId, s._sum.quantity ?? 0]));
  return partnerships.map((p) => ({
    ...p,
    customers: p.state === 'ACTIVE' ? (customers.get(p.reseller.id) ?? 0) : 0,
    licences: p.state === 'ACTIVE' ? (licences.get(p.reseller.id) ?? 0) : 0,
  }));
}
