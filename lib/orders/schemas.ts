import { z } from 'zod';
import { customerDetailsInput } from '@/lib/customers/schemas';

// Inputs of the order verbs. Every message is a key of the `orders` catalog
// (or a shared `errors.*` key). A new customer's details are the customer's
// own fields (lib/customers/schemas.ts); the order adds its lines and parties.

/** An optional text field: empty or missing is undefined. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    schema.optional(),
  );
}

const id = z.string().trim().min(1, 'errors.required').max(40, 'errors.invalidValue');

/** Whole, positive licence counts; the offer's own min and max are checked by validateLines (R7). */
/** Typed licence counts are digits only: "0x10", "1e3" or "Infinity" are not read as numbers. */
export const digitsOnly = (v: unknown) => (typeof v === 'string' && !/^\s*\d+\s*$/.test(v) ? Number.NaN : v);

export const quantitySchema = z.preprocess(
  digitsOnly,
  z.coerce
    .number('orders.errors.quantityWhole')
    .int('orders.errors.quantityWhole')
    .positive('orders.errors.quantityWhole'),
);

export const lineInput = z.object({ offerId: id, quantity: quantitySchema });

/** Lines arrive as a list, or as one JSON text (a hidden field of the review page). */
export const linesInput = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    try {
      return JSON.parse(v);
    } catch {
      return v;
    }
  },
  z.array(lineInput, 'orders.errors.noLines').min(1, 'orders.errors.noLines').max(50, 'orders.errors.tooManyLines'),
);

const idempotencyKey = z.uuid('orders.errors.idempotencyKey');

export const newCustomerOrderInput = customerDetailsInput.extend({
  lines: linesInput,
  idempotencyKey,
  /** Provider: the reseller the customer is for (optional). Reseller: itself or omitted. */
  resellerId: optional(id),
  /** Reseller: which of its active providers transacts (required). Provider: omitted or its own id. */
  providerId: optional(id),
});
export type NewCustomerOrderInput = z.input<typeof newCustomerOrderInput>;

export const addSubscriptionsInput = z.object({
  customerId: id,
  idempotencyKey,
  /** Reseller (MPN ID) credited; default: the customer's managing reseller. */
  resellerId: optional(id),
  lines: linesInput,
});
export type AddSubscriptionsInput = z.input<typeof addSubscriptionsInput>;

/** The Domain field as it is typed: checked and looked up by `isDomainPrefixAvailable`. */
export const domainCheckInput = z.object({ domainPrefix: z.string().max(100) });
