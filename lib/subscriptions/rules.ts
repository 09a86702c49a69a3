// R7 as pure functions of the subscription, its offers and the time, so the
// domain functions, the detail page and unit tests share one definition.

/** Reducing licences and cancelling are allowed for 168 hours after purchase or renewal. */
export const CHANGE_WINDOW_MS = 168 * 60 * 60 * 1000;

export function changeWindowEndsAt(termStartedAt: Date): Date {
  return new Date(termStartedAt.getTime() + CHANGE_WINDOW_MS);
}

/** Inclusive: at exactly 168 hours the window is still open. */
export function withinChangeWindow(termStartedAt: Date, now: Date): boolean {
  return now.getTime() <= changeWindowEndsAt(termStartedAt).getTime();
}

type OfferLimits = { minQuantity: number; maxQuantity: number; isAzurePlan: boolean };

/** A licence count's problem as a message key with its values, or null when it is valid. */
export function quantityProblem(
  offer: OfferLimits,
  quantity: number,
): { key: string; values: Record<string, number> } | null {
  if (offer.isAzurePlan) return quantity === 1 ? null : { key: 'subscriptionDetail.errors.azureQuantity', values: {} };
  if (!Number.isInteger(quantity) || quantity < offer.minQuantity || quantity > offer.maxQuantity) {
    return {
      key: 'subscriptionDetail.errors.quantityRange',
      values: { min: offer.minQuantity, max: offer.maxQuantity },
    };
  }
  return null;
}

/** The message for a change refused because of the status (R7): only ACTIVE subscriptions change. */
export function statusRefusal(status: 'ACTIVE' | 'SUSPENDED' | 'CANCELLED'): string | null {
  if (status === 'SUSPENDED') return 'subscriptionDetail.errors.suspended';
  if (status === 'CANCELLED') return 'subscriptionDetail.errors.cancelled';
  return null;
}
