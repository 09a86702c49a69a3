// Webhooks: events written in the transaction of the change by the real
// domain functions, to the organisations that may see the record only,
// signed per Standard Webhooks and verified by a real receiver; retries with
// the same webhook-id, order per resource, claims that survive a killed
// worker, and the endpoint disabled (with a mail) when every retry failed.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeOffer, makeOrg, makeSubscription } from '../factories';
import { makeSubscriptionSetup } from '../factories/subscriptions';
import { makeRelationshipChannel } from '../factories/relationships';
import { startReceiver, type Receiver } from './webhooks-receiver';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import type { UpdateCustomerDetailsInput } from '@/lib/customers/schemas';
import { Conflict } from '@/lib/errors';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { removePartnership } from '@/lib/partnerships/remove-partnership';
import { removeDelegatedAdmin } from '@/lib/relationships/remove-delegated-admin';
import { startWebhookWorker } from '@/lib/webhooks/worker';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { claimDueDeliveries, deliverDueWebhooks, LEASE_MS } from '@/lib/webhooks/deliver';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS } from '@/lib/webhooks/backoff';
import type { EventType } from '@/lib/webhooks/events';

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

async function endpoint(ctx: Ctx, path: string, events: EventType[] = ['customer.updated']) {
  const created = await createWebhookEndpoint(ctx, { url: receiver.url(path), events });
  receiver.trust(created.secret);
  return created;
}

/** The customer's details form as read now, with a new city (a stale `version` makes it a conflict). */
async function detailsForm(customerId: string, city: string, version?: string): Promise<UpdateCustomerDetailsInput> {
  const c = await db().customer.findUniqueOrThrow({ where: { id: customerId } });
  return {
    customerId,
    version: version ?? c.updatedAt.toISOString(),
    companyName: c.companyName,
    addressLine1: c.addressLine1,
    addressLine2: '',
    city,
    region: '',
    postalCode: c.postalCode,
    country: c.country,
    contactFirstName: c.contactFirstName,
    contactLastName: c.contactLastName,
    contactEmail: c.contactEmail,
    contactPhone: '',
    language: c.language as 'en' | 'ja',
  };
}

const changeCity = async (ctx: Ctx, customerId: string, city: string) =>
  updateCustomerDetails(ctx, await detailsForm(customerId, city));

const paths = () => receiver.received.map((r) => r.path).sort();

describe('webhook events', () => {
  it('customer.updated reaches its provider and managing reseller, signed, and no unrelated organisation', async () => {
    const { provider, resellerA, resellerB, customer } = await makeChannel();
    const other = await makeOrg('INDIRECT_PROVIDER');
    const providerAdmin = await makeCtx('ADMIN', { organizationId: provider.id });
    const ep = await endpoint(providerAdmin, '/provider');
    await endpoint(await makeCtx('ADMIN', { organizationId: resellerA.id }), '/managing');
    await endpoint(await makeCtx('ADMIN', { organizationId: resellerB.id }), '/partner-not-managing');
    await endpoint(await makeCtx('ADMIN', { organizationId: other.id }), '/other');
    // Written with the change: the delivery is there before any worker runs.
    await changeCity(providerAdmin, customer.id, 'Kyoto');
    expect(await db().webhookDelivery.count()).toBe(2);

    expect(await deliverDueWebhooks()).toEqual({ delivered: 2, retried: 0, failed: 0 });
    expect(paths()).toEqual(['/managing', '/provider']);
    const toProvider = receiver.received.find((r) => r.path === '/provider')!;
    expect(toProvider.verifiedWith).toBe(ep.secret);
    expect(toProvider.headers['webhook-id']).toMatch(/^msg_/);
    expect(toProvider.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(toProvider.payload).toEqual({
      type: 'customer.updated',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: { customerId: customer.id, changed: { city: 'Kyoto' } },
    });
    const stored = await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: ep.endpointId } });
    expect(stored).toMatchObject({ state: 'SUCCEEDED', attempts: 1, responseStatus: 200, responseBody: 'ok' });
  });

  it('an endpoint gets only the event types it asked for; a change that fails writes no event', async () => {
    const { provider, customer } = await makeChannel();
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    await endpoint(admin, '/created-only', ['customer.created']);
    await changeCity(admin, customer.id, 'Osaka');
    await endpoint(admin, '/updated');
    await changeCity(admin, customer.id, 'Nara');
    const stale = await detailsForm(customer.id, 'Never', new Date(0).toISOString());
    await expect(updateCustomerDetails(admin, stale)).rejects.toBeInstanceOf(Conflict);
    await deliverDueWebhooks();
    expect(receiver.received.map((r) => [r.path, r.payload.data.changed])).toEqual([['/updated', { city: 'Nara' }]]);
  });

  it('subscription.updated goes to the provider, the managing reseller and the reseller credited before and after', async () => {
    const { provider, resellerA, resellerB, subscription } = await makeSubscriptionSetup();
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    const events: EventType[] = ['subscription.updated'];
    await endpoint(admin, '/provider', events);
    await endpoint(await makeCtx('ADMIN', { organizationId: resellerA.id }), '/reseller-a', events);
    await endpoint(await makeCtx('ADMIN', { organizationId: resellerB.id }), '/reseller-b', events);
    await changeSubscription(admin, { subscriptionId: subscription.id, version: 1, quantity: 12 });
    await deliverDueWebhooks();
    expect(paths()).toEqual(['/provider', '/reseller-a']);
    expect(receiver.received[0]!.payload.data).toEqual({
      subscriptionId: subscription.id,
      customerId: subscription.customerId,
      changed: { quantity: 12 },
    });
  });

  it('partnership.ended goes to both parties', async () => {
    const { provider, resellerB } = await makeChannel();
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    const events: EventType[] = ['partnership.ended'];
    await endpoint(admin, '/provider', events);
    await endpoint(await makeCtx('ADMIN', { organizationId: resellerB.id }), '/reseller', events);
    const partnership = await db().partnership.findFirstOrThrow({ where: { resellerId: resellerB.id } });
    await removePartnership(admin, { partnershipId: partnership.id });
    await deliverDueWebhooks();
    expect(paths()).toEqual(['/provider', '/reseller']);
    expect(receiver.received[0]!.payload).toMatchObject({
      type: 'partnership.ended',
      data: { partnershipId: partnership.id, providerId: provider.id, resellerId: resellerB.id },
    });
  });
});

describe('webhook events of relationships', () => {
  it('relationship.removed goes to the provider and the removed reseller; its support contacts revert with subscription.updated', async () => {
    const { adminCtx, customer, resellerA, provider } = await makeRelationshipChannel('A');
    const offer = await makeOffer();
    const sub = await makeSubscription(customer.id, resellerA.id, offer.id);
    const events: EventType[] = ['relationship.removed', 'subscription.updated'];
    await endpoint(await makeCtx('ADMIN', { organizationId: provider.id }), '/provider', events);
    await endpoint(await makeCtx('ADMIN', { organizationId: resellerA.id }), '/reseller', events);
    await removeDelegatedAdmin(adminCtx, { resellerId: resellerA.id });
    await deliverDueWebhooks();
    const got = receiver.received.map((r) => `${r.path} ${r.payload.type}`).sort();
    expect(got).toEqual([
      '/provider relationship.removed',
      '/provider subscription.updated',
      '/reseller relationship.removed',
      '/reseller subscription.updated',
    ]);
    expect(receiver.received.find((r) => r.payload.type === 'subscription.updated')!.payload.data).toEqual({
      subscriptionId: sub.id,
      customerId: customer.id,
      changed: { supportContactOrgId: provider.id },
    });
    expect(receiver.received.every((r) => r.verifiedWith)).toBe(true);
  });
});

describe('webhook worker', () => {
  it('the worker started with the mail worker sends what is due on its own', async () => {
    const { provider, customer } = await makeChannel();
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    await endpoint(admin, '/worker');
    await changeCity(admin, customer.id, 'Nagoya');
    const stop = startWebhookWorker({ intervalMs: 20 });
    try {
      // Received, then recorded as delivered (the worker writes the outcome after the answer).
      await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 5_000 });
      await vi.waitFor(
        async () => expect(await db().webhookDelivery.findFirstOrThrow()).toMatchObject({ state: 'SUCCEEDED' }),
        { timeout: 5_000 },
      );
    } finally {
      stop();
    }
  });
});

describe('webhook delivery', () => {
  async function oneEndpoint(path = '/hook') {
    const { provider, customer } = await makeChannel();
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    const ep = await endpoint(admin, path);
    return { provider, customer, admin, ep };
  }

  it('retries a failing receiver with the same webhook-id when the clock reaches the next attempt, then delivers', async () => {
    const { customer, admin, ep } = await oneEndpoint();
    receiver.status(503, 'busy');
    await changeCity(admin, customer.id, 'Kobe');
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    clock.advance(RETRY_DELAYS_MS[0]! - 1000);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    clock.advance(1000);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    receiver.status(204);
    clock.advance(RETRY_DELAYS_MS[1]!);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(1);
    expect(receiver.received.every((r) => r.verifiedWith === ep.secret)).toBe(true);
    // Each attempt is signed at its own time.
    expect(new Set(receiver.received.map((r) => r.headers['webhook-timestamp'])).size).toBe(3);
    const stored = await db().webhookDelivery.findFirstOrThrow({ where: { endpointId: ep.endpointId } });
    expect(stored).toMatchObject({ state: 'SUCCEEDED', attempts: 3, responseStatus: 204 });
  });

  it('a receiver that does not answer at all is retried too', async () => {
    const { provider, customer } = await makeChannel();
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    const closed = await startReceiver();
    const url = closed.url('/gone');
    await closed.close();
    await createWebhookEndpoint(admin, { url, events: ['customer.updated'] });
    await changeCity(admin, customer.id, 'Sendai');
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    const stored = await db().webhookDelivery.findFirstOrThrow();
    expect(stored).toMatchObject({
      state: 'PENDING',
      responseStatus: null,
      error: expect.stringContaining('ECONNREFUSED'),
    });
  });

  it('a delivery claimed by a worker killed mid-request is sent again once its lease ends (at least once)', async () => {
    const { customer, admin } = await oneEndpoint();
    await changeCity(admin, customer.id, 'Fukuoka');
    // The killed worker: it claimed and never wrote back.
    expect(await claimDueDeliveries(10)).toHaveLength(1);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    clock.advance(LEASE_MS + 1);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    expect(await db().webhookDelivery.findFirstOrThrow()).toMatchObject({ state: 'SUCCEEDED', attempts: 2 });
  });

  it('two workers claiming at once never take the same delivery', async () => {
    const { provider } = await makeChannel();
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    await endpoint(admin, '/hook');
    for (let i = 0; i < 6; i++) {
      const customer = await db().customer.findFirstOrThrow({ where: { providerId: provider.id } });
      await changeCity(admin, customer.id, `City ${i}`);
    }
    const { makeCustomer } = await import('../factories');
    for (let i = 0; i < 8; i++) await changeCity(admin, (await makeCustomer(provider.id)).id, `New ${i}`);
    const [a, b] = await Promise.all([claimDueDeliveries(20), claimDueDeliveries(20)]);
    const ids = [...a!, ...b!].map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    // One per resource: the first customer's five later changes wait for its first.
    expect(ids).toHaveLength(9);
  });

  it('keeps a resource’s events in order: a later one waits while an earlier one is pending', async () => {
    const { provider, customer } = await makeChannel();
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    await endpoint(admin, '/hook');
    const { makeCustomer } = await import('../factories');
    const second = await makeCustomer(provider.id);
    receiver.status(500);
    await changeCity(admin, customer.id, 'First');
    await changeCity(admin, customer.id, 'Second');
    await changeCity(admin, second.id, 'Elsewhere');
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 2, failed: 0 });
    expect(receiver.received.map((r) => r.payload.data.changed)).toEqual([{ city: 'First' }, { city: 'Elsewhere' }]);
    receiver.status(200);
    clock.advance(RETRY_DELAYS_MS[0]!);
    await deliverDueWebhooks();
    await deliverDueWebhooks();
    const cities = receiver.received.map((r) => (r.payload.data.changed as { city: string }).city);
    expect(cities.filter((c) => c !== 'Elsewhere')).toEqual(['First', 'First', 'Second']);
  });

  it('disables the endpoint when every attempt over about three days failed, audits it and mails the admins', async () => {
    const { provider, customer, admin, ep } = await oneEndpoint();
    receiver.status(500, 'down');
    await changeCity(admin, customer.id, 'Hakone');
    const started = clock.now().getTime();
    for (let attempt = 1; attempt < MAX_ATTEMPTS; attempt++) {
      expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 1, failed: 0 });
      clock.advance(RETRY_DELAYS_MS[attempt - 1]!);
    }
    expect((clock.now().getTime() - started) / 86_400_000).toBeGreaterThan(3);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 0, failed: 1 });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(1);
    expect(await db().webhookDelivery.findFirstOrThrow()).toMatchObject({ state: 'FAILED', attempts: MAX_ATTEMPTS });
    expect(await db().webhookEndpoint.findUniqueOrThrow({ where: { id: ep.endpointId } })).toMatchObject({
      enabled: false,
      disabledReason: 'failing',
    });
    const audit = await db().auditEvent.findMany({
      where: { targetId: ep.endpointId },
      orderBy: { occurredAt: 'asc' },
    });
    expect(audit.map((e) => e.action)).toEqual(['webhook_endpoint.created', 'webhook_endpoint.disabled']);
    expect(audit[1]!.orgIds).toEqual([provider.id]);
    const mails = await db().outboxMessage.findMany({ where: { kind: 'webhook-endpoint-disabled' } });
    expect(mails.map((m) => m.to)).toEqual([admin.email]);
    expect(mails[0]!.text).toContain(receiver.url('/hook'));
    // A disabled endpoint gets no new events.
    await changeCity(admin, customer.id, 'Atami');
    expect(await db().webhookDelivery.count()).toBe(1);
  });
});
