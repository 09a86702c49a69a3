import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerAdminScope } from '@/lib/authz/scopes';
import { recordAudit } from '@/lib/audit/record-audit';
import { Conflict, NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { updateCustomerDetailsInput, type UpdateCustomerDetailsInput } from './schemas';
import { emitEvent } from '@/lib/webhooks/events';

/**
 * R3: the provider of record and the managing reseller (delegated admin) may
 * change a customer's account info; everyone else gets 404 (scope) or a
 * refusal (role). A form read before someone else's save is refused (Conflict).
 */
export async function updateCustomerDetails(ctx: Ctx, raw: UpdateCustomerDetailsInput) {
  assertCan(ctx, 'customers.write');
  const { customerId, version, ...details } = parseInput(updateCustomerDetailsInput, raw);
  return db().$transaction(async (tx) => {
    const before = await tx.customer.findFirst({ where: { AND: [customerAdminScope(ctx), { id: customerId }] } });
    if (!before) throw new NotFound('customer');
    // An emptied optional field is cleared (null), not left as it was.
    const fields = {
      ...details,
      addressLine2: details.addressLine2 ?? null,
      region: details.region ?? null,
      contactPhone: details.contactPhone ?? null,
    };
    const { count } = await tx.customer.updateMany({
      where: { id: customerId, updatedAt: new Date(version) },
      data: fields,
    });
    if (count === 0) throw new Conflict();
    const changed = Object.fromEntries(
      Object.entries(fields).filter(([k, v]) => before[k as keyof typeof before] !== v),
    );
    const previous = Object.fromEntries(Object.keys(changed).map((k) => [k, before[k as keyof typeof before]]));
    await recordAudit(tx, ctx, {
      action: 'customer.updated',
      targetType: 'customer',
      targetId: customerId,
      orgIds: [before.providerId, before.managingResellerId],
      before: previous,
      after: changed,
    });
    if (Object.keys(changed).length)
      await emitEvent(tx, {
        type: 'customer.updated',
        subject: { kind: 'customer', id: customerId },
        data: { customerId, changed },
      });
    return { customerId, changed: Object.keys(changed) };
  });
}
