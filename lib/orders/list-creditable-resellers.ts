import 'server-only';
import { db } from '@/lib/db';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';
import { NotFound } from '@/lib/errors';

/**
 * The resellers a new subscription of this customer may credit (R1, R8):
 * those in an ACTIVE partnership with the customer's provider; a reseller
 * user may credit only itself. The default is the managing reseller.
 */
export async function listCreditableResellers(ctx: Ctx, customerId: string) {
  assertCan(ctx, 'orders.write');
  const customer = await db().customer.findFirst({ where: { AND: [{ id: customerId }, customerScope(ctx)] }, select: { providerId: true, managingResellerId: true } });
  if (!customer) throw new NotFound('customer');
  const rows = await db().partnership.findMany({
    where: { providerId: customer.providerId, state: 'ACTIVE', reseller: { status: 'ACTIVE' }, ...(audienceOf(ctx) === 'reseller' ? { resellerId: ctx.orgId! } : {}) },
    orderBy: { reseller: { legalName: 'asc' } },
    select: { reseller: { select: { id: true, legalName: true, mpnId: true } } },
  });
  return { resellers: rows.map((r) => r.reseller), defaultResellerId: customer.managingResellerId };
}
