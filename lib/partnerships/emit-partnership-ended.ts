import 'server-only';
import type { Tx } from '@/lib/db';
import { emitEvent, hasWebhookEndpoints } from '@/lib/webhooks/events';

type Touched = {
  customers: string[];
  subscriptions: { id: string; supportContactOrgId: string; resellerId: string | null }[];
};

/**
 * R10's webhook events: partnership.ended to both parties, then one
 * customer.updated per customer the reseller stopped managing and one
 * subscription.updated per subscription whose reseller or support contact
 * reverted (the reseller is told of those too). Skipped at once when
 * neither party has an endpoint.
 */
export async function emitPartnershipEnded(
  tx: Tx,
  partnershipId: string,
  providerId: string,
  resellerId: string,
  touched: Touched,
) {
  if (!(await hasWebhookEndpoints(tx, [providerId, resellerId]))) return;
  await emitEvent(tx, {
    type: 'partnership.ended',
    subject: { kind: 'partnership', id: partnershipId },
    data: { partnershipId, providerId, resellerId },
  });
  for (const customerId of touched.customers)
    await emitEvent(tx, {
      type: 'customer.updated',
      subject: { kind: 'customer', id: customerId },
      data: { customerId, changed: { managingResellerId: null } },
      alsoTo: [resellerId],
    });
  for (const s of touched.subscriptions)
    await emitEvent(tx, {
      type: 'subscription.updated',
      subject: { kind: 'subscription', id: s.id },
      data: {
        subscriptionId: s.id,
        changed: {
          ...(s.supportContactOrgId === resellerId && { supportContactOrgId: providerId }),
          ...(s.resellerId === resellerId && { resellerId: null }),
        },
      },
      alsoTo: [resellerId],
    });
}
