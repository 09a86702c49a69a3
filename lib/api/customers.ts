import 'server-only';
import { findCustomers } from '@/lib/customers/find-customers';
import { findCustomerSubscriptions } from '@/lib/customers/find-customer-subscriptions';
import { getCustomer } from '@/lib/customers/get-customer';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { decodeCursor } from './cursor';
import { domainIdempotencyKey } from './idempotency';
import { defineOperation } from './operation';
import {
  addSubscriptionsBody,
  addedSubscriptionsAnswer,
  createCustomerBody,
  customerAnswer,
  customerListItem,
  customerListQuery,
  customerPath,
  pageQuery,
  placedOrderAnswer,
  subscriptionListItem,
  updateCustomerBody,
} from './schemas';

type Customer = Awaited<ReturnType<typeof getCustomer>>;

/** A customer as the API answers it. */
function customerBody(c: Customer) {
  return {
    id: c.id,
    companyName: c.companyName,
    domainPrefix: c.domainPrefix,
    tenantDomain: c.tenantDomain,
    addressLine1: c.addressLine1,
    addressLine2: c.addressLine2,
    city: c.city,
    region: c.region,
    postalCode: c.postalCode,
    country: c.country,
    contactFirstName: c.contactFirstName,
    contactLastName: c.contactLastName,
    contactEmail: c.contactEmail,
    contactPhone: c.contactPhone,
    language: c.language,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    provider: c.provider,
    managingReseller: c.managingReseller,
  };
}

// Customers (R3, R4): the provider of record and the managing reseller see a
// customer; anyone else gets 404, exactly as the pages answer.
export const customersApi = {
  list: defineOperation({
    method: 'GET',
    path: '/customers',
    operationId: 'listCustomers',
    summary: 'List customers',
    description: 'The customers the organisation may see (R4), by company name; `q` searches name and domain.',
    tag: 'Customers',
    scope: 'customers.read',
    query: customerListQuery,
    response: customerListItem,
    list: true,
    run: async ({ ctx, query }) => {
      const page = await findCustomers(
        ctx,
        { q: query.q, reseller: query.reseller, after: decodeCursor(query.cursor) },
        { size: query.limit },
      );
      return { items: page.rows, nextCursor: page.nextCursor, total: page.total, totalCapped: page.totalCapped };
    },
  }),
  create: defineOperation({
    method: 'POST',
    path: '/customers',
    operationId: 'createCustomer',
    summary: 'Create a customer with its first order',
    description:
      'A new customer tenant, its admin user and a new-customer order in one transaction (F3, R5, R6). ' +
      'The temporary password is in the first answer only.',
    tag: 'Customers',
    scope: 'orders.write',
    body: createCustomerBody,
    response: placedOrderAnswer,
    status: 201,
    codes: ['domain_taken', 'quantity_range', 'partnership_required'],
    run: async ({ ctx, body, idempotencyKey, baseUrl }) => {
      const placed = await placeNewCustomerOrder(ctx, {
        ...body,
        idempotencyKey: domainIdempotencyKey(ctx.app?.id, idempotencyKey),
        baseUrl,
      });
      const { customerId, orderId, adminEmail, temporaryPassword } = placed;
      return {
        body: { customerId, orderId, adminEmail, temporaryPassword },
        location: `/api/v1/customers/${customerId}`,
      };
    },
  }),
  get: defineOperation({
    method: 'GET',
    path: '/customers/{customerId}',
    operationId: 'getCustomer',
    summary: 'Get a customer',
    tag: 'Customers',
    scope: 'customers.read',
    params: customerPath,
    response: customerAnswer,
    run: async ({ ctx, params }) => {
      const customer = await getCustomer(ctx, params.customerId);
      return { body: customerBody(customer), version: customer.updatedAt.toISOString() };
    },
  }),
  update: defineOperation({
    method: 'PATCH',
    path: '/customers/{customerId}',
    operationId: 'updateCustomer',
    summary: "Change a customer's account info",
    description: 'Fields left out keep their value; the tenant domain never changes (R3).',
    tag: 'Customers',
    scope: 'customers.write',
    params: customerPath,
    body: updateCustomerBody,
    response: customerAnswer,
    ifMatch: true,
    run: async ({ ctx, params, body, version }) => {
      const current = await getCustomer(ctx, params.customerId);
      const merged = { ...customerBody(current), ...body };
      await updateCustomerDetails(ctx, {
        ...merged,
        addressLine2: merged.addressLine2 ?? undefined,
        region: merged.region ?? undefined,
        contactPhone: merged.contactPhone ?? undefined,
        language: merged.language as 'en' | 'ja',
        customerId: params.customerId,
        version,
      });
      const updated = await getCustomer(ctx, params.customerId);
      return { body: customerBody(updated), version: updated.updatedAt.toISOString() };
    },
  }),
  subscriptions: defineOperation({
    method: 'GET',
    path: '/customers/{customerId}/subscriptions',
    operationId: 'listCustomerSubscriptions',
    summary: "List a customer's subscriptions",
    tag: 'Customers',
    scope: 'customers.read',
    params: customerPath,
    query: pageQuery,
    response: subscriptionListItem,
    list: true,
    run: async ({ ctx, params, query }) => {
      const page = await findCustomerSubscriptions(
        ctx,
        params.customerId,
        { after: decodeCursor(query.cursor) },
        query.limit,
      );
      return {
        items: page.rows.map((s) => ({
          id: s.id,
          customerId: params.customerId,
          offerName: s.offer.name,
          quantity: s.quantity,
          status: s.status,
          reseller: s.reseller,
          supportContact: { legalName: s.supportContactOrg.legalName },
        })),
        nextCursor: page.nextCursor,
        total: page.total,
        totalCapped: page.totalCapped,
      };
    },
  }),
  addSubscriptions: defineOperation({
    method: 'POST',
    path: '/customers/{customerId}/orders',
    operationId: 'addSubscriptions',
    summary: 'Order subscriptions for a customer',
    description: 'New subscriptions for an existing customer (F4, R7, R8).',
    tag: 'Orders',
    scope: 'orders.write',
    params: customerPath,
    body: addSubscriptionsBody,
    response: addedSubscriptionsAnswer,
    status: 201,
    codes: ['quantity_range', 'partnership_required', 'reseller_only_itself'],
    run: async ({ ctx, params, body, idempotencyKey }) => {
      const added = await addSubscriptions(ctx, {
        ...body,
        customerId: params.customerId,
        idempotencyKey: domainIdempotencyKey(ctx.app?.id, idempotencyKey),
      });
      return { body: { orderId: added.orderId, subscriptionIds: added.subscriptionIds } };
    },
  }),
};
