import { z } from 'zod';
import { COUNTRY_CODES, emailSchema } from '@/lib/organizations/schemas';
import { LOCALES } from '@/lib/users/schemas';

// Inputs of the order verbs. Every message is a key of the `orders` catalog
// (or a shared `errors.*` / `enrol.errors.*` key).

const COUNTRIES = new Set(COUNTRY_CODES);

/** SPEC §2: 3–27 chars of a–z and 0–9, starting with a letter; stored lower-cased. */
export const domainPrefixSchema = z
  .string('errors.required')
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9]{2,26}$/, 'orders.errors.domainPrefix');

const text = (max: number) =>
  z.string('errors.required').trim().min(1, 'errors.required').max(max, 'orders.errors.tooLong');

/** An optional text field: empty or missing is undefined. */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(
    (v) => (v === null || (typeof v === 'string' && v.trim() === '') ? undefined : v),
    schema.optional(),
  );
}

const id = z.string().trim().min(1, 'errors.required').max(40, 'errors.invalidValue');

/** The New customer form (F3), its labels in the issue. */
export const customerDetailsInput = z.object({
  companyName: text(200),
  domainPrefix: domainPrefixSchema,
  addressLine1: text(200),
  addressLine2: optional(text(200)),
  city: text(100),
  region: optional(text(100)),
  postalCode: text(20),
  country: z
    .string('errors.required')
    .trim()
    .toUpperCase()
    .refine((c) => COUNTRIES.has(c), 'orders.errors.country'),
  contactFirstName: text(100),
  contactLastName: text(100),
  contactEmail: emailSchema,
  contactPhone: optional(
    z
      .string()
      .trim()
      .regex(/^\+?[0-9][0-9 ()./-]{3,30}$/, 'orders.errors.phone'),
  ),
  language: z.enum(LOCALES, 'orders.errors.language'),
});
export type CustomerDetailsInput = z.input<typeof customerDetailsInput>;

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
