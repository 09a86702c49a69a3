import { z } from 'zod';
import { currencyDigits, DECIMAL, isKnownCurrency } from './money';

// The offer form's fields, checked on the server. Parsing is idempotent (the
// output parses again to itself), so a domain function can parse what an
// action already parsed: prices and rates stay decimal text here and become
// minor units and basis points in ./offer-data.ts.

export const BILLING_FREQUENCIES = ['MONTHLY', 'ANNUAL', 'USAGE'] as const;
export const MAX_QUANTITY = 1_000_000;
const MAX_PRICE = 1_000_000;

const blankToUndefined = (v: unknown) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v);
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
const wholeNumber = z.preprocess(
  blankToUndefined,
  z.coerce
    .number('errors.required')
    .int('offers.errors.wholeNumber')
    .min(1, 'offers.errors.quantityRange')
    .max(MAX_QUANTITY, 'offers.errors.quantityRange'),
);

/** A decimal as typed, or a number from a direct caller; negative and 3+ decimals get their own message. */
function decimalText(max: number, rangeKey: string, formatKey: string) {
  return z.preprocess(
    (v) => (typeof v === 'number' ? String(v) : v),
    z
      .string('errors.required')
      .trim()
      .min(1, 'errors.required')
      .superRefine((text, c) => {
        if (text.startsWith('-')) c.addIssue({ code: 'custom', message: 'offers.errors.negative' });
        else if (!DECIMAL.test(text)) c.addIssue({ code: 'custom', message: formatKey });
        else if (Number(text) > max) c.addIssue({ code: 'custom', message: rangeKey });
      }),
  );
}

const offerFields = z.object({
  sku: z
    .string('errors.required')
    .trim()
    .toUpperCase()
    .min(1, 'errors.required')
    .max(40, 'offers.errors.skuFormat')
    .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'offers.errors.skuFormat'),
  name: z.string('errors.required').trim().min(1, 'errors.required').max(200, 'offers.errors.tooLong'),
  description: z.string().trim().max(2000, 'offers.errors.tooLong').default(''),
  billingFrequency: z.enum(BILLING_FREQUENCIES, 'offers.errors.billing'),
  termMonths: z.preprocess(
    (v) => blankToUndefined(v) ?? null,
    z.coerce
      .number()
      .int('offers.errors.wholeNumber')
      .min(1, 'offers.errors.termRange')
      .max(60, 'offers.errors.termRange')
      .nullable(),
  ),
  unitPrice: decimalText(MAX_PRICE, 'offers.errors.priceRange', 'offers.errors.priceFormat'),
  currency: z
    .string('errors.required')
    .trim()
    .toUpperCase()
    .refine((c) => /^[A-Z]{3}$/.test(c) && isKnownCurrency(c), 'offers.errors.currency'),
  minQuantity: wholeNumber,
  maxQuantity: wholeNumber,
  isAzurePlan: checkbox,
  incentiveRate: decimalText(100, 'offers.errors.rateRange', 'offers.errors.rateFormat'),
  upgradeTargetIds: z.preprocess(
    (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.string().min(1).max(40))
      .max(50)
      .transform((ids) => [...new Set(ids)]),
  ),
  active: checkbox,
});

type Fields = z.infer<typeof offerFields>;

/** Rules between fields; an Azure plan is usage-based with quantity always 1, so its licences are forced to 1–1. */
function withRules<T extends Fields>(v: T, c: z.RefinementCtx): T {
  const out = { ...v };
  if (out.isAzurePlan) Object.assign(out, { minQuantity: 1, maxQuantity: 1 });
  else if (out.minQuantity > out.maxQuantity)
    c.addIssue({ code: 'custom', path: ['maxQuantity'], message: 'offers.errors.maxBelowMin' });
  if (out.billingFrequency === 'USAGE') out.termMonths = null;
  else if (out.termMonths === null)
    c.addIssue({ code: 'custom', path: ['termMonths'], message: 'offers.errors.termRequired' });
  else if (out.billingFrequency === 'ANNUAL' && out.termMonths % 12 !== 0)
    c.addIssue({ code: 'custom', path: ['termMonths'], message: 'offers.errors.termAnnual' });
  const decimals = out.unitPrice.split('.')[1]?.length ?? 0;
  if (decimals > currencyDigits(out.currency))
    c.addIssue({ code: 'custom', path: ['unitPrice'], message: 'offers.errors.priceDecimals' });
  return out;
}

export const createOfferInput = offerFields.transform(withRules);
export type CreateOfferInput = z.infer<typeof createOfferInput>;

export const updateOfferInput = offerFields
  .extend({
    offerId: z.string().min(1).max(40),
    /** The offer's updatedAt when the form was opened: a second editor is refused, never silently overwriting. */
    version: z.string().min(1).max(40),
  })
  .transform(withRules);
export type UpdateOfferInput = z.infer<typeof updateOfferInput>;

export const setOfferActiveInput = z.object({
  offerId: z.string().min(1).max(40),
  active: checkbox,
});
export type SetOfferActiveInput = z.infer<typeof setOfferActiveInput>;
