// R7 at purchase, as a pure function so its every branch is unit-tested.
// Field errors are keyed `lines.<offerId>` (one licence field per offer on
// the form, whatever order the lines arrive in); `lines` for the whole list.

export type OrderLineDraft = { offerId: string; quantity: number };
export type OfferLimits = {
  id: string;
  name: string;
  active: boolean;
  minQuantity: number;
  maxQuantity: number;
  isAzurePlan: boolean;
};

/** One refused line: the field, the message key naming the rule, and values for a richer message. */
export type LineIssue = { field: string; key: string; values: Record<string, string | number> };

export function lineField(offerId: string): string {
  return `lines.${offerId}`;
}

export function validateLines(lines: readonly OrderLineDraft[], offers: readonly OfferLimits[]): LineIssue[] {
  if (lines.length === 0) return [{ field: 'lines', key: 'orders.errors.noLines', values: {} }];
  const byId = new Map(offers.map((o) => [o.id, o]));
  const seen = new Set<string>();
  const issues: LineIssue[] = [];
  for (const line of lines) {
    const field = lineField(line.offerId);
    const offer = byId.get(line.offerId);
    if (seen.has(line.offerId)) {
      issues.push({ field, key: 'orders.errors.duplicateOffer', values: { offer: offer?.name ?? line.offerId } });
      continue;
    }
    seen.add(line.offerId);
    if (!offer) {
      issues.push({ field, key: 'orders.errors.offerUnknown', values: { offer: line.offerId } });
      continue;
    }
    const values = { offer: offer.name, min: offer.minQuantity, max: offer.maxQuantity };
    if (!offer.active) issues.push({ field, key: 'orders.errors.offerInactive', values });
    else if (offer.isAzurePlan && line.quantity !== 1)
      issues.push({ field, key: 'orders.errors.azurePlanQuantity', values });
    else if (
      !Number.isInteger(line.quantity) ||
      line.quantity < offer.minQuantity ||
      line.quantity > offer.maxQuantity
    ) {
      issues.push({ field, key: 'orders.errors.quantityRange', values });
    }
  }
  return issues;
}

/** The issues as Invalid's field errors (message keys). */
export function lineFieldErrors(issues: readonly LineIssue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) (out[issue.field] ??= []).push(issue.key);
  return out;
}
