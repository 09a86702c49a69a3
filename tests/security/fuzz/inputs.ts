// Every input schema of the portal, found by the rule that
// tests/unit/schemas-in-place.test.ts enforces: each zod export of a
// lib/**/schemas.ts (no other module of lib/ may export one). The fuzz tests
// take the schemas from here, never from a hand-written list; FUZZ says how
// each one is fuzzed, and a schema the rule finds with no entry in FUZZ fails
// schemas.test.ts, so a new schema cannot escape the fuzz tests.
import { z } from 'zod';

const modules = import.meta.glob<Record<string, unknown>>('/lib/**/schemas.ts', { eager: true });

/** `[<file>#<export>, schema]` for every zod export (any flavour) of every schemas.ts under lib/. */
export const INPUT_SCHEMAS: [string, z.core.$ZodType][] = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports).flatMap(([name, value]): [string, z.core.$ZodType][] =>
    value instanceof z.core.$ZodType ? [[`${file}#${name}`, value]] : [],
  ),
);

/**
 * search: a filter or cursor from a URL; whatever arrives, NUL (which
 * PostgreSQL text cannot hold) never comes out.
 * form: a form post or a call's input; its verb refuses what it cannot take.
 * field: one field's rule, composed into the inputs that name it.
 * answer: a Partner API answer the OpenAPI document describes; never parsed
 * from a client, it still takes any value without throwing.
 */
export type FuzzKind = 'search' | 'form' | 'field' | 'answer';

/**
 * The fuzz case of every input schema, by area (lib/<area>/schemas.ts) and
 * export: its kind for schemas.test.ts (every schema there takes random and
 * hostile values, and forged prototype keys), and beside it the verb-level
 * fuzz tests that run the verb parsing it.
 */
export const FUZZ: Record<string, Record<string, FuzzKind>> = {
  api: {
    customerPath: 'search', // api-matrix: every foreign id in the path
    subscriptionPath: 'search',
    pageQuery: 'search', // api-v1: limit and cursor
    customerListQuery: 'search', // api-matrix: foreign filters
    subscriptionListQuery: 'search',
    resellerListQuery: 'search',
    invitationPath: 'search',
    partnershipPath: 'search',
    requestPath: 'search',
    appPath: 'search',
    apiAppBody: 'form',
    endpointPath: 'search',
    deliveryPath: 'search',
    webhookEndpointBody: 'form',
    auditEventsQuery: 'search',
    incentivesQuery: 'search',
    invitationBody: 'form',
    relationshipRequestBody: 'form',
    createCustomerBody: 'form', // api-v1: bad bodies; api-matrix: foreign ids in the body
    updateCustomerBody: 'form',
    addSubscriptionsBody: 'form',
    subscriptionPatchBody: 'form',
    customerListItem: 'answer',
    customerAnswer: 'answer',
    placedOrderAnswer: 'answer',
    addedSubscriptionsAnswer: 'answer',
    subscriptionListItem: 'answer',
    subscriptionAnswer: 'answer',
    offerAnswer: 'answer',
    providerAnswer: 'answer',
    partnershipListItem: 'answer',
    invitationAnswer: 'answer',
    pendingInvitationItem: 'answer',
    doneAnswer: 'answer',
    providerPartnershipItem: 'answer',
    relationshipRequestAnswer: 'answer',
    auditEventItem: 'answer',
    incentiveItem: 'answer',
    apiAppItem: 'answer',
    apiAppSecretAnswer: 'answer',
    webhookEndpointItem: 'answer',
    webhookEndpointCreated: 'answer',
    webhookDeliveryItem: 'answer',
    deliveryAnswer: 'answer',
  },
  'api-apps': {
    createApiAppInput: 'form', // write-functions-accounts: Register an app
    apiAppInput: 'form', // write-functions-accounts: Rotate secret, Revoke
  },
  webhooks: {
    createWebhookEndpointInput: 'form', // write-functions-accounts: Add endpoint
    webhookEndpointInput: 'form', // write-functions-accounts: Send test event, Delete
    setWebhookEndpointEnabledInput: 'form', // write-functions-accounts: Disable, Enable
    webhookDeliveryInput: 'form', // write-functions-accounts: Resend
    findWebhookDeliveriesInput: 'form', // write-functions-accounts: the delivery log (a read through the same harness)
  },
  customers: {
    findCustomersInput: 'search', // read-functions: customers
    domainPrefixSchema: 'field', // read-functions: domain prefix check; adversarial-input: look-alikes
    customerDetailsInput: 'form', // the New customer form's first step (inside newCustomerOrderInput)
    updateCustomerDetailsInput: 'form', // write-functions: Edit customer; adversarial-forged
    findCustomerSubscriptionsInput: 'search', // read-functions: customer subscriptions
  },
  email: {
    findMailboxInput: 'search',
  },
  offers: {
    createOfferInput: 'form', // write-functions-accounts: New offer
    updateOfferInput: 'form',
    setOfferActiveInput: 'form',
  },
  orders: {
    domainCheckInput: 'form', // the Domain field as typed: isDomainPrefixAvailable then checks it
    quantitySchema: 'field', // adversarial-input: licence counts
    lineInput: 'field',
    linesInput: 'field',
    newCustomerOrderInput: 'form', // write-functions: New customer order; adversarial-input
    addSubscriptionsInput: 'form', // write-functions: Add subscriptions; adversarial-input
  },
  organizations: {
    mpnIdSchema: 'field',
    emailSchema: 'field',
    enrolResellerInput: 'form', // write-functions-accounts: enrolment
    setPartnerStatusInput: 'form', // write-functions-accounts: partner approve/suspend
    updateProviderProfileInput: 'form', // write-functions-accounts: provider profile
    findPartnersInput: 'search', // read-functions: partners
  },
  partnerships: {
    sendPartnershipRequestInput: 'form', // write-functions; adversarial-input: mail headers
    invitationIdInput: 'form', // write-functions: invitation Revoke
    respondInput: 'form', // adversarial-forged: altered tokens
    partnershipIdInput: 'form', // write-functions: Remove partnership
    findIndirectResellersInput: 'search', // read-functions: indirect resellers
  },
  relationships: {
    providerRequestInput: 'form', // write-functions: relationship request (provider)
    resellerRequestInput: 'form', // write-functions: relationship request (reseller)
    sendRelationshipRequestInput: 'form', // write-functions; adversarial-input: mail headers
    requestIdInput: 'form', // write-functions: relationship request Revoke
    respondRelationshipInput: 'form', // adversarial-forged: altered tokens
    removeDelegatedAdminInput: 'form', // write-functions: Remove delegated admin
    tenantOwnerInput: 'form', // write-functions: tenant owner
  },
  reports: {
    findResellerSubscriptionsInput: 'search', // read-functions: reseller subscriptions
    incentivesInput: 'search', // read-functions: incentives and its CSV
    findAuditEventsInput: 'search', // read-functions: audit log and its CSV
  },
  subscriptions: {
    versionField: 'field',
    subscriptionRef: 'form', // write-functions: suspend, reactivate, cancel
    changeSubscriptionInput: 'form', // write-functions: subscription Submit; adversarial-input
    verifyMpnInput: 'form',
    supportContactInput: 'form', // the helpdesk's Submit: a pick of changeSubscriptionInput
    verifyMpnRequest: 'form', // Verify as typed: verifyResellerMpnId then parses verifyMpnInput
  },
  'admin-relationships': {
    requestRelationshipInput: 'form', // adversarial cases in tests/integration/admin-relationships.int.test.ts
    relationshipInput: 'form',
    respondRelationshipInput: 'form',
    assignGroupInput: 'form', // tests/integration/delegated-access.int.test.ts: roles outside the relationship
  },
  groups: {
    createGroupInput: 'form', // write-functions-accounts: Create group
    groupInput: 'form',
    groupMemberInput: 'form', // write-functions-accounts: Add member / Remove
  },
  tenant: {
    tenantInput: 'form',
    findTenantUsersInput: 'form', // the page passes the signed-in tenant; q is a search text (NUL dropped)
    addTenantUserInput: 'form', // write-functions-accounts: a tenant's Add user
    tenantUserInput: 'form', // write-functions-accounts: Reset password
    setTenantUserEnabledInput: 'form',
    licenceInput: 'form', // write-functions-accounts: Assign / Take back
  },
  users: {
    newPasswordSchema: 'field',
    changePasswordInput: 'form', // write-functions-accounts: change password
    setLocaleInput: 'form',
    credentialsInput: 'form', // accounts: sign-in with hostile credentials and look-alike emails
    disableUserInput: 'form', // write-functions-accounts: disable a user; accounts: hostile ids
    newUserFields: 'field',
    addUserInput: 'form', // write-functions-accounts: Add user
    userIdInput: 'form', // write-functions-accounts: remove, resend, revoke
    changeRoleInput: 'form', // write-functions-accounts: Change role
    setUserEnabledInput: 'form', // write-functions-accounts: Disable / Enable
    findUsersInput: 'search',
    linkTokenSchema: 'field',
    setPasswordWithLinkInput: 'form', // write-functions-accounts: a mailed link's new password
    forgotPasswordInput: 'form', // write-functions-accounts: Forgot password?
  },
  mfa: {
    confirmTotpInput: 'form', // the authenticator app's Verify (tests/integration/mfa.int.test.ts: wrong codes)
    finishPasskeyInput: 'form', // Add a passkey: the browser's answer, verified by @simplewebauthn/server
    removePasskeyInput: 'form', // matrix: every foreign id
    setRequireMfaInput: 'form', // Require multi-factor sign-in: a checkbox
    resetUserFactorsInput: 'form', // matrix: every foreign id
  },
};

/** The area and export a schema's name (`/lib/<area>/schemas.ts#<export>`) stands for. */
export function areaAndExport(name: string): [string, string] {
  const [file = '', exported = ''] = name.split('#');
  return [file.replace(/^\/lib\//, '').replace(/\/schemas\.ts$/, ''), exported];
}

/** The fuzz kind of a schema the rule found; undefined when it has no fuzz case. */
export function fuzzKind(name: string): FuzzKind | undefined {
  const [area, exported] = areaAndExport(name);
  return Object.hasOwn(FUZZ, area) && Object.hasOwn(FUZZ[area]!, exported) ? FUZZ[area]![exported] : undefined;
}

/** The field names of an object schema, looking through transforms, pipes, preprocessing and refinements. */
export function keysOf(schema: unknown, depth = 0): string[] {
  if (!schema || depth > 6) return [];
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def ?? {};
  for (const inner of [def.in, def.schema, def.innerType, def.out]) {
    const keys = keysOf(inner, depth + 1);
    if (keys.length) return keys;
  }
  return [];
}
