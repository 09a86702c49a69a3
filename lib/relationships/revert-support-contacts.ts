import 'server-only';
import type { Tx } from '@/lib/db';
import { emitEvent } from '@/lib/webhooks/events';

/**
 * R9 after a change of managing reseller: support contacts of the customer's
 * subscriptions may only be the provider or a reseller that manages the
 * customer with delegated admin; every other one reverts to the provider
 * (the version moves, so an open edit form is told to reload, R14). Each
 * reverted subscription's subscription.updated goes to the former contact too.
 */
export async function revertSupportContacts(
  tx: Tx,
  customer: { id: string; providerId: string },
  keepResellerId: string | null,
) {
  const keep = [customer.providerId, ...(keepResellerId ? [keepResellerId] : [])];
  const where = { customerId: customer.id, supportContactOrgId: { notIn: keep } };
  const reverting = await tx.subscription.findMany({ where, select: { id: true, supportContactOrgId: true } });
  if (reverting.length === 0) return 0;
  const { count } = await tx.subscription.updateMany({
    where: { ...where, id: { in: reverting.map((s) => s.id) } },
    data: { supportContactOrgId: customer.providerId, version: { increment: 1 } },
  });
  for (const s of reverting)
    await emitEvent(tx, {
      type: 'subscription.updated',
      subject: { kind: 'subscription', id: s.id },
      data: { subscriptionId: s.id, customerId: customer.id, changed: { supportContactOrgId: customer.providerId } },
      alsoTo: [s.supportContactOrgId],
    });
  return count;
}
