import { z } from 'zod';
import { digitsOnly } from '@/lib/orders/schemas';

// Inputs of the subscription detail page. A field left out (or empty) means
// "no change", so one Submit may carry any subset of the changes.
const blankToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const id = z.string().min(1).max(40);

export const versionField = z.coerce.number('errors.conflict').int('errors.conflict').min(1, 'errors.conflict');

export const subscriptionRef = z.object({ subscriptionId: id, version: versionField });
export type SubscriptionRef = z.input<typeof subscriptionRef>;

export const changeSubscriptionInput = z.object({
  subscriptionId: id,
  version: versionField,
  quantity: z.preprocess(
    (v) => digitsOnly(blankToUndefined(v)),
    z.coerce
      .number('subscriptionDetail.errors.quantityWhole')
      .int('subscriptionDetail.errors.quantityWhole')
      .optional(),
  ),
  /** An upgrade target; empty keeps the offer. */
  offerId: z.preprocess(blankToUndefined, id.optional()),
  /** The reseller credited (R8); the empty string clears it, a missing field keeps it. */
  resellerId: z.union([z.literal(''), id]).optional(),
  /** A typed MPN ID ("Indirect reseller not in the list?"); wins over resellerId. */
  resellerMpnId: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .regex(/^\d{6,7}$/, 'subscriptionDetail.errors.mpnFormat')
      .optional(),
  ),
  supportContactOrgId: z.preprocess(blankToUndefined, id.optional()),
});
export type ChangeSubscriptionInput = z.input<typeof changeSubscriptionInput>;

export const verifyMpnInput = z.object({
  subscriptionId: id,
  mpnId: z
    .string()
    .trim()
    .regex(/^\d{6,7}$/, 'subscriptionDetail.errors.mpnFormat'),
});

/** A helpdesk agent's Submit (R9): the designated support contact, nothing else. */
export const supportContactInput = changeSubscriptionInput.pick({
  subscriptionId: true,
  version: true,
  supportContactOrgId: true,
});

/** Verify as typed: the MPN ID's format is checked by `verifyResellerMpnId`, after the attempt is counted. */
export const verifyMpnRequest = z.object({ subscriptionId: z.string(), mpnId: z.string() });
