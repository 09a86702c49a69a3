import { z } from 'zod';
import { createApiAppInput } from '@/lib/api-apps/schemas';
import { createWebhookEndpointInput } from '@/lib/webhooks/schemas';
import { searchText } from '@/lib/validation/text';
import { findCustomersInput, updateCustomerDetailsInput } from '@/lib/customers/schemas';
import { addSubscriptionsInput, newCustomerOrderInput } from '@/lib/orders/schemas';
import { findIndirectResellersInput, sendPartnershipRequestInput } from '@/lib/partnerships/schemas';
import { findAuditEventsInput, findResellerSubscriptionsInput, incentivesInput } from '@/lib/reports/schemas';
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
export const invitationPath = z.object({ invitationId: pathId });
export const partnershipPath = z.object({ partnershipId: pathId });
export const requestPath = z.object({ requestId: pathId });
export const appPath = z.object({ appId: pathId });
export const endpointPath = z.object({ endpointId: pathId });
export const deliveryPath = z.object({ deliveryId: pathId });

/** `limit` (1–200, 50 by default) and the opaque `cursor` of a `next` link. */
export const pageQuery = z.object({
  limit: z.coerce.number('errors.invalidValue').int('errors.invalidValue').min(1).max(200).default(50),
  cursor: searchText(300),
});

export const customerListQuery = pageQuery.extend(findCustomersInput.pick({ q: true, reseller: true }).shape);

export const subscriptionListQuery = pageQuery.extend(
  findResellerSubscriptionsInput.pick({ relation: true, status: true, q: true }).shape,
);

export const resellerListQuery = pageQuery.extend(findIndirectResellersInput.pick({ q: true }).shape);

export const auditEventsQuery = pageQuery.extend(
  findAuditEventsInput.pick({ actor: true, action: true, targetType: true, targetId: true, from: true, to: true })
    .shape,
);

/** The incentives report's pages have a fixed size (its rows are periods, grouped by reseller). */
export const incentivesQuery = incentivesInput
  .pick({ month: true, reseller: true, mpn: true })
  .extend({ cursor: searchText(300) });

/** A partnership invitation (F1); with `resellerEmail` it is also sent, with the default message. */
export const invitationBody = sendPartnershipRequestInput.pick({ resellerEmail: true });

/**
 * A reseller relationship request (F6, R12): a provider names its customer and reseller; a reseller names
 * one of its providers and the customer's tenant domain. `send` (default) mails it to the customer's admin.
 */
export const relationshipRequestBody = z.object({
  customerId: pathId.optional(),
  resellerId: pathId.optional(),
  providerId: pathId.optional(),
  tenantDomain: z.string().max(120).optional(),
  includeDelegatedAdmin: z.boolean('errors.invalidValue').default(false),
  send: z.boolean('errors.invalidValue').default(true),
});

/** An API app registered through the API: a name and scopes, never more than the calling token holds. */
export const apiAppBody = createApiAppInput;

/** A webhook endpoint: an https URL and the events wanted (decision 0059). */
export const webhookEndpointBody = createWebhookEndpointInput;

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

export const partnershipListItem = z.object({
  id: z.string(),
  state: z.enum(['ACTIVE', 'ENDED']),
  startedAt: when,
  endedAt: when.nullable(),
  reseller: z.object({
    id: z.string(),
    legalName: z.string(),
    mpnId: z.string().nullable(),
    status: z.enum(['PENDING', 'ACTIVE', 'SUSPENDED']),
  }),
  /** Customers the reseller manages for this provider. */
  customers: z.number().int(),
  /** Licences credited to the reseller. */
  licences: z.number().int(),
});

export const invitationAnswer = z.object({
  invitationId: z.string(),
  expiresAt: when,
  /** The personalised link, answered once and never stored. */
  link: z.string(),
  sent: z.boolean(),
});

export const pendingInvitationItem = z.object({
  id: z.string(),
  /** Null for a draft never sent (its link was given out another way). */
  resellerEmail: z.string().nullable(),
  createdAt: when,
  expiresAt: when,
  sentAt: when.nullable(),
});

export const doneAnswer = z.object({ id: z.string(), state: z.string() });

export const providerPartnershipItem = z.object({
  id: z.string(),
  state: z.enum(['ACTIVE', 'ENDED']),
  startedAt: when,
  endedAt: when.nullable(),
  provider: z.object({ id: z.string(), legalName: z.string(), mpnId: z.string().nullable() }),
});

export const relationshipRequestAnswer = z.object({
  requestId: z.string(),
  expiresAt: when,
  link: z.string(),
  recipientEmail: z.string(),
  sent: z.boolean(),
});

export const auditEventItem = z.object({
  id: z.string(),
  occurredAt: when,
  action: z.string(),
  outcome: z.enum(['OK', 'REFUSED']),
  targetType: z.string(),
  targetId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorOrg: z.string().nullable(),
  change: z.string(),
});

export const incentiveItem = z.object({
  resellerId: z.string(),
  resellerName: z.string(),
  resellerMpnId: z.string().nullable(),
  providerName: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  subscriptionId: z.string(),
  offerName: z.string(),
  quantity: z.number().int(),
  unitPriceMinor: z.number().int(),
  currency: z.string(),
  incentiveRateBps: z.number().int(),
  from: when,
  to: when,
  days: z.number(),
  earnedMinor: z.number(),
});

export const apiAppItem = z.object({
  id: z.string(),
  name: z.string(),
  clientId: z.string(),
  scopes: z.array(z.string()),
  createdAt: when,
  secretRotatedAt: when.nullable(),
  revokedAt: when.nullable(),
  lastUsedAt: when.nullable(),
  createdBy: z.object({ name: z.string(), email: z.string() }),
});

/** The client secret, answered once. */
export const apiAppSecretAnswer = z.object({
  appId: z.string(),
  clientId: z.string().optional(),
  clientSecret: z.string(),
});

export const webhookEndpointItem = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  disabledReason: z.string().nullable(),
  disabledAt: when.nullable(),
  createdAt: when,
});

/** The signing secret (`whsec_…`), answered once. */
export const webhookEndpointCreated = z.object({ endpointId: z.string(), secret: z.string() });

export const webhookDeliveryItem = z.object({
  id: z.string(),
  /** The `webhook-id` header: a retry or a Resend carries the same one. */
  messageId: z.string(),
  eventType: z.string(),
  state: z.enum(['PENDING', 'SUCCEEDED', 'FAILED']),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** At most 1 KB of the answer. */
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: when,
  lastAttemptAt: when.nullable(),
  nextAttemptAt: when.nullable(),
});

export const deliveryAnswer = z.object({ deliveryId: z.string() });
