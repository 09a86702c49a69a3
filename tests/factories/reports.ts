// Factories for the report tests: subscriptions with a reseller of record and
// association periods written with explicit times.
import { db } from '@/lib/db';

type Offer = { id: string; unitPriceMinor: number; currency: string; incentiveRateBps: number };

export async function makeCreditedSubscription(
  customerId: string,
  supportContactOrgId: string,
  offer: Offer,
  resellerId: string | null,
  quantity = 10,
) {
  const now = new Date();
  return db().subscription.create({
    data: {
      customerId,
      offerId: offer.id,
      quantity,
      supportContactOrgId,
      resellerId,
      purchasedAt: now,
      termStartedAt: now,
    },
  });
}

export async function makePeriod(
  subscriptionId: string,
  resellerId: string,
  offer: Offer,
  quantity: number,
  startedAt: string,
  endedAt: string | null,
) {
  return db().subscriptionResellerAssociation.create({
    data: {
      subscriptionId,
      resellerId,
      offerId: offer.id,
      quantity,
      unitPriceMinor: offer.unitPriceMinor,
      currency: offer.currency,
      incentiveRateBps: offer.incentiveRateBps,
      startedAt: new Date(startedAt),
      endedAt: endedAt ? new Date(endedAt) : null,
    },
  });
}
