// Matrix cases of customers and their orders: the customer pages and lists,
// account info, Add subscription and Add new customer.
import { randomUUID } from 'node:crypto';
import { getCustomer, getCustomerWithRequests } from '@/lib/customers/get-customer';
import { findCustomerSubscriptions } from '@/lib/customers/find-customer-subscriptions';
import { findCustomers } from '@/lib/customers/find-customers';
import { getTenantOverview } from '@/lib/customers/get-tenant-overview';
import { listCreditableResellers } from '@/lib/orders/list-creditable-resellers';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { isDomainPrefixAvailable } from '@/lib/orders/is-domain-available';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { type Case, PARTNERS, BASE, STALE, aud, ownFor, customerDetails, prefix } from './cases-kit';

export const CUSTOMER_CASES: Case[] = [
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
];
