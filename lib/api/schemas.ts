import { z } from 'zod';
import { searchText } from '@/lib/validation/text';
import { findCustomersInput, updateCustomerDetailsInput } from '@/lib/customers/schemas';
import { addSubscriptionsInput, newCustomerOrderInput } from '@/lib/orders/schemas';
import { findResellerSubscriptionsInput } from '@/lib/reports/schemas';
import { changeSubscriptionInput } from '@/lib/subscriptions/schemas';

// The Partner API's own schemas: path parameters, list queries, and bodies
// made from the domain's input schemas (the same ones the portal's server
// actions parse with) minus what travels in headers (Idempotency-Key,
// If-Match) or the path; then the answers, which the OpenAPI document
// describes (lib/api/openapi.ts).

/** An id in a path: anything else is not found (read-request.ts). */
const pathId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/);

export const customerPath = z.object({ customerId: pathId });
export const subscriptionPath = z.object({ subscriptionId: pathId });

/** `limit` (1–200, 50 by default) and the opaque `cursor` of a `next` link. */
export const pageQuery = z.object({
  limit: z.coerce.number('errors.invalidValue').int('errors.invalidValue').min(1).max(200).default(50),
  cursor: searchText(300),
});

export const customerListQuery = pageQuery.extend(findCustomersInput.pick({ q: true, reseller: true }).shape);

export const subscriptionListQuery = pageQuery.extend(
  findResellerSubscriptionsInput.pick({ relation: true, status: true, q: true }).shape,
);

/** A new customer with its first order (F3); Idempotency-Key travels as a header. */
export const createCustomerBody = newCustomerOrderInput.omit({ idempotencyKey: true });

/** Account info to change: any subset; the rest stays as it is. */
export const updateCustomerBody = updateCustomerDetailsInput.omit({ customerId: true, version: true }).partial();

/** Subscriptions added to a customer (F4). */
export const addSubscriptionsBody = addSubscriptionsInput.omit({ customerId: true, idempotencyKey: true });

/** Licences, upgrade, reseller credited, support contact, or the status: one PATCH, one version. */
export const subscriptionPatchBody = changeSubscriptionInput
  .omit({ subscriptionId: true, version: true })
  .extend({ status: z.enum(['active', 'suspended', 'cancelled'], 'errors.invalidValue').optional() });

// ---- Answers ----

const party = z.object({ id: z.string(), legalName: z.string(), mpnId: z.string().nullable() });
const when = z.iso.datetime({ offset: true });

export const customerListItem = z.object({
  id: z.string(),
  companyName: z.string(),
  tenantDomain: z.string(),
  createdAt: when,
  provider: z.object({ id: z.string(), legalName: z.string() }),
  managingReseller: party.nullable(),
});

export const customerAnswer = z.object({
  id: z.string(),
  companyName: z.string(),
  domainPrefix: z.string(),
  tenantDomain: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string(),
  country: z.string(),
  contactFirstName: z.string(),
  contactLastName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string().nullable(),
  language: z.string(),
  createdAt: when,
  updatedAt: when,
  provider: party,
  managingReseller: party.nullable(),
});

export const placedOrderAnswer = z.object({
  customerId: z.string(),
  orderId: z.string(),
  adminEmail: z.string(),
  /** Shown once, to the first answer only (R6); null on a replay. */
  temporaryPassword: z.string().nullable(),
});

export const addedSubscriptionsAnswer = z.object({ orderId: z.string(), subscriptionIds: z.array(z.string()) });

const status = z.enum(['ACTIVE', 'SUSPENDED', 'CANCELLED']);

export const subscriptionListItem = z.object({
  id: z.string(),
  customerId: z.string(),
  offerName: z.string(),
  quantity: z.number().int(),
  status,
  reseller: z.object({ legalName: z.string(), mpnId: z.string().nullable() }).nullable(),
  supportContact: z.object({ legalName: z.string() }),
});

export const subscriptionAnswer = z.object({
  id: z.string(),
  customerId: z.string(),
  offer: z.object({ id: z.string(), name: z.string(), sku: z.string() }),
  quantity: z.number().int(),
  status,
  billingFrequency: z.string(),
  termStartedAt: when,
  createdAt: when,
  /** Licences may be reduced, and the subscription cancelled, until then (R7). */
  changeWindowEndsAt: when,
  reseller: party.nullable(),
  supportContact: party,
});

export const offerAnswer = z.object({
  id: z.string(),
  name: z.string(),
  sku: z.string(),
  minQuantity: z.number().int(),
  maxQuantity: z.number().int(),
  isAzurePlan: z.boolean(),
});

export const providerAnswer = z.object({
  id: z.string(),
  legalName: z.string(),
  mpnId: z.string().nullable(),
  website: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  countries: z.array(z.string()),
});
