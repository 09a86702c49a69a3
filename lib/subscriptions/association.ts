import 'server-only';
import type { Tx } from '@/lib/db';

// R8: incentive credit is kept as association periods. A period records what
// it earns on (offer, licences, unit price, incentive rate) as it was, so a
// change of reseller, licences or offer closes the open period and opens a
// new one; history is never rewritten and the report is a sum over periods.

export type PeriodTerms = {
  offerId: string;
  quantity: number;
  unitPriceMinor: number;
  currency: string;
  incentiveRateBps: number;
};

/** The data of a new open period (for a nested `create`). */
export function periodData(resellerId: string, terms: PeriodTerms, startedAt: Date) {
  return {
    resellerId,
    startedAt,
    offerId: terms.offerId,
    quantity: terms.quantity,
    unitPriceMinor: terms.unitPriceMinor,
    currency: terms.currency,
    incentiveRateBps: terms.incentiveRateBps,
  };
}

/** Closes the subscription's open period at `at`, if there is one. */
export async function closeOpenPeriod(tx: Tx, subscriptionId: string, at: Date): Promise<number> {
  const { count } = await tx.subscriptionResellerAssociation.updateMany({
    where: { subscriptionId, endedAt: null },
    data: { endedAt: at },
  });
  return count;
}

/**
 * After any change to a subscription: closes its open period and, when a
 * reseller is credited (and the subscription is not cancelled), opens a new
 * one on the current terms.
 */
export async function restartPeriod(
  tx: Tx,
  subscriptionId: string,
  resellerId: string | null,
  terms: PeriodTerms,
  at: Date,
): Promise<void> {
  await closeOpenPeriod(tx, subscriptionId, at);
  if (resellerId)
    await tx.subscriptionResellerAssociation.create({ data: { subscriptionId, ...periodData(resellerId, terms, at) } });
}
