import 'server-only';
import { db } from '@/lib/db';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';
import { recordAudit } from '@/lib/audit/record-audit';
import { Conflict, NotFound, Refused } from '@/lib/errors';
import { tenantOwnerInput, type TenantOwnerInput } from './schemas';
import { parseInput } from '@/lib/validation/parse-input';

/**
 * R11: the provider of record gives or takes its managing reseller's Azure
 * tenant owner permission; the customer admin may only take it. Giving needs
 * a managing reseller and an Azure plan subscription that is not cancelled.
 */
export async function setTenantOwner(ctx: Ctx, raw: TenantOwnerInput) {
  const input = parseInput(tenantOwnerInput, raw);
  const audience = audienceOf(ctx);
  assertAudience(ctx, 'provider', 'customer');
  assertCan(ctx, audience === 'provider' ? 'customers.write' : 'tenant.manage');
  if (audience === 'customer' && input.grant) throw new NotFound('action');
  return db().$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { AND: [customerScope(ctx), { id: input.customerId }] },
      select: { id: true, providerId: true, managingResellerId: true, resellerTenantOwner: true },
    });
    if (!customer) throw new NotFound('customer');
    if (!customer.managingResellerId) throw new Refused('relationships.tenantOwner.noReseller', 'R11');
    if (customer.managingResellerId !== input.resellerId) throw new Conflict();
    if (input.grant) {
      const azure = await tx.subscription.count({
        where: { customerId: customer.id, status: { not: 'CANCELLED' }, offer: { isAzurePlan: true } },
      });
      if (azure === 0) throw new Refused('relationships.tenantOwner.noAzurePlan', 'R11');
    }
    if (customer.resellerTenantOwner === input.grant) return input.grant ? ('given' as const) : ('taken' as const);
    const { count } = await tx.customer.updateMany({
      where: { id: customer.id, managingResellerId: input.resellerId },
      data: { resellerTenantOwner: input.grant },
    });
    if (count === 0) throw new Conflict();
    await recordAudit(tx, ctx, {
      action: input.grant ? 'customer.tenant_owner_given' : 'customer.tenant_owner_removed',
      targetType: 'customer',
      targetId: customer.id,
      orgIds: [customer.providerId, input.resellerId],
      before: { resellerTenantOwner: customer.resellerTenantOwner },
      after: { resellerTenantOwner: input.grant },
    });
    return input.grant ? ('given' as const) : ('taken' as const);
  });
}
