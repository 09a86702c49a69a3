// Real concurrency against real PostgreSQL: many requests fired at once with
// Promise.all, several rounds each so a timing window has room to bite.
// (50 concurrent licence increments: tests/integration/subscription-concurrency.int.test.ts.)
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { Refused } from '@/lib/errors';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { respondToInvitation } from '@/lib/partnerships/respond-to-invitation';
import { removePartnership } from '@/lib/partnerships/remove-partnership';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import type { NewCustomerOrderInput } from '@/lib/orders/schemas';
import { Conflict } from '@/lib/errors';
import { makeSubscriptionSetup, periodsOf, readSubscription } from '../factories/subscriptions';

const ROUNDS = 5;
const baseUrl = 'http://portal.test';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeEach(async () => {
  clock.reset();
  await resetDatabase();
});

let prefixes = 0;
function review(overrides: Partial<NewCustomerOrderInput> = {}): NewCustomerOrderInput {
  return {
    companyName: 'Race Co',
    domainPrefix: `race${Date.now().toString(36)}${prefixes++}`,
    addressLine1: '1 Main St',
    city: 'Seattle',
    region: 'WA',
    postalCode: '98101',
    country: 'US',
    contactFirstName: 'Pat',
    contactLastName: 'Doe',
    contactEmail: 'pat@race.example',
    language: 'en',
    idempotencyKey: crypto.randomUUID(),
    lines: [],
    ...overrides,
  };
}

function rejectionsOf(results: PromiseSettledResult<unknown>[]) {
  return results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as unknown);
}

describe('races', () => {
  it('20 concurrent accepts of one partnership link by two resellers make one partnership', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const provider = await makeOrg('INDIRECT_PROVIDER');
      const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
      const resellers = [await makeOrg('INDIRECT_RESELLER'), await makeOrg('INDIRECT_RESELLER')];
      const ctxs = [
        await makeCtx('ADMIN', { organizationId: resellers[0]!.id }),
        await makeCtx('ADMIN', { organizationId: resellers[1]!.id }),
      ];
      const token = (await startPartnershipRequest(providerCtx, { baseUrl })).link.split('/').pop()!;

      const attempts = Array.from({ length: 20 }, (_, i) => ctxs[i % 2]!);
      const results = await Promise.allSettled(
        attempts.map((ctx) => respondToInvitation(ctx, { token, decision: 'accept', agree: 'on', baseUrl })),
      );

      const partnerships = await db().partnership.findMany({ where: { providerId: provider.id } });
      expect(partnerships).toHaveLength(1);
      const winner = partnerships[0]!.resellerId;
      const accepted = results.filter(
        (r) => r.status === 'fulfilled' && (r.value as { status: string }).status === 'accepted',
      );
      expect(accepted).toHaveLength(1);
      // Every other attempt: the winner's own repeat is harmless, the loser is told the link was used.
      results.forEach((r, i) => {
        if (r.status === 'fulfilled')
          expect(['accepted', 'alreadyAccepted']).toContain((r.value as { status: string }).status);
        if (r.status === 'fulfilled' && (r.value as { status: string }).status === 'alreadyAccepted')
          expect(attempts[i]!.orgId).toBe(winner);
        if (r.status === 'rejected') {
          expect(r.reason).toBeInstanceOf(Refused);
          expect((r.reason as Refused).rule).toBe('R2');
        }
      });
      expect(rejectionsOf(results).length + results.filter((r) => r.status === 'fulfilled').length).toBe(20);
      expect(
        await db().auditEvent.count({ where: { action: 'partnership.accepted', orgIds: { has: provider.id } } }),
      ).toBe(1);
      expect(await db().outboxMessage.count({ where: { kind: 'partnership-accepted', to: providerCtx.email } })).toBe(
        1,
      );
      const invitation = await db().partnershipInvitation.findFirstOrThrow({ where: { providerId: provider.id } });
      expect(invitation).toMatchObject({ state: 'ACCEPTED', acceptedByOrgId: winner });
    }
  }, 60_000);

  it('20 concurrent submissions of one review make one order; the temporary password is shown once', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const reseller = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(provider.id, reseller.id);
    const offers = await makeDemoOffers();
    const ctx = await makeCtx('SALES_AGENT', { organizationId: reseller.id });
    for (let round = 0; round < ROUNDS; round++) {
      const input = review({ providerId: provider.id, lines: [{ offerId: offers.basic.id, quantity: 3 }] });
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => placeNewCustomerOrder(ctx, input)));
      expect(rejectionsOf(results)).toEqual([]);
      const placed = results.map(
        (r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof placeNewCustomerOrder>>>).value,
      );
      expect(new Set(placed.map((p) => p.orderId)).size).toBe(1);
      expect(new Set(placed.map((p) => p.customerId)).size).toBe(1);
      expect(placed.filter((p) => p.temporaryPassword !== null)).toHaveLength(1);
      expect(placed.filter((p) => !p.replayed)).toHaveLength(1);
      const customerId = placed[0]!.customerId;
      expect(await db().order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
      expect(await db().customer.count({ where: { domainPrefix: input.domainPrefix } })).toBe(1);
      expect(await db().user.count({ where: { customerId } })).toBe(1);
      expect(await db().subscription.count({ where: { customerId } })).toBe(1);
      expect(await db().auditEvent.count({ where: { action: 'customer.created', targetId: customerId } })).toBe(1);
      expect(
        await db().outboxMessage.count({ where: { kind: 'customer-welcome', text: { contains: input.domainPrefix } } }),
      ).toBe(1);
    }
    expect(await db().order.count()).toBe(ROUNDS);
  }, 60_000);

  it('50 concurrent licence increments, 5 rounds: every success counts, none is lost, every refusal is a conflict', async () => {
    // One round with retries: tests/integration/subscription-concurrency.int.test.ts.
    const { provider, subscription } = await makeSubscriptionSetup(10);
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    let expected = 10;
    let successes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const increment = async () => {
        const read = await readSubscription(subscription.id);
        return changeSubscription(ctx, {
          subscriptionId: subscription.id,
          version: read.version,
          quantity: read.quantity + 1,
        });
      };
      const results = await Promise.allSettled(Array.from({ length: 50 }, increment));
      const won = results.filter((r) => r.status === 'fulfilled').length;
      expect(won).toBeGreaterThanOrEqual(1);
      for (const reason of rejectionsOf(results)) expect(reason).toBeInstanceOf(Conflict);
      expected += won;
      successes += won;
      expect((await readSubscription(subscription.id)).quantity).toBe(expected);
    }
    expect(
      await db().auditEvent.count({ where: { action: 'subscription.quantity_changed', targetId: subscription.id } }),
    ).toBe(successes);
    const open = (await periodsOf(subscription.id)).filter((p) => p.endedAt === null);
    expect(open).toHaveLength(1);
    expect(open[0]!.quantity).toBe(expected);
  }, 60_000);

  /**
   * R10 vs R1: "Remove partnership" and an order for that reseller at the same
   * moment. Whatever the interleaving, no customer may stay managed by (and no
   * subscription credited to) an ex-partner, and no incentive period stays open.
   */
  async function expectNothingLeftWithExPartner(providerId: string, resellerId: string) {
    expect(await db().partnership.count({ where: { providerId, resellerId, state: 'ACTIVE' } })).toBe(0);
    expect(await db().customer.count({ where: { providerId, managingResellerId: resellerId } })).toBe(0);
    expect(await db().subscription.count({ where: { customer: { providerId }, resellerId } })).toBe(0);
    expect(
      await db().subscription.count({ where: { customer: { providerId }, supportContactOrgId: resellerId } }),
    ).toBe(0);
    expect(await db().subscriptionResellerAssociation.count({ where: { resellerId, endedAt: null } })).toBe(0);
  }

  function expectOnlyR1Refusals(results: PromiseSettledResult<unknown>[]) {
    for (const reason of rejectionsOf(results)) {
      expect(reason).toBeInstanceOf(Refused);
      expect((reason as Refused).rule).toBe('R1');
    }
  }

  it('Remove partnership during Add new customer for that reseller leaves no customer managed by the ex-partner', async () => {
    const offers = await makeDemoOffers();
    // How long an order takes here, to spread the removal from its start to past its end.
    const timing = await makeOrg('INDIRECT_RESELLER');
    const timingProvider = await makeOrg('INDIRECT_PROVIDER');
    await makePartnership(timingProvider.id, timing.id);
    const started = performance.now();
    await placeNewCustomerOrder(
      await makeCtx('SALES_AGENT', { organizationId: timing.id }),
      review({ providerId: timingProvider.id, lines: [{ offerId: offers.basic.id, quantity: 1 }] }),
    );
    const span = performance.now() - started;
    let ordersPlaced = 0;
    for (let round = 0; round < ROUNDS * 2; round++) {
      const provider = await makeOrg('INDIRECT_PROVIDER');
      const reseller = await makeOrg('INDIRECT_RESELLER');
      const partnership = await makePartnership(provider.id, reseller.id);
      const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
      const resellerCtx = await makeCtx('SALES_AGENT', { organizationId: reseller.id });
      const lines = [{ offerId: offers.basic.id, quantity: 2 }];
      // The reseller orders for itself, the provider orders for the reseller, and the provider removes the partnership,
      // a little later each round so the removal lands at a different point of the orders (the last rounds after them).
      const results = await Promise.allSettled([
        placeNewCustomerOrder(resellerCtx, review({ providerId: provider.id, lines })),
        placeNewCustomerOrder(providerCtx, review({ resellerId: reseller.id, lines })),
        sleep((span * 1.5 * round) / (ROUNDS * 2 - 1)).then(() =>
          removePartnership(providerCtx, { partnershipId: partnership.id }),
        ),
      ]);
      expect(results[2]!.status).toBe('fulfilled');
      expectOnlyR1Refusals(results.slice(0, 2));
      ordersPlaced += results.slice(0, 2).filter((r) => r.status === 'fulfilled').length;
      await expectNothingLeftWithExPartner(provider.id, reseller.id);
    }
    // Sanity: the rounds did not all refuse (the customers placed before the removal were freed, not lost).
    expect(ordersPlaced).toBeGreaterThan(0);
  }, 60_000);

  it('Remove partnership during Add subscription and Change reseller leaves nothing credited to the ex-partner', async () => {
    const offers = await makeDemoOffers();
    for (let round = 0; round < ROUNDS * 2; round++) {
      const provider = await makeOrg('INDIRECT_PROVIDER');
      const reseller = await makeOrg('INDIRECT_RESELLER');
      const partnership = await makePartnership(provider.id, reseller.id);
      const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
      const customer = await makeCustomer(provider.id, null);
      const existing = await addSubscriptions(providerCtx, {
        customerId: customer.id,
        idempotencyKey: crypto.randomUUID(),
        lines: [{ offerId: offers.basic.id, quantity: 1 }],
      });
      const subscriptionId = existing.subscriptionIds[0]!;
      const results = await Promise.allSettled([
        addSubscriptions(providerCtx, {
          customerId: customer.id,
          resellerId: reseller.id,
          idempotencyKey: crypto.randomUUID(),
          lines: [{ offerId: offers.standard.id, quantity: 2 }],
        }),
        changeSubscription(providerCtx, { subscriptionId, version: 1, resellerId: reseller.id }),
        sleep(round * 3).then(() => removePartnership(providerCtx, { partnershipId: partnership.id })),
      ]);
      expect(results[2]!.status).toBe('fulfilled');
      expectOnlyR1Refusals(results.slice(0, 1));
      // The change may also lose to the removal's version bump: a conflict, never a credit to the ex-partner.
      if (results[1]!.status === 'rejected') expect(['R1', undefined]).toContain((results[1].reason as Refused).rule);
      await expectNothingLeftWithExPartner(provider.id, reseller.id);
    }
  }, 60_000);

  it('Remove partnership during Change support contact to the managing reseller leaves no ex-partner as support contact', async () => {
    const offers = await makeDemoOffers();
    for (let round = 0; round < ROUNDS * 2; round++) {
      const provider = await makeOrg('INDIRECT_PROVIDER');
      const reseller = await makeOrg('INDIRECT_RESELLER');
      const partnership = await makePartnership(provider.id, reseller.id);
      const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
      const customer = await makeCustomer(provider.id, reseller.id);
      await db().customer.update({ where: { id: customer.id }, data: { resellerDelegatedAdmin: true } });
      const { subscriptionIds } = await addSubscriptions(providerCtx, {
        customerId: customer.id,
        resellerId: undefined,
        idempotencyKey: crypto.randomUUID(),
        lines: [{ offerId: offers.basic.id, quantity: 1 }],
      });
      // addSubscriptions credits the managing reseller by default: take that credit off first, so only the support contact races.
      await changeSubscription(providerCtx, { subscriptionId: subscriptionIds[0]!, version: 1, resellerId: '' });
      const results = await Promise.allSettled([
        changeSubscription(providerCtx, {
          subscriptionId: subscriptionIds[0]!,
          version: 2,
          supportContactOrgId: reseller.id,
        }),
        sleep(round * 2).then(() => removePartnership(providerCtx, { partnershipId: partnership.id })),
      ]);
      expect(results[1]!.status).toBe('fulfilled');
      if (results[0]!.status === 'rejected') expect(['R9', undefined]).toContain((results[0].reason as Refused).rule);
      await expectNothingLeftWithExPartner(provider.id, reseller.id);
    }
  }, 60_000);
});
