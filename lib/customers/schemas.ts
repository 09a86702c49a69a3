import { z } from 'zod';
import { searchText } from '@/lib/validation/text';
import { COUNTRY_CODES, emailSchema } from '@/lib/organizations/schemas';
import { LOCALES } from '@/lib/users/schemas';

export const PAGE_SIZE = 50;
/**
 * Totals above this show as "more than 1,000": counting stops there, so a
 * total never scans a provider's whole customer base.
 */
export const COUNT_CAP = 1000;

export const findCustomersInput = z.object({
  /** Filter: managing indirect reseller (organisation id, or its MPN ID as typed in the filter field). */
  reseller: searchText(40),
  /** Search anywhere in the company name or the tenant domain. */
  q: searchText(100),
  /** Keyset cursor: the id of the last customer on the previous page. */
  after: searchText(40),
  /** Keyset cursor backwards: the id of the first customer on the next page. */
  before: searchText(40),
  /** "1": the last page (anything else is ignored). */
  last: searchText(1),
});
export type FindCustomersInput = z.infer<typeof findCustomersInput>;

// A customer's account details, typed in the New customer form (F3, the first
// step of a new-customer order, lib/orders/schemas.ts) and in Edit customer.
// Every message is a key of the `orders` catalog (or a shared `errors.*` /
// `enrol.errors.*` key).

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

/** Account info a partner may change; the tenant domain is fixed at creation. */
export const updateCustomerDetailsInput = customerDetailsInput.omit({ domainPrefix: true }).extend({
  customerId: z.string().min(1).max(40),
  /** The updatedAt the form was read at (optimistic locking). */
  version: z.iso.datetime('errors.conflict'),
});
export type UpdateCustomerDetailsInput = z.input<typeof updateCustomerDetailsInput>;

/** Keyset cursor of a customer's subscriptions: `<createdAt ms>.<id>` of the last one on the previous page. */
export const CUSTOMER_SUBSCRIPTIONS_CURSOR = /^(\d{1,15})\.([A-Za-z0-9_-]{1,40})$/;

export const findCustomerSubscriptionsInput = z.object({
  /** Keyset cursor: `<createdAt ms>.<id>` of the last subscription on the previous page. */
  after: z
    .preprocess((v) => (v === '' ? undefined : v), z.string().regex(CUSTOMER_SUBSCRIPTIONS_CURSOR).optional())
    .catch(undefined),
});
export type FindCustomerSubscriptionsInput = z.input<typeof findCustomerSubscriptionsInput>;
