import 'server-only';
import type { Tx } from '@/lib/db';

/**
 * R9 after a change of managing reseller: support contacts of the customer's
 * subscriptions may only be the provider or a reseller that manages the
 * customer with delegated admin; every other one reverts to the provider
 * (the version moves, so an open edit form is told to reload, R14).
 */
export async function revertSupportContacts(
  tx: Tx,
  customer: { id: string; providerId: string },
  keepResellerId: string | null,
) {
  const keep = [customer.providerId, ...(keepResellerId ? [keepResellerId] : [])];
  const { count } = await tx.subscription.updateMany({
    where: { customerId: customer.id, supportContactOrgId: { notIn: keep } },
    data: { supportContactOrgId: customer.providerId, version: { increment: 1 } },
  });
  return count;
}
