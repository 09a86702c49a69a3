// Factories for the subscription detail tests: a channel and a subscription
// shaped like the demo's Woodgrove Bank one.
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { periodData } from '@/lib/subscriptions/association';
import { makeChannel, makeDemoOffers } from './index';

/**
 * A provider with resellers A (managing the customer, delegated admin) and B
 * (partnered), Business Basic → Standard offers, and a Basic subscription of
 * `quantity` licences bought now, crediting A, supported by the provider.
 */
export async function makeSubscriptionSetup(quantity = 10) {
  const channel = await makeChannel();
  const offers = await makeDemoOffers();
  await db().offer.update({
    where: { id: offers.basic.id },
    data: { incentiveRateBps: 500, upgradeTargets: { connect: [{ id: offers.standard.id }] } },
  });
  const now = clock.now();
  const subscription = await db().subscription.create({
    data: {
      customerId: channel.customer.id,
      offerId: offers.basic.id,
      quantity,
      purchasedAt: now,
      termStartedAt: now,
      resellerId: channel.resellerA.id,
      supportContactOrgId: channel.provider.id,
      resellerAssociations: {
        create: periodData(
          channel.resellerA.id,
          { offerId: offers.basic.id, quantity, unitPriceMinor: 600, currency: 'USD', incentiveRateBps: 500 },
          now,
        ),
      },
    },
  });
  return { ...channel, offers, subscription };
}

export async function readSubscription(id: string) {
  return db().subscription.findUniqueOrThrow({ where: { id } });
}

export async function periodsOf(subscriptionId: string) {
  return db().subscriptionResellerAssociation.findMany({
    where: { subscriptionId },
    orderBy: [{ startedAt: 'asc' }, { endedAt: { sort: 'asc', nulls: 'last' } }],
  });
}

export const HOUR = 60 * 60 * 1000;
export const MINUTE = 60 * 1000;
