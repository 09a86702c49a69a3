// The portal process killed (SIGKILL) in the middle of an order submission:
// the database keeps either the whole order or nothing of it, and the same
// review submitted again (same idempotency key) finishes it exactly once.
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { db } from '@/lib/db';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import type { NewCustomerOrderInput } from '@/lib/orders/schemas';
import { sessionsOf, spawnChild, waitFor, withApplicationName, type Child } from './spawn';

const APP = 'pc-fault-order';
let children: Child[] = [];

beforeEach(resetDatabase);
afterEach(() => {
  for (const c of children) if (c.process.exitCode === null && c.process.signalCode === null) c.process.kill('SIGKILL');
  children = [];
});

async function scenario() {
  const provider = await makeOrg('INDIRECT_PROVIDER');
  const reseller = await makeOrg('INDIRECT_RESELLER');
  await makePartnership(provider.id, reseller.id);
  const offers = await makeDemoOffers();
  const ctx = await makeCtx('SALES_AGENT', { organizationId: reseller.id });
  return { provider, reseller, offers, ctx };
}

let n = 0;
function review(providerId: string, offerIds: string[]): NewCustomerOrderInput {
  return {
    companyName: 'Killed Co',
    domainPrefix: `killed${Date.now().toString(36)}${n++}`,
    addressLine1: '1 Main St',
    city: 'Seattle',
    region: 'WA',
    postalCode: '98101',
    country: 'US',
    contactFirstName: 'Pat',
    contactLastName: 'Doe',
    contactEmail: `pat${n}@killed.example`,
    language: 'en',
    idempotencyKey: crypto.randomUUID(),
    providerId,
    lines: offerIds.map((offerId) => ({ offerId, quantity: 2 })),
  };
}

/** Everything one order writes, for one review. */
async function footprint(order: NewCustomerOrderInput) {
  const customer = await db().customer.findUnique({
    where: { domainPrefix: order.domainPrefix },
    select: { id: true },
  });
  const customerId = customer?.id ?? '-';
  const [users, orders, subscriptions, periods, audit, mails] = await Promise.all([
    db().user.count({ where: { customerId } }),
    db().order.count({ where: { idempotencyKey: order.idempotencyKey } }),
    db().subscription.count({ where: { customerId } }),
    db().subscriptionResellerAssociation.count({ where: { subscription: { customerId } } }),
    db().auditEvent.count({
      where: {
        OR: [
          { targetId: customerId },
          { action: 'order.placed', after: { path: ['customerId'], equals: customerId } },
          { action: 'subscription.created', after: { path: ['customerId'], equals: customerId } },
        ],
      },
    }),
    db().outboxMessage.count({ where: { kind: 'customer-welcome', to: order.contactEmail } }),
  ]);
  return { customers: customer ? 1 : 0, users, orders, subscriptions, periods, audit, mails };
}
const NOTHING = { customers: 0, users: 0, orders: 0, subscriptions: 0, periods: 0, audit: 0, mails: 0 };
const WHOLE = { customers: 1, users: 1, orders: 1, subscriptions: 2, periods: 2, audit: 4, mails: 1 };

function childEnv(applicationName = APP) {
  return { DATABASE_URL: withApplicationName(process.env.DATABASE_URL!, applicationName), DATABASE_POOL_MAX: '2' };
}

// Child processes need a server that takes several connections (not the embedded PGlite fallback).
describe.skipIf(inject('testDatabase').kind !== 'postgres')('the portal process killed mid-order', () => {
  it('killed inside the transaction: nothing is kept; the same review again makes the order once', async () => {
    const { provider, offers, ctx } = await scenario();
    const order = review(provider.id, [offers.basic.id, offers.standard.id]);
    // Hold the Order table so the child's transaction stops half-way: the
    // customer and its admin are written, the order is not yet.
    const blocker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE "Order" IN EXCLUSIVE MODE');
      const child = spawnChild('order', { ctx, order }, childEnv());
      children.push(child);
      await waitFor(
        async () =>
          (await sessionsOf(process.env.DATABASE_URL!, APP)).some(
            (s) => s.waiting && /INSERT INTO "public"."Order"/.test(s.query),
          ),
        30_000,
        'the order transaction to reach the Order insert',
      );
      // Half-written and uncommitted: nobody else sees the customer.
      expect(await footprint(order)).toEqual(NOTHING);
      child.process.kill('SIGKILL');
      expect((await child.done).signal).toBe('SIGKILL');
      await blocker.query('ROLLBACK');
    } finally {
      await blocker.end();
    }
    // The server notices the dead client and rolls its transaction back.
    await waitFor(
      async () => (await sessionsOf(process.env.DATABASE_URL!, APP)).length === 0,
      10_000,
      'the killed session to end',
    );
    expect(await footprint(order)).toEqual(NOTHING);

    const retried = await placeNewCustomerOrder(ctx, order);
    expect(retried).toMatchObject({ replayed: false });
    expect(retried.temporaryPassword).not.toBeNull();
    expect(await footprint(order)).toEqual(WHOLE);
    expect(await placeNewCustomerOrder(ctx, order)).toMatchObject({
      orderId: retried.orderId,
      replayed: true,
      temporaryPassword: null,
    });
    expect(await footprint(order)).toEqual(WHOLE);
  }, 60_000);

  it('killed at random moments: each time the whole order or nothing, and a retry with the same key finishes it once', async () => {
    const { provider, offers, ctx } = await scenario();
    const ROUNDS = 4;
    // All children start at once (loading takes seconds) and wait, connected, for go().
    const rounds = Array.from({ length: ROUNDS }, (_, round) => {
      const order = review(provider.id, [offers.basic.id, offers.standard.id]);
      const applicationName = `${APP}-${round}`;
      const child = spawnChild('order', { ctx, order }, childEnv(applicationName), { gated: true });
      children.push(child);
      return { order, applicationName, child };
    });
    await Promise.all(rounds.map((r) => r.child.ready));
    // How long one submission takes, to spread the kills over it.
    const timed = review(provider.id, [offers.basic.id, offers.standard.id]);
    const started = performance.now();
    await placeNewCustomerOrder(ctx, timed);
    const span = performance.now() - started;

    const outcomes = { whole: 0, nothing: 0 };
    for (const [round, { order, applicationName, child }] of rounds.entries()) {
      child.go();
      // Kill points from the start of the submission to just after its usual end.
      await new Promise((r) => setTimeout(r, (span * (round + 1)) / ROUNDS));
      child.process.kill('SIGKILL');
      await child.done;
      await waitFor(
        async () => (await sessionsOf(process.env.DATABASE_URL!, applicationName)).length === 0,
        10_000,
        'the killed session to end',
      );
      const after = await footprint(order);
      expect([NOTHING, WHOLE]).toContainEqual(after);
      outcomes[after.customers ? 'whole' : 'nothing'] += 1;

      const retried = await placeNewCustomerOrder(ctx, order);
      expect(retried.replayed).toBe(after.customers === 1);
      expect(await footprint(order)).toEqual(WHOLE);
    }
    console.info(
      `[faults] order killed at random: ${outcomes.whole} whole, ${outcomes.nothing} nothing (one submission ≈ ${Math.round(span)} ms)`,
    );
  }, 60_000);
});
