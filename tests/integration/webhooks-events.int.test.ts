// Webhook events of the other domain functions: a new customer's order, an
// accepted partnership link, a status change and an accepted reseller
// relationship each send their events, from the change's own transaction,
// to the organisations that may see the record.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { makeSubscriptionSetup } from '../factories/subscriptions';
import { makeRelationshipChannel } from '../factories/relationships';
import { startReceiver, type Receiver } from './webhooks-receiver';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { respondToInvitation } from '@/lib/partnerships/respond-to-invitation';
import { suspendSubscription } from '@/lib/subscriptions/change-status';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { respondToRelationshipRequest } from '@/lib/relationships/respond-to-relationship-request';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { deliverDueWebhooks } from '@/lib/webhooks/deliver';
import { EVENT_TYPES } from '@/lib/webhooks/events';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  vi.stubEnv('NEXTAUTH_SECRET', 'a-test-secret-for-webhooks-0123456789');
  vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '1');
  clock.reset();
  receiver.received.length = 0;
  receiver.status(200, 'ok');
  await resetDatabase();
});

/** An endpoint of the organisation for every event. */
async function endpoint(orgId: string, path: string) {
  const ctx = await makeCtx('ADMIN', { organizationId: orgId });
  const created = await createWebhookEndpoint(ctx, { url: receiver.url(path), events: [...EVENT_TYPES] });
  receiver.trust(created.secret);
  return ctx;
}

/** Delivers until nothing is due (a resource's later events wait for its earlier ones). */
async function drain() {
  for (;;) {
    const { delivered, retried, failed } = await deliverDueWebhooks();
    if (delivered + retried + failed === 0) return;
  }
}

const typesAt = (path: string) => receiver.received.filter((r) => r.path === path).map((r) => r.payload.type);

describe('webhook events of orders, partnerships and subscriptions', () => {
  it('a new customer’s order: customer.created, subscription.created and order.completed to the provider and the reseller, the customer’s in order', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const reseller = await makeOrg('INDIRECT_RESELLER');
    const stranger = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(provider.id, reseller.id);
    await makePartnership(provider.id, stranger.id);
    const offers = await makeDemoOffers();
    const providerCtx: Ctx = await endpoint(provider.id, '/provider');
    await endpoint(reseller.id, '/reseller');
    await endpoint(stranger.id, '/stranger');
    const placed = await placeNewCustomerOrder(providerCtx, {
      companyName: 'Contoso Pharma',
      domainPrefix: 'contosopharmawh',
      addressLine1: '1 Main St',
      city: 'Seattle',
      region: 'WA',
      postalCode: '98101',
      country: 'US',
      contactFirstName: 'Pat',
      contactLastName: 'Doe',
      contactEmail: 'pat@contoso.example',
      language: 'en',
      idempotencyKey: crypto.randomUUID(),
      resellerId: reseller.id,
      lines: [{ offerId: offers.basic.id, quantity: 5 }],
    });
    await drain();
    for (const path of ['/provider', '/reseller']) {
      expect(typesAt(path).sort(), path).toEqual(['customer.created', 'order.completed', 'subscription.created']);
      // The customer's own events in order; the subscription is a record of its own.
      expect(
        typesAt(path).filter((t) => t !== 'subscription.created'),
        path,
      ).toEqual(['customer.created', 'order.completed']);
    }
    expect(typesAt('/stranger')).toEqual([]);
    expect(receiver.received.every((r) => r.verifiedWith)).toBe(true);
    const completed = receiver.received.find((r) => r.payload.type === 'order.completed')!;
    expect(completed.payload.data).toMatchObject({ customerId: placed.customerId, orderId: expect.any(String) });
  });

  it('an accepted partnership link: invitation.accepted and partnership.created to both parties only', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const reseller = await makeOrg('INDIRECT_RESELLER');
    const other = await makeOrg('INDIRECT_PROVIDER');
    const providerCtx = await endpoint(provider.id, '/provider');
    const resellerCtx = await endpoint(reseller.id, '/reseller');
    await endpoint(other.id, '/other');
    const draft = await startPartnershipRequest(providerCtx, { baseUrl: 'http://portal.test' });
    const token = draft.link.split('/').pop()!;
    await respondToInvitation(resellerCtx, { token, decision: 'accept', agree: 'on', baseUrl: 'http://portal.test' });
    await drain();
    for (const path of ['/provider', '/reseller'])
      expect(typesAt(path), path).toEqual(['invitation.accepted', 'partnership.created']);
    expect(typesAt('/other')).toEqual([]);
    const partnership = await db().partnership.findFirstOrThrow({ where: { providerId: provider.id } });
    expect(receiver.received[0]!.payload.data).toMatchObject({
      partnershipId: partnership.id,
      providerId: provider.id,
      resellerId: reseller.id,
    });
  });

  it('a suspended subscription: subscription.updated with its new status', async () => {
    const { provider, resellerA, resellerB, subscription } = await makeSubscriptionSetup();
    const ctx = await endpoint(provider.id, '/provider');
    await endpoint(resellerA.id, '/reseller-a');
    await endpoint(resellerB.id, '/reseller-b');
    await suspendSubscription(ctx, { subscriptionId: subscription.id, version: 1 });
    await drain();
    expect(typesAt('/provider')).toEqual(['subscription.updated']);
    expect(typesAt('/reseller-a')).toEqual(['subscription.updated']);
    expect(typesAt('/reseller-b')).toEqual([]);
    expect(receiver.received[0]!.payload.data).toEqual({
      subscriptionId: subscription.id,
      customerId: subscription.customerId,
      changed: { status: 'SUSPENDED', autoRenew: false },
    });
  });

  it('an accepted reseller relationship: relationship.accepted to the provider, the new reseller and the one it replaces', async () => {
    const { adminCtx, customer, provider, providerCtx, resellerA, resellerB } = await makeRelationshipChannel('A');
    const draft = await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerB.id, includeDelegatedAdmin: 'on' },
      { baseUrl: 'http://portal.test' },
    );
    await endpoint(provider.id, '/provider');
    await endpoint(resellerA.id, '/replaced');
    await endpoint(resellerB.id, '/new');
    const stranger = await makeOrg('INDIRECT_RESELLER');
    await endpoint(stranger.id, '/stranger');
    await respondToRelationshipRequest(adminCtx, { token: draft.link.split('/').pop()!, decision: 'accept' });
    await drain();
    for (const path of ['/provider', '/replaced', '/new'])
      expect(typesAt(path), path).toEqual(['relationship.accepted']);
    expect(typesAt('/stranger')).toEqual([]);
    expect(receiver.received[0]!.payload.data).toEqual({
      customerId: customer.id,
      providerId: provider.id,
      resellerId: resellerB.id,
      delegatedAdmin: true,
    });
  });
});
