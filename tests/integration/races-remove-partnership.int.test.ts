// R10 vs R1 with real concurrency against real PostgreSQL: "Remove
// partnership" fired at once with orders and changes for that reseller,
// several rounds each so a timing window has room to bite. (The other
// races: races-channel.int.test.ts.)
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { rejectionsOf, review, ROUNDS, sleep } from './races-helpers';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { Refused } from '@/lib/errors';
import { removePartnership } from '@/lib/partnerships/remove-partnership';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';

beforeEach(async () => {
  clock.reset();
  await resetDatabase();
});

describe('races', () => {
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
      // addSubscriptions credits the managing reseller by default: take that
      // credit off first, so only the support contact races.
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
