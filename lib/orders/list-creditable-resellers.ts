import 'server-only';
import { db } from '@/lib/db';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';
import { NotFound } from '@/lib/errors';
import { FILTER_OPTIONS_MAX } from '@/lib/partnerships/list-reseller-options';

/**
 * The resellers a new subscription of this customer may credit (R1, R8):
 * those in an ACTIVE partnership with the customer's provider; a reseller
 * user may credit only itself. The default is the managing reseller.
 */
export async function listCreditableResellers(ctx: Ctx, customerId: string) {
  assertCan(ctx, 'orders.write');
  const customer = await db().customer.findFirst({
    where: { AND: [{ id: customerId }, customerScope(ctx)] },
    select: { providerId: true, managingResellerId: true, managingReseller: { select: { mpnId: true } } },
  });
  if (!customer) throw new NotFound('customer');
  const where = {
    providerId: customer.providerId,
    state: 'ACTIVE' as const,
    reseller: { status: 'ACTIVE' as const },
    ...(audienceOf(ctx) === 'reseller' ? { resellerId: ctx.orgId! } : {}),
  };
  // Too many partners for a list: the form takes a typed MPN ID instead (resellers: null).
  const many =
    (await db().partnership.findMany({ where, select: { id: true }, take: FILTER_OPTIONS_MAX + 1 })).length >
    FILTER_OPTIONS_MAX;
  if (many)
    return {
      resellers: null,
      defaultResellerId: customer.managingResellerId,
      defaultResellerMpnId: customer.managingReseller?.mpnId ?? null,
    };
  const rows = await db().partnership.findMany({
    where,
    orderBy: { reseller: { legalName: 'asc' } },
    select: { reseller: { select: { id: true, legalName: true, mpnId: true } } },
  });
  return {
    resellers: rows.map((r) => r.reseller),
    defaultResellerId: customer.managingResellerId,
    defaultResellerMpnId: customer.managingReseller?.mpnId ?? null,
  };
}
