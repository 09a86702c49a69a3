import { decimalToMinor, percentToBps } from './money';
import type { CreateOfferInput } from './schemas';

/** The columns an offer form writes: prices in minor units, the incentive rate in basis points. */
export function toOfferData(input: CreateOfferInput) {
  return {
    sku: input.sku,
    name: input.name,
    description: input.description,
    billingFrequency: input.billingFrequency,
    termMonths: input.termMonths,
    unitPriceMinor: decimalToMinor(input.unitPrice, input.currency),
    currency: input.currency,
    minQuantity: input.minQuantity,
    maxQuantity: input.maxQuantity,
    isAzurePlan: input.isAzurePlan,
    incentiveRateBps: percentToBps(input.incentiveRate),
    active: input.active,
  };
}

/** What the audit log keeps of an offer, before and after a change. */
export const OFFER_AUDIT_SELECT = {
  sku: true,
  name: true,
  description: true,
  billingFrequency: true,
  termMonths: true,
  unitPriceMinor: true,
  currency: true,
  minQuantity: true,
  maxQuantity: true,
  isAzurePlan: true,
  incentiveRateBps: true,
  active: true,
} as const;
