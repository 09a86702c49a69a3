import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { customerAdminScope } from '@/lib/authz/scopes';
import { recordAudit } from '@/lib/audit/record-audit';
import { Conflict, NotFound, Refused } from '@/lib/errors';
import { revertSupportContacts } from './revert-support-contacts';
import { removeDelegatedAdminInput } from './schemas';
import { parseInput } from '@/lib/validation/parse-input';
import { emitEvent } from '@/lib/webhooks/events';

/**
 * R12: the customer admin removes its managing reseller's delegated admin, at
 * once: the reseller no longer reads or changes the customer (customerScope),
 * loses tenant owner (R11), and support contacts revert to the provider.
 * Incentive association periods are untouched: the Reseller (MPN ID) credit is
 * incentive history, not access.
 */
export async function removeDelegatedAdmin(ctx: Ctx, raw: { resellerId: string }) {
  assertCan(ctx, 'tenant.manage');
  assertAudience(ctx, 'customer');
  const { resellerId } = parseInput(removeDelegatedAdminInput, raw);
  return db().$transaction(async (tx) => {
    const customer = await tx.customer.findFirst({
      where: { AND: [customerAdminScope(ctx), { id: ctx.customerId! }] },
      select: {
        id: true,
        providerId: true,
        managingResellerId: true,
        resellerDelegatedAdmin: true,
        resellerTenantOwner: true,
      },
    });
    if (!customer) throw new NotFound('customer');
    if (!customer.managingResellerId) throw new Refused('partnerRelationships.noReseller', 'R12');
    const { count } = await tx.customer.updateMany({
      where: { id: customer.id, managingResellerId: resellerId },
      data: { managingResellerId: null, resellerDelegatedAdmin: true, resellerTenantOwner: false },
    });
    // The reseller shown is no longer the managing one: someone changed it meanwhile.
    if (count === 0) throw new Conflict();
    const supportContacts = await revertSupportContacts(tx, customer, null);
    await recordAudit(tx, ctx, {
      action: 'relationship.delegated_admin_removed',
      targetType: 'customer',
      targetId: customer.id,
      orgIds: [customer.providerId, resellerId],
      before: {
        managingResellerId: resellerId,
        resellerDelegatedAdmin: customer.resellerDelegatedAdmin,
        resellerTenantOwner: customer.resellerTenantOwner,
      },
      after: { managingResellerId: null, supportContactsReverted: supportContacts },
    });
    await emitEvent(tx, {
      type: 'relationship.removed',
      subject: { kind: 'customer', id: customer.id },
      data: { customerId: customer.id, providerId: customer.providerId, resellerId },
      alsoTo: [resellerId],
    });
    return 'removed' as const;
  });
}
