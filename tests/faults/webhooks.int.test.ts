// Webhook faults on the real stack (real HTTP receiver on 127.0.0.1, real
// deliveries outbox in PostgreSQL, events written by the domain functions):
// the receiver down for a while, the worker killed (SIGKILL) in the middle of
// a request, and private addresses without the development flag. Delivery is
// at least once; the webhook-id is the delivery's own, so a retry or a re-send
// after a crash carries the same id and the receiver can drop the duplicate.
// The receiver verifies every request with the standardwebhooks library.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer } from '../factories';
import { makeSubscriptionSetup } from '../factories/subscriptions';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { Invalid } from '@/lib/errors';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { deliverDueWebhooks, LEASE_MS } from '@/lib/webhooks/deliver';
import { RETRY_DELAYS_MS } from '@/lib/webhooks/backoff';
import { startWebhookWorker } from '@/lib/webhooks/worker';
import type { EventType } from '@/lib/webhooks/events';
import { spawnChild, waitFor, withApplicationName, type Child } from './spawn';

type Received = {
  id: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** Whether the signature verified with the endpoint's secret (standardwebhooks). */
  verified: boolean;
  /** The status the receiver answered, or null when it never answered. */
  status: number | null;
};
type Handler = (request: Received, response: ServerResponse) => void;

/**
 * A subscriber's receiver on a fixed port: it records every request it reads,
 * verifies each with standardwebhooks against the portal's clock (tests move
 * it, and the library checks the timestamp), and can go down (port closed)
 * and come back on the same port.
 */
async function startReceiver() {
  const received: Received[] = [];
  let secret: string | null = null;
  let connections = 0;
  let handler: Handler = (_r, response) => response.end('ok');
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = false;
      const realNow = Date.now;
      const portalNow = clock.now().getTime();
      Date.now = () => portalNow;
      try {
        if (secret) {
          new Webhook(secret).verify(body, req.headers as Record<string, string>);
          verified = true;
        }
      } catch {
        verified = false;
      } finally {
        Date.now = realNow;
      }
      const entry: Received = {
        id: String(req.headers['webhook-id']),
        path: req.url ?? '/',
        headers: req.headers,
        body,
        payload: JSON.parse(body || '{}'),
        verified,
        status: null,
      };
      received.push(entry);
      res.on('finish', () => (entry.status = res.statusCode));
      handler(entry, res);
    });
  });
  server.on('connection', () => (connections += 1));
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const { port } = server.address() as AddressInfo;
  return {
    received,
    port,
    connections: () => connections,
    url: (path = '/') => `http://127.0.0.1:${port}${path}`,
    trust: (s: string) => void (secret = s),
    answer: (next: Handler) => void (handler = next),
    status: (code: number, body = '') =>
      void (handler = (_r, response) => {
        response.statusCode = code;
        response.end(body);
      }),
    /** The port closed: nothing listens, connections are refused. */
    down: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
    up: () => (server.listening ? Promise.resolve() : listen(port)),
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

let receiver: Receiver;
let children: Child[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  vi.stubEnv('NEXTAUTH_SECRET', 'a-test-secret-for-webhook-faults-0123456789');
  vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '1');
  clock.reset();
  await receiver.up(); // a test that failed while it was down
  receiver.received.length = 0;
  receiver.status(200, 'ok');
  await resetDatabase();
});
afterEach(() => {
  vi.unstubAllEnvs();
  clock.reset();
  for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
  children = [];
});

async function endpoint(ctx: Ctx, path: string, events: EventType[]) {
  const created = await createWebhookEndpoint(ctx, { url: receiver.url(path), events });
  receiver.trust(created.secret);
  return created;
}

/** The customer's details form as read now, with a new city: updateCustomerDetails writes customer.updated. */
async function changeCity(ctx: Ctx, customerId: string, city: string) {
  const c = await db().customer.findUniqueOrThrow({ where: { id: customerId } });
  await updateCustomerDetails(ctx, {
    customerId,
    version: c.updatedAt.toISOString(),
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
  });
}

async function changeQuantity(ctx: Ctx, subscriptionId: string, quantity: number) {
  const s = await db().subscription.findUniqueOrThrow({ where: { id: subscriptionId } });
  await changeSubscription(ctx, { subscriptionId, version: s.version, quantity });
}

/** Every delivery written by the changes: webhook-id → the body it must carry. */
async function deliveries() {
  const rows = await db().webhookDelivery.findMany({ orderBy: { seq: 'asc' } });
  return new Map(rows.map((d) => [d.messageId, JSON.stringify(d.payload)]));
}

/** webhook-id → how many requests the receiver read with it. */
function receivedCounts(requests: Received[] = receiver.received): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of requests) counts.set(r.id, (counts.get(r.id) ?? 0) + 1);
  return counts;
}

/** What a subscriber keeps after dropping duplicates by webhook-id: the first accepted request of each id. */
function deduplicated(): Map<string, Received> {
  const kept = new Map<string, Received>();
  for (const r of receiver.received)
    if (r.verified && r.status !== null && r.status < 300 && !kept.has(r.id)) kept.set(r.id, r);
  return kept;
}

describe('webhook faults', () => {
  it('the receiver down for a while, then back: every event arrives, verified, none lost, retries with the same webhook-id', async () => {
    const { provider, customer, subscription } = await makeSubscriptionSetup();
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    await endpoint(admin, '/hook', ['customer.updated', 'subscription.updated']);
    const other = await makeCustomer(provider.id);

    // The receiver is down while the changes happen.
    await receiver.down();
    await changeCity(admin, customer.id, 'Kyoto');
    await changeQuantity(admin, subscription.id, 12);
    await changeCity(admin, other.id, 'Sapporo');
    await changeCity(admin, customer.id, 'Osaka');
    await changeQuantity(admin, subscription.id, 15);
    await changeCity(admin, customer.id, 'Nara');
    const expected = await deliveries();
    expect(expected.size).toBe(6);

    // Port closed: the first event of each of the three records is tried and kept (a resource's events wait in order).
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 3, failed: 0 });
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 0, failed: 0 }); // backing off
    clock.advance(RETRY_DELAYS_MS[0]!);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 3, failed: 0 });
    expect(receiver.connections()).toBe(0);
    expect(
      await db().webhookDelivery.count({
        where: { state: 'PENDING', attempts: 2, error: { contains: 'ECONNREFUSED' } },
      }),
    ).toBe(3);

    // Up but failing: it reads the requests and answers 503.
    await receiver.up();
    receiver.status(503, 'busy');
    clock.advance(RETRY_DELAYS_MS[1]!);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 3, failed: 0 });
    expect(receiver.received.map((r) => r.status)).toEqual([503, 503, 503]);
    const refusedIds = receiver.received.map((r) => r.id);

    // Back: the running worker delivers the backlog on its own, in order per record.
    receiver.status(200, 'ok');
    clock.advance(RETRY_DELAYS_MS[2]!);
    const stop = startWebhookWorker({ intervalMs: 50 });
    try {
      await waitFor(
        async () => (await db().webhookDelivery.count({ where: { state: 'SUCCEEDED' } })) === 6,
        20_000,
        'the backlog to be delivered',
      );
      await new Promise((r) => setTimeout(r, 300)); // a few more rounds send nothing again
    } finally {
      stop();
    }

    // Every request the receiver read verified with the endpoint's secret.
    expect(receiver.received).toHaveLength(3 + 6);
    expect(receiver.received.filter((r) => !r.verified)).toEqual([]);
    // The ids it saw are exactly the events' ids: none lost, none made up.
    expect([...receivedCounts().keys()].sort()).toEqual([...expected.keys()].sort());
    // A retry carries the id of the refused attempt.
    for (const id of refusedIds) expect(receivedCounts().get(id), id).toBe(2);
    // Accepted exactly once each, with the event's body.
    const accepted = receiver.received.filter((r) => r.status === 200);
    expect([...receivedCounts(accepted).entries()].sort()).toEqual([...expected.keys()].map((id) => [id, 1]).sort());
    for (const r of accepted) expect(r.body, r.id).toBe(expected.get(r.id));
    // Each record's events arrived in the order they happened.
    expect(
      accepted
        .filter((r) => r.payload.type === 'customer.updated' && r.payload.data.customerId === customer.id)
        .map((r) => (r.payload.data.changed as { city: string }).city),
    ).toEqual(['Kyoto', 'Osaka', 'Nara']);
    expect(
      accepted
        .filter((r) => r.payload.type === 'subscription.updated')
        .map((r) => (r.payload.data.changed as { quantity: number }).quantity),
    ).toEqual([12, 15]);
    expect(deduplicated().size).toBe(6);
    expect(await db().webhookDelivery.count({ where: { state: { not: 'SUCCEEDED' } } })).toBe(0);
    expect(await db().webhookDelivery.count({ where: { attempts: 4 } })).toBe(3);
  });

  it.skipIf(inject('testDatabase').kind !== 'postgres')(
    'the worker killed (SIGKILL) while a receiver holds its request: the event is sent again with the same webhook-id once the lease ends, none lost',
    async () => {
      const { provider, customer } = await makeSubscriptionSetup();
      const admin = await makeCtx('ADMIN', { organizationId: provider.id });
      await endpoint(admin, '/hook', ['customer.updated']);
      const customers = [customer.id, (await makeCustomer(provider.id)).id, (await makeCustomer(provider.id)).id];
      for (const [i, id] of customers.entries()) await changeCity(admin, id, `First ${i}`);
      for (const [i, id] of customers.entries()) await changeCity(admin, id, `Second ${i}`);
      const expected = await deliveries();
      expect(expected.size).toBe(6);

      const worker = spawnChild(
        'webhooks',
        { limit: 10 },
        {
          DATABASE_URL: withApplicationName(process.env.DATABASE_URL!, 'pc-fault-webhooks'),
          DATABASE_POOL_MAX: '2',
          NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET!,
          WEBHOOK_ALLOW_PRIVATE: '1',
        },
        { gated: true },
      );
      children.push(worker);
      await worker.ready;
      // The worker sends the first events of the three customers, then their second ones side by side;
      // the receiver holds the first request of that second batch and never answers it.
      let held: ServerResponse | undefined;
      receiver.answer((request, response) => {
        if (receiver.received.length === 4) held = response;
        else response.end('ok');
      });
      worker.go();
      await waitFor(() => held !== undefined, 20_000, 'the fourth request');
      // The batch's other two were answered and written: the worker is now only waiting on the held one.
      await waitFor(
        async () => (await db().webhookDelivery.count({ where: { state: 'SUCCEEDED' } })) === 5,
        20_000,
        'the other deliveries to be written',
      );
      worker.process.kill('SIGKILL');
      expect((await worker.done).signal).toBe('SIGKILL');
      held!.destroy();
      receiver.status(200, 'ok');

      const inFlight = receiver.received[3]!;
      expect(receiver.received.filter((r) => !r.verified)).toEqual([]);
      expect(receiver.received).toHaveLength(6);
      expect(await db().webhookDelivery.findFirstOrThrow({ where: { messageId: inFlight.id } })).toMatchObject({
        state: 'PENDING',
        attempts: 1,
        responseStatus: null,
      });

      // Another worker at once: the dead worker's claim is leased, so nothing is
      // sent twice while it might still be sending.
      expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 0, failed: 0 });
      expect(receiver.received).toHaveLength(6);
      // When the lease ends, the delivery it claimed is sent again.
      clock.advance(LEASE_MS + 1);
      expect(await deliverDueWebhooks()).toEqual({ delivered: 1, retried: 0, failed: 0 });
      expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 0, failed: 0 });

      expect(receiver.received).toHaveLength(7);
      expect(receiver.received.filter((r) => !r.verified)).toEqual([]);
      // At least once to the receiver: the id in flight twice, every other once, no other id.
      const counts = receivedCounts();
      expect([...counts.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [id, times] of counts) expect(times, id).toBe(id === inFlight.id ? 2 : 1);
      const resent = receiver.received.filter((r) => r.id === inFlight.id);
      expect(resent[1]!.body).toBe(resent[0]!.body);
      // Exactly once per webhook-id after de-duplicating, each with its event's body.
      const kept = deduplicated();
      expect([...kept.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [id, r] of kept) expect(r.body, id).toBe(expected.get(id));
      expect(await db().webhookDelivery.count({ where: { state: { not: 'SUCCEEDED' } } })).toBe(0);
      expect(await db().webhookDelivery.findFirstOrThrow({ where: { messageId: inFlight.id } })).toMatchObject({
        state: 'SUCCEEDED',
        attempts: 2,
      });
    },
  );

  it('a private-address endpoint is refused without WEBHOOK_ALLOW_PRIVATE, at registration and at delivery', async () => {
    const { provider, customer } = await makeSubscriptionSetup();
    const admin = await makeCtx('ADMIN', { organizationId: provider.id });
    const events: EventType[] = ['customer.updated'];
    // With the development flag: stored, and reached.
    const plain = await endpoint(admin, '/plain', events);
    await changeCity(admin, customer.id, 'Kobe');
    expect(await deliverDueWebhooks()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    expect(receiver.received.map((r) => [r.path, r.verified])).toEqual([['/plain', true]]);
    const loopback = await createWebhookEndpoint(admin, { url: `https://127.0.0.1:${receiver.port}/tls`, events });
    const privateNet = await createWebhookEndpoint(admin, { url: 'https://10.0.0.1/hook', events });

    // Without it: registration refuses private, loopback and metadata addresses with the field message.
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '');
    for (const url of ['https://127.0.0.1/hook', 'https://10.0.0.1/hook', 'https://169.254.169.254/latest/meta-data']) {
      const refused = createWebhookEndpoint(admin, { url, events });
      await expect(refused, url).rejects.toBeInstanceOf(Invalid);
      await expect(refused, url).rejects.toMatchObject({ fieldErrors: { url: ['webhooks.errors.privateAddress'] } });
    }
    expect(await db().webhookEndpoint.count()).toBe(3);

    // And the endpoints stored earlier are not posted to: the guard refuses each delivery, nothing connects.
    const connectionsBefore = receiver.connections();
    await changeCity(admin, customer.id, 'Himeji');
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 3, failed: 0 });
    clock.advance(RETRY_DELAYS_MS[0]!);
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 3, failed: 0 });
    expect(receiver.connections()).toBe(connectionsBefore);
    expect(receiver.received).toHaveLength(1);
    const errorOf = async (endpointId: string) =>
      (await db().webhookDelivery.findFirstOrThrow({ where: { endpointId, state: 'PENDING' } })).error;
    expect(await errorOf(plain.endpointId)).toBe('address refused: protocol');
    expect(await errorOf(loopback.endpointId)).toBe('address refused: loopback');
    expect(await errorOf(privateNet.endpointId)).toBe('address refused: private');
  });
});
