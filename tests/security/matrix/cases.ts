// How the matrix calls each domain function that a page, route or server
// action uses (the inventory finds them; a function without a case here fails
// the matrix by name). Every id-taking case is called with every resource of
// the other channel; every case is also called on our own records to check
// that what ROLE_PERMISSIONS grants still works.
import { randomUUID } from 'node:crypto';
import type { Ctx, Audience } from '@/lib/authz/context';
import { audienceOf } from '@/lib/authz/context';
import { can, type Permission } from '@/lib/authz/policy';
import { exportAuditEventsCsv, exportIncentivesCsv } from '@/lib/reports/export-reports';
import { findAuditEvents } from '@/lib/reports/find-audit-events';
import { getCustomer, getCustomerWithRequests } from '@/lib/customers/get-customer';
import { findCustomerSubscriptions } from '@/lib/customers/find-customer-subscriptions';
import { findCustomers } from '@/lib/customers/find-customers';
import { getTenantOverview } from '@/lib/customers/get-tenant-overview';
import { listCreditableResellers } from '@/lib/orders/list-creditable-resellers';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import { findResellerFilter, listResellerOptions } from '@/lib/partnerships/list-reseller-options';
import {
  findCustomerRequests,
  findResellerRequests,
  listRequestProviders,
} from '@/lib/relationships/find-customer-requests';
import { findPurchasableOffers } from '@/lib/offers/find-purchasable-offers';
import { findIndirectProviders } from '@/lib/partnerships/find-indirect-providers';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { findPendingInvitations, findReceivedInvitations } from '@/lib/partnerships/find-invitations';
import { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';
import { listIncentiveResellers } from '@/lib/reports/incentives/list-incentive-resellers';
import { previewRemovePartnership, removePartnership } from '@/lib/partnerships/remove-partnership';
import { findMailbox } from '@/lib/email/find-mailbox';
import { findOffers } from '@/lib/offers/find-offers';
import { getOffer } from '@/lib/offers/get-offer';
import { createOffer } from '@/lib/offers/create-offer';
import { updateOffer } from '@/lib/offers/update-offer';
import { setOfferActive } from '@/lib/offers/set-offer-active';
import { getHomeSummary } from '@/lib/organizations/get-home-summary';
import { getPartnerRelationships } from '@/lib/relationships/get-partner-relationships';
import { getProviderProfile } from '@/lib/organizations/get-provider-profile';
import { updateProviderProfile } from '@/lib/organizations/update-provider-profile';
import { findPartners } from '@/lib/organizations/find-partners';
import { setPartnerStatus } from '@/lib/organizations/set-partner-status';
import { findPublicProviders } from '@/lib/organizations/find-public-providers';
import { getSubscriptionDetail } from '@/lib/subscriptions/get-subscription-detail';
import { findResellerSubscriptions } from '@/lib/reports/find-reseller-subscriptions';
import { viewInvitation, respondToInvitation } from '@/lib/partnerships/respond-to-invitation';
import {
  viewRelationshipRequest,
  respondToRelationshipRequest,
} from '@/lib/relationships/respond-to-relationship-request';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { isDomainPrefixAvailable } from '@/lib/orders/is-domain-available';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import { revokeRelationshipRequest } from '@/lib/relationships/revoke-relationship-request';
import { setTenantOwner } from '@/lib/relationships/set-tenant-owner';
import { removeDelegatedAdmin } from '@/lib/relationships/remove-delegated-admin';
import { invitationLink, startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { requestLink } from '@/lib/relationships/link';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';
import { resendInvitation, revokeInvitation } from '@/lib/partnerships/manage-invitation';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { verifyResellerMpnId } from '@/lib/subscriptions/verify-reseller-mpn-id';
import { cancelSubscription, reactivateSubscription, suspendSubscription } from '@/lib/subscriptions/change-status';
import { setLocale } from '@/lib/users/set-locale';
import { endSessions } from '@/lib/users/end-sessions';
import { makeOrg, makePartnership } from '../../factories';
import type { Side, World } from './world';

export type Case = {
  /** lib/<module>#<function>, as the inventory names it. */
  fn: string;
  /** A second way the same function is reached (e.g. the helpdesk's support-contact submit). */
  variant?: string;
  /**
   * id: called with each resource id of the other side, must be refused (or, with `clean`, return none of its data);
   * list: no id, the result must hold none of the other side's data; token: a link token of the other side;
   * self: acts only on the caller (nothing foreign to pass); public: no account involved.
   */
  kind: 'id' | 'list' | 'token' | 'self' | 'public';
  /** The grant in ROLE_PERMISSIONS that the own-organisation call needs. */
  grant: { permission: Permission | null; audiences: Audience[]; when?: (ctx: Ctx) => boolean };
  /** A filter: a foreign id gives an empty answer rather than an error; checked for the other side's data. */
  clean?: boolean;
  /** Vendor staff reads (or manages) every organisation's records by design: its foreign cells are not leaks. */
  vendorWide?: boolean;
  /** Outcomes besides NotFound/Refused that are not a leak for foreign input (see the case's comment). */
  foreignOk?: Outcome[];
  /** Data of the other side this answer shows by design (e.g. who sent a link, to whoever holds it). */
  exposes?: (w: World) => string[];
  /** A token link is a capability: these callers may use any link by design. */
  capability?: (ctx: Ctx) => boolean;
  call: (ctx: Ctx, id: string, side: Side, w: World) => Promise<unknown>;
  /** The own record to call with (id and token cases); null: this audience has none; undefined: not called on own data. */
  own?: (w: World, ctx: Ctx) => string | null | Promise<string | null>;
  /** The side passed with the own call (default: ours). Used by cases whose own call must not match (stale versions). */
  ownSide?: (w: World) => Side;
  /** Text the own result must contain when the grant holds (no over-blocking of lists). */
  ownMarker?: (w: World, ctx: Ctx) => string | null;
  /** The own call changes data: it runs after the no-write snapshot. */
  writes?: boolean;
};

export type Outcome =
  'ok' | 'NotFound' | 'Refused' | 'Forbidden' | 'Conflict' | 'Invalid' | 'Unauthenticated' | 'Error';

const PARTNERS: Audience[] = ['provider', 'reseller'];
const BASE = 'http://matrix.example';
const STALE = '2000-01-01T00:00:00.000Z';
const aud = (ctx: Ctx) => audienceOf(ctx);

/** Own ids by audience (null where the audience has no record of that kind). */
const ownFor = (map: Partial<Record<Audience, (w: World) => string>>) => (w: World, ctx: Ctx) =>
  map[aud(ctx)]?.(w) ?? null;

const customerDetails = (prefix: string) => ({
  companyName: `Matrix ${prefix}`,
  domainPrefix: prefix,
  addressLine1: '1 Main St',
  city: 'Seattle',
  postalCode: '98101',
  country: 'US',
  contactFirstName: 'Pat',
  contactLastName: 'Doe',
  contactEmail: 'pat@matrix.example',
  language: 'en' as const,
});
let counter = 0;
const prefix = () => `matrix${Date.now().toString(36)}${counter++}`;
const offerFields = {
  sku: 'MATRIX-NEW',
  name: 'Matrix offer',
  description: '',
  billingFrequency: 'MONTHLY',
  termMonths: '1',
  unitPrice: '5',
  currency: 'USD',
  minQuantity: '1',
  maxQuantity: '10',
  incentiveRate: '1',
  upgradeTargetIds: [] as string[],
};

export const CASES: Case[] = [
  // ---- pages and routes: data loaders ----
  {
    fn: 'lib/reports/export-reports#exportAuditEventsCsv',
    kind: 'id',
    clean: true,
    vendorWide: true,
    grant: { permission: 'audit.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => exportAuditEventsCsv(ctx, { targetId: id }, ['when', 'who', 'what'], (a) => a),
    own: (w) => w.ours.customer,
  },
  {
    fn: 'lib/reports/find-audit-events#findAuditEvents',
    kind: 'id',
    clean: true,
    vendorWide: true,
    grant: { permission: 'audit.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => findAuditEvents(ctx, { targetId: id }),
    own: (w) => w.ours.customer,
    ownMarker: (w) => w.ours.customer,
  },
  {
    fn: 'lib/reports/find-audit-events#findAuditEvents',
    variant: 'unfiltered',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'audit.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx) => findAuditEvents(ctx, {}),
  },
  {
    fn: 'lib/customers/get-customer#getCustomer',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'customers.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => getCustomer(ctx, id),
    own: (w) => w.ours.customer,
  },
  {
    fn: 'lib/customers/get-customer#getCustomerWithRequests',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'customers.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => getCustomerWithRequests(ctx, id),
    own: (w) => w.ours.customer,
  },
  {
    // A customer user's home: only its own tenant, whatever it holds.
    fn: 'lib/customers/get-tenant-overview#getTenantOverview',
    kind: 'list',
    grant: { permission: 'tenant.read', audiences: ['customer'] },
    call: (ctx) => getTenantOverview(ctx),
    ownMarker: (w) => w.ours.customer,
  },
  {
    // Add subscription under an expanded customer row: the resellers it may credit.
    fn: 'lib/orders/list-creditable-resellers#listCreditableResellers',
    kind: 'id',
    grant: { permission: 'orders.write', audiences: PARTNERS },
    call: (ctx, id) => listCreditableResellers(ctx, id),
    own: (w) => w.ours.customer,
  },
  {
    fn: 'lib/customers/find-customer-subscriptions#findCustomerSubscriptions',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'customers.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => findCustomerSubscriptions(ctx, id),
    own: (w) => w.ours.customer,
    ownMarker: (w) => w.ours.subscription,
  },
  {
    fn: 'lib/partnerships/list-reseller-options#listResellerOptions',
    kind: 'list',
    grant: { permission: 'customers.read', audiences: ['provider'] },
    call: (ctx) => listResellerOptions(ctx),
    ownMarker: (w) => w.ours.resellerId,
  },
  {
    fn: 'lib/partnerships/list-reseller-options#findResellerFilter',
    kind: 'list',
    grant: { permission: 'partnerships.read', audiences: ['provider'] },
    call: (ctx) => findResellerFilter(ctx),
    ownMarker: (w) => w.ours.resellerId,
  },
  {
    fn: 'lib/partnerships/list-reseller-options#findResellerFilter',
    variant: 'selected',
    kind: 'id',
    clean: true,
    grant: { permission: 'partnerships.read', audiences: ['provider'] },
    call: (ctx, id) => findResellerFilter(ctx, id),
  },
  {
    fn: 'lib/relationships/find-customer-requests#findCustomerRequests',
    kind: 'id',
    clean: true,
    vendorWide: true,
    grant: { permission: 'customers.read', audiences: ['provider'] },
    call: (ctx, id) => findCustomerRequests(ctx, id),
    own: ownFor({ provider: (w) => w.ours.customer }),
    ownMarker: (w) => w.ours.relationshipRequest,
  },
  {
    fn: 'lib/offers/find-purchasable-offers#findPurchasableOffers',
    kind: 'list',
    grant: { permission: 'orders.write', audiences: PARTNERS },
    call: (ctx) => findPurchasableOffers(ctx),
  },
  {
    fn: 'lib/partnerships/find-indirect-providers#findIndirectProviders',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'partnerships.read', audiences: ['reseller'] },
    call: (ctx) => findIndirectProviders(ctx),
    ownMarker: (w, ctx) => (aud(ctx) === 'reseller' ? w.ours.providerId : null),
  },
  {
    fn: 'lib/customers/find-customers#findCustomers',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'customers.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx) => findCustomers(ctx, {}),
    ownMarker: (w) => w.ours.customer,
  },
  {
    fn: 'lib/customers/find-customers#findCustomers',
    variant: 'reseller filter',
    kind: 'id',
    clean: true,
    vendorWide: true,
    grant: { permission: 'customers.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => findCustomers(ctx, { reseller: id }),
  },
  {
    // As the Customers page asks: its reseller filter (options, the reseller filtered by) in the same statement.
    fn: 'lib/customers/find-customers#findCustomers',
    variant: 'with the reseller filter',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'customers.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx) => findCustomers(ctx, {}, { filter: true }),
    ownMarker: (w) => w.ours.customer,
  },
  {
    fn: 'lib/customers/find-customers#findCustomers',
    variant: 'reseller filter, with the filter',
    kind: 'id',
    clean: true,
    vendorWide: true,
    grant: { permission: 'customers.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => findCustomers(ctx, { reseller: id }, { filter: true }),
  },
  {
    // A foreign customer id as a paging cursor must not place the page by that customer's name.
    fn: 'lib/customers/find-customers#findCustomers',
    variant: 'cursor after',
    kind: 'id',
    clean: true,
    vendorWide: true,
    grant: { permission: 'customers.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => findCustomers(ctx, { after: id }),
  },
  {
    fn: 'lib/customers/find-customers#findCustomers',
    variant: 'cursor before',
    kind: 'id',
    clean: true,
    vendorWide: true,
    grant: { permission: 'customers.read', audiences: ['vendor', ...PARTNERS] },
    call: (ctx, id) => findCustomers(ctx, { before: id }),
  },
  {
    fn: 'lib/relationships/find-customer-requests#findResellerRequests',
    kind: 'list',
    grant: { permission: 'partnerships.read', audiences: ['reseller'] },
    call: (ctx) => findResellerRequests(ctx),
  },
  {
    fn: 'lib/relationships/find-customer-requests#listRequestProviders',
    kind: 'list',
    grant: { permission: 'partnerships.read', audiences: ['reseller'] },
    call: (ctx) => listRequestProviders(ctx),
  },
  {
    fn: 'lib/reports/export-reports#exportIncentivesCsv',
    kind: 'id',
    clean: true,
    grant: { permission: 'incentives.read', audiences: PARTNERS },
    call: (ctx, id) => exportIncentivesCsv(ctx, { reseller: id }, ['reseller']),
    own: ownFor({ provider: (w) => w.ours.resellerId, reseller: (w) => w.ours.resellerId }),
  },
  {
    fn: 'lib/reports/incentives/get-incentives-report#getIncentivesReport',
    kind: 'id',
    clean: true,
    grant: { permission: 'incentives.read', audiences: PARTNERS },
    call: (ctx, id) => getIncentivesReport(ctx, { reseller: id }),
    own: ownFor({ provider: (w) => w.ours.resellerId, reseller: (w) => w.ours.resellerId }),
    ownMarker: (w) => w.ours.resellerId,
  },
  {
    fn: 'lib/reports/incentives/list-incentive-resellers#listIncentiveResellers',
    kind: 'list',
    grant: { permission: 'incentives.read', audiences: ['provider'] },
    call: (ctx) => listIncentiveResellers(ctx),
    ownMarker: (w) => w.ours.resellerId,
  },
  {
    fn: 'lib/partnerships/find-invitations#findReceivedInvitations',
    kind: 'list',
    grant: { permission: 'partnerships.read', audiences: ['reseller'] },
    call: (ctx) => findReceivedInvitations(ctx),
  },
  {
    fn: 'lib/partnerships/remove-partnership#previewRemovePartnership',
    kind: 'id',
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id) => previewRemovePartnership(ctx, { partnershipId: id }),
    own: (w) => w.ours.partnership,
  },
  {
    // A reseller calling it sees only its own partnerships (the page is the provider's): another reseller of ours must not show.
    fn: 'lib/partnerships/find-indirect-resellers#findIndirectResellers',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'partnerships.read', audiences: ['provider'] },
    call: (ctx) => findIndirectResellers(ctx),
    ownMarker: (w) => w.ours.tailspinId,
  },
  {
    // As the Indirect resellers page asks: the pending invitations in the list's statement.
    fn: 'lib/partnerships/find-indirect-resellers#findIndirectResellers',
    variant: 'with the pending invitations',
    kind: 'list',
    grant: { permission: 'partnerships.read', audiences: ['provider'] },
    call: (ctx) => findIndirectResellers(ctx, {}, { invitations: true }),
    ownMarker: (w) => w.ours.invitation,
  },
  {
    fn: 'lib/partnerships/find-invitations#findPendingInvitations',
    kind: 'list',
    grant: { permission: 'partnerships.read', audiences: ['provider'] },
    call: (ctx) => findPendingInvitations(ctx),
    ownMarker: (w) => w.ours.invitation,
  },
  {
    // The mailbox is the vendor's view of every outgoing mail (no SMTP in the demo).
    fn: 'lib/email/find-mailbox#findMailbox',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'mailbox.read', audiences: ['vendor'] },
    call: (ctx) => findMailbox(ctx, {}),
  },
  {
    // The offer catalog is the vendor's and shared by every partner: no foreign data in it.
    fn: 'lib/offers/find-offers#findOffers',
    kind: 'list',
    grant: { permission: 'offers.manage', audiences: ['vendor'] },
    call: (ctx) => findOffers(ctx),
  },
  {
    fn: 'lib/offers/get-offer#getOffer',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'offers.manage', audiences: ['vendor'] },
    call: (ctx, id) => getOffer(ctx, id),
    own: (w) => w.ours.offer,
  },
  {
    fn: 'lib/organizations/get-home-summary#getHomeSummary',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'home.read', audiences: ['vendor', ...PARTNERS, 'customer'] },
    call: (ctx) => getHomeSummary(ctx),
  },
  {
    fn: 'lib/relationships/get-partner-relationships#getPartnerRelationships',
    kind: 'list',
    grant: { permission: 'tenant.read', audiences: ['customer'] },
    call: (ctx) => getPartnerRelationships(ctx),
    ownMarker: (w) => w.ours.resellerId,
  },
  {
    fn: 'lib/organizations/get-provider-profile#getProviderProfile',
    kind: 'id',
    vendorWide: true,
    grant: {
      permission: null,
      audiences: ['vendor', 'provider'],
      when: (ctx) => aud(ctx) !== 'vendor' || can(ctx, 'partners.read'),
    },
    call: (ctx, id) => getProviderProfile(ctx, id),
    own: (w) => w.ours.providerProfile,
  },
  {
    fn: 'lib/organizations/find-partners#findPartners',
    kind: 'list',
    vendorWide: true,
    grant: { permission: 'partners.read', audiences: ['vendor'] },
    call: (ctx) => findPartners(ctx),
    ownMarker: (w) => w.ours.providerId,
  },
  {
    fn: 'lib/subscriptions/get-subscription-detail#getSubscriptionDetail',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'subscriptions.read', audiences: ['vendor', ...PARTNERS, 'customer'] },
    call: (ctx, id) => getSubscriptionDetail(ctx, id),
    own: (w) => w.ours.subscription,
  },
  {
    fn: 'lib/reports/find-reseller-subscriptions#findResellerSubscriptions',
    kind: 'list',
    grant: { permission: 'subscriptions.read', audiences: ['reseller'] },
    call: (ctx) => findResellerSubscriptions(ctx, {}),
    ownMarker: (w, ctx) => (aud(ctx) === 'reseller' ? w.ours.subscription : null),
  },
  {
    // Find a provider: the public directory of providers, by design open to everyone.
    fn: 'lib/organizations/find-public-providers#findPublicProviders',
    kind: 'public',
    grant: { permission: null, audiences: [] },
    call: () => findPublicProviders(),
  },
  {
    // An invitation link shows who invites to whoever holds it (it is sent to a reseller not yet in the portal).
    fn: 'lib/partnerships/respond-to-invitation#viewInvitation',
    kind: 'token',
    capability: () => true,
    grant: { permission: null, audiences: [] },
    call: (ctx, token) => viewInvitation(ctx, token),
  },
  {
    // A relationship link names its provider and reseller to whoever holds it; the customer only to that customer's admin.
    fn: 'lib/relationships/respond-to-relationship-request#viewRelationshipRequest',
    kind: 'token',
    clean: true,
    exposes: (w) => [w.theirs.providerId, w.theirs.resellerId, 'Contoso Matrix', 'Litware Matrix'],
    grant: { permission: null, audiences: [] },
    call: (ctx, token) => viewRelationshipRequest(ctx, token),
  },

  // ---- server actions: the domain function each one calls ----
  {
    fn: 'lib/customers/update-customer-details#updateCustomerDetails',
    kind: 'id',
    grant: { permission: 'customers.write', audiences: PARTNERS },
    call: (ctx, id, side) =>
      updateCustomerDetails(ctx, {
        customerId: id,
        version: side.customerVersion,
        ...customerDetails('matrixchanged'),
        companyName: 'Matrix changed',
      }),
    own: (w) => w.ours.customer,
    ownSide: (w) => ({ ...w.ours, customerVersion: STALE }),
  },
  {
    fn: 'lib/orders/add-subscriptions#addSubscriptions',
    kind: 'id',
    writes: true,
    grant: { permission: 'orders.write', audiences: PARTNERS },
    call: (ctx, id, _side, w) =>
      addSubscriptions(ctx, {
        customerId: id,
        idempotencyKey: randomUUID(),
        lines: [{ offerId: w.ours.offer, quantity: 1 }],
      }),
    own: (w) => w.ours.customer,
  },
  {
    fn: 'lib/orders/is-domain-available#isDomainPrefixAvailable',
    kind: 'self',
    grant: { permission: 'customers.write', audiences: PARTNERS },
    call: (ctx) => isDomainPrefixAvailable(ctx, prefix()),
  },
  {
    // A provider names the other channel's reseller; a reseller names the other channel's provider.
    fn: 'lib/orders/place-new-customer-order#placeNewCustomerOrder',
    kind: 'id',
    writes: true,
    grant: { permission: 'orders.write', audiences: PARTNERS },
    call: (ctx, id, _side, w) =>
      placeNewCustomerOrder(ctx, {
        ...customerDetails(prefix()),
        idempotencyKey: randomUUID(),
        lines: [{ offerId: w.ours.offer, quantity: 1 }],
        baseUrl: BASE,
        ...(aud(ctx) === 'reseller' ? { providerId: id } : { resellerId: id }),
      }),
    own: ownFor({ provider: (w) => w.ours.resellerId, reseller: (w) => w.ours.providerId }),
  },
  {
    // A reseller naming a provider it is not partnered with gets a field message (Invalid), as for an unknown one.
    fn: 'lib/relationships/start-relationship-request#startRelationshipRequest',
    kind: 'id',
    writes: true,
    foreignOk: ['Invalid'],
    grant: { permission: 'partnerships.write', audiences: PARTNERS },
    call: (ctx, id, _side, w) =>
      startRelationshipRequest(
        ctx,
        aud(ctx) === 'reseller'
          ? { providerId: id, tenantDomain: w.ours.tenantDomain }
          : { customerId: id, resellerId: w.ours.tailspinId },
        { baseUrl: BASE },
      ),
    own: ownFor({ provider: (w) => w.ours.customer, reseller: (w) => w.ours.providerId }),
  },
  {
    fn: 'lib/relationships/send-relationship-request#sendRelationshipRequest',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id, side) =>
      sendRelationshipRequest(ctx, {
        requestId: id,
        subject: 'Matrix',
        body: `Matrix ${requestLink(BASE, side.requestToken)}`,
        recipientEmail: 'it@matrix.example',
      }),
    own: ownFor({ provider: (w) => w.ours.relationshipRequest }),
  },
  {
    fn: 'lib/relationships/revoke-relationship-request#revokeRelationshipRequest',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id) => revokeRelationshipRequest(ctx, { requestId: id }),
    own: ownFor({ provider: (w) => w.ours.relationshipRequest }),
  },
  {
    fn: 'lib/relationships/set-tenant-owner#setTenantOwner',
    kind: 'id',
    writes: true,
    grant: {
      permission: null,
      audiences: ['provider', 'customer'],
      when: (ctx) => can(ctx, aud(ctx) === 'provider' ? 'customers.write' : 'tenant.manage'),
    },
    call: (ctx, id, side) => setTenantOwner(ctx, { customerId: id, resellerId: side.resellerId, grant: 'false' }),
    own: ownFor({ provider: (w) => w.ours.customer, customer: (w) => w.ours.customer }),
  },
  {
    fn: 'lib/partnerships/start-partnership-request#startPartnershipRequest',
    kind: 'self',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx) => startPartnershipRequest(ctx, { baseUrl: BASE }),
  },
  {
    fn: 'lib/partnerships/send-partnership-request#sendPartnershipRequest',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id, side) =>
      sendPartnershipRequest(ctx, {
        invitationId: id,
        subject: 'Matrix',
        body: `Matrix ${invitationLink(BASE, side.invitationToken)}`,
        resellerEmail: 'partner@matrix.example',
      }),
    own: ownFor({ provider: (w) => w.ours.invitation }),
  },
  {
    fn: 'lib/partnerships/manage-invitation#resendInvitation',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id) => resendInvitation(ctx, { invitationId: id, baseUrl: BASE }),
    own: ownFor({ provider: (w) => w.ours.invitation }),
  },
  {
    fn: 'lib/partnerships/manage-invitation#revokeInvitation',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id) => revokeInvitation(ctx, { invitationId: id }),
    own: ownFor({ provider: (w) => w.ours.invitation }),
  },
  {
    // Own call: a new partnership of Northwind each time, so the demo channel stays for the other cases.
    fn: 'lib/partnerships/remove-partnership#removePartnership',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: ['provider'] },
    call: (ctx, id) => removePartnership(ctx, { partnershipId: id }),
    own: async (w, ctx) =>
      aud(ctx) === 'provider'
        ? (await makePartnership(w.ours.providerId, (await makeOrg('INDIRECT_RESELLER')).id)).id
        : w.ours.partnership,
  },
  {
    fn: 'lib/offers/create-offer#createOffer',
    kind: 'self',
    writes: true,
    grant: { permission: 'offers.manage', audiences: ['vendor'] },
    call: (ctx) =>
      createOffer(ctx, { ...offerFields, sku: `MATRIX-${counter++}`, isAzurePlan: false, active: true } as never),
  },
  {
    fn: 'lib/offers/update-offer#updateOffer',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'offers.manage', audiences: ['vendor'] },
    call: (ctx, id, side) =>
      updateOffer(ctx, {
        ...offerFields,
        offerId: id,
        version: side.offerVersion,
        isAzurePlan: false,
        active: true,
      } as never),
    own: (w) => w.ours.offer,
    ownSide: (w) => ({ ...w.ours, offerVersion: STALE }),
  },
  {
    fn: 'lib/offers/set-offer-active#setOfferActive',
    kind: 'id',
    vendorWide: true,
    writes: true,
    grant: { permission: 'offers.manage', audiences: ['vendor'] },
    call: (ctx, id) => setOfferActive(ctx, { offerId: id, active: true } as never),
    own: (w) => w.ours.offer,
  },
  {
    // Acts on the caller's own tenant only; a reseller id that is not its managing reseller is a Conflict (nothing changes).
    fn: 'lib/relationships/remove-delegated-admin#removeDelegatedAdmin',
    kind: 'id',
    foreignOk: ['Conflict'],
    grant: { permission: 'tenant.manage', audiences: ['customer'] },
    call: (ctx, id) => removeDelegatedAdmin(ctx, { resellerId: id }),
    own: (w) => w.ours.tailspinId,
  },
  {
    fn: 'lib/organizations/set-partner-status#setPartnerStatus',
    kind: 'id',
    vendorWide: true,
    writes: true,
    grant: { permission: 'partners.manage', audiences: ['vendor'] },
    call: (ctx, id) => setPartnerStatus(ctx, { orgId: id, status: 'ACTIVE' }),
    own: (w) => w.ours.adatumId,
  },
  {
    fn: 'lib/organizations/update-provider-profile#updateProviderProfile',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'profiles.manage', audiences: ['vendor'] },
    call: (ctx, id, side) =>
      updateProviderProfile(ctx, {
        orgId: id,
        version: side.profileVersion,
        description: 'Matrix changed',
        regionsServed: [],
        contactEmail: null,
        contactPhone: null,
        website: null,
      }),
    own: (w) => w.ours.providerProfile,
    ownSide: (w) => ({ ...w.ours, profileVersion: STALE }),
  },
  {
    fn: 'lib/subscriptions/change-subscription#changeSubscription',
    kind: 'id',
    grant: { permission: 'subscriptions.write', audiences: PARTNERS },
    call: (ctx, id, side) => changeSubscription(ctx, { subscriptionId: id, version: versionOf(side), quantity: 5 }),
    own: (w) => w.ours.subscription,
    ownSide: staleSide,
  },
  {
    fn: 'lib/subscriptions/change-subscription#changeSubscription',
    variant: 'designated support contact',
    kind: 'id',
    grant: { permission: 'support.write', audiences: PARTNERS },
    call: (ctx, id, side, w) =>
      changeSubscription(ctx, { subscriptionId: id, version: versionOf(side), supportContactOrgId: w.ours.providerId }),
    own: (w) => w.ours.subscription,
    ownSide: staleSide,
  },
  {
    fn: 'lib/subscriptions/verify-reseller-mpn-id#verifyResellerMpnId',
    kind: 'id',
    grant: { permission: 'subscriptions.write', audiences: PARTNERS },
    call: (ctx, id) => verifyResellerMpnId(ctx, id, '5200002'),
    own: (w) => w.ours.subscription,
  },
  {
    fn: 'lib/subscriptions/change-status#suspendSubscription',
    kind: 'id',
    grant: { permission: 'subscriptions.write', audiences: PARTNERS },
    call: (ctx, id, side) => suspendSubscription(ctx, { subscriptionId: id, version: versionOf(side) }),
    own: (w) => w.ours.subscription,
    ownSide: staleSide,
  },
  {
    fn: 'lib/subscriptions/change-status#reactivateSubscription',
    kind: 'id',
    grant: { permission: 'subscriptions.write', audiences: PARTNERS },
    call: (ctx, id, side) => reactivateSubscription(ctx, { subscriptionId: id, version: versionOf(side) }),
    own: (w) => w.ours.subscription,
    ownSide: staleSide,
  },
  {
    fn: 'lib/subscriptions/change-status#cancelSubscription',
    kind: 'id',
    grant: { permission: 'subscriptions.write', audiences: PARTNERS },
    call: (ctx, id, side) => cancelSubscription(ctx, { subscriptionId: id, version: versionOf(side) }),
    own: (w) => w.ours.subscription,
    ownSide: staleSide,
  },
  {
    // Anyone may try a link; only a reseller admin or admin agent may accept or decline one (by design, any link it holds).
    fn: 'lib/partnerships/respond-to-invitation#respondToInvitation',
    kind: 'token',
    capability: (ctx) => aud(ctx) === 'reseller' && (ctx.role === 'ADMIN' || ctx.role === 'ADMIN_AGENT'),
    grant: { permission: null, audiences: [] },
    call: (ctx, token) =>
      respondToInvitation(ctx, { token, decision: 'decline', agree: false, baseUrl: BASE } as never),
  },
  {
    fn: 'lib/relationships/respond-to-relationship-request#respondToRelationshipRequest',
    kind: 'token',
    grant: { permission: null, audiences: [] },
    call: (ctx, token) => respondToRelationshipRequest(ctx, { token, decision: 'decline' }),
  },
  {
    fn: 'lib/users/end-sessions#endSessions',
    kind: 'self',
    writes: true,
    grant: { permission: null, audiences: ['vendor', 'provider', 'reseller', 'customer'] },
    call: (ctx) => endSessions(ctx.userId),
  },
  {
    fn: 'lib/users/set-locale#setLocale',
    kind: 'self',
    writes: true,
    grant: { permission: null, audiences: ['vendor', ...PARTNERS, 'customer'] },
    call: (ctx) => setLocale(ctx, { locale: 'en' }),
  },
];

/** Functions no case calls, each with the reason (the inventory still requires them to be listed). */
export const NOT_CALLED: Record<string, string> = {
  'lib/organizations/enrol-reseller#enrolReseller':
    'public sign-up without an account: creates a new organisation, takes no id of another one',
  'lib/users/change-password#changePassword':
    'acts only on the signed-in user (ctx.userId); no id of another record is accepted',
  'lib/rate-limit/token-links#tokenLinksRefused':
    'rate limit of link pages: reads a counter keyed by the client address, no record of any organisation',
  'lib/rate-limit/token-links#countInvalidToken':
    'rate limit of link pages: counts an unknown token for the client address, no record of any organisation',
};

/** Pages and routes that load no data of any organisation. */
export const NO_DATA: Record<string, string> = {
  '/enrol': 'public enrolment form',
  '/sign-in': 'sign-in form',
  '/change-password': "the signed-in user's own form",
  '/api/auth/[...nextauth]': 'next-auth',
  '/api/test/clock': 'test clock, 404 unless PC_TEST_CLOCK=1',
  '/bench-floor': 'the benchmark floor: the Customers page with 50 fixed rows, 404 unless PC_BENCH=1',
  '/bench-floor/[layout]': "the benchmark floors: each list's view with 50 fixed rows, 404 unless PC_BENCH=1",
};

// Versions: the current one for the other side (a missing scope would really
// write), a stale one for our own (a Conflict proves scope and permission
// passed, and nothing is written).
function versionOf(side: Side): number {
  return side.subscriptionVersion;
}
function staleSide(w: World): Side {
  return { ...w.ours, subscriptionVersion: 999_999 };
}
