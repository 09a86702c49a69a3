// Property-based: the form posts of the partner channel (customers,
// subscriptions, orders, partnerships, relationships), filled with random
// and hostile values, through the harness of forms.ts: a result or a typed
// domain error, a refusal writes nothing, and channel B's records never
// change through channel A's users. Organisations, offers and users:
// write-functions-accounts.test.ts.
import { z } from 'zod';
import { BASE, describeFormPosts, type Case } from './forms';
import { DomainError } from '@/lib/errors';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import { updateCustomerDetailsInput } from '@/lib/customers/schemas';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { cancelSubscription, reactivateSubscription, suspendSubscription } from '@/lib/subscriptions/change-status';
import { changeSubscriptionInput, subscriptionRef } from '@/lib/subscriptions/schemas';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { addSubscriptionsInput, newCustomerOrderInput } from '@/lib/orders/schemas';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';
import { invitationIdInput, partnershipIdInput, sendPartnershipRequestInput } from '@/lib/partnerships/schemas';
import { revokeInvitation } from '@/lib/partnerships/manage-invitation';
import { removePartnership } from '@/lib/partnerships/remove-partnership';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { revokeRelationshipRequest } from '@/lib/relationships/revoke-relationship-request';
import { setTenantOwner } from '@/lib/relationships/set-tenant-owner';
import { removeDelegatedAdmin } from '@/lib/relationships/remove-delegated-admin';
import {
  removeDelegatedAdminInput,
  requestIdInput,
  sendRelationshipRequestInput,
  tenantOwnerInput,
} from '@/lib/relationships/schemas';

const CASES: Case[] = [
  {
    name: 'customer account info (Edit customer)',
    ctx: (w) => w.ctx.providerA,
    schema: updateCustomerDetailsInput,
    keys: [
      'customerId',
      'version',
      'companyName',
      'addressLine1',
      'addressLine2',
      'city',
      'region',
      'postalCode',
      'country',
      'contactFirstName',
      'contactLastName',
      'contactEmail',
      'contactPhone',
      'language',
      'domainPrefix',
    ],
    run: (ctx, input: z.infer<typeof updateCustomerDetailsInput>) => updateCustomerDetails(ctx, input),
  },
  {
    name: 'subscription Submit (licences, upgrade, reseller, support contact)',
    ctx: (w) => w.ctx.resellerA,
    schema: changeSubscriptionInput,
    keys: ['subscriptionId', 'version', 'quantity', 'offerId', 'resellerId', 'resellerMpnId', 'supportContactOrgId'],
    run: (ctx, input: z.infer<typeof changeSubscriptionInput>) => changeSubscription(ctx, input),
  },
  {
    name: 'subscription Submit by the provider',
    ctx: (w) => w.ctx.providerA,
    schema: changeSubscriptionInput,
    keys: ['subscriptionId', 'version', 'quantity', 'offerId', 'resellerId', 'resellerMpnId', 'supportContactOrgId'],
    run: (ctx, input: z.infer<typeof changeSubscriptionInput>) => changeSubscription(ctx, input),
  },
  {
    name: 'suspend, reactivate, cancel',
    ctx: (w) => w.ctx.providerA,
    schema: subscriptionRef,
    keys: ['subscriptionId', 'version'],
    run: async (ctx, input: z.infer<typeof subscriptionRef>) => {
      for (const step of [suspendSubscription, reactivateSubscription, cancelSubscription])
        await step(ctx, input).catch((e) => {
          if (!(e instanceof DomainError)) throw e;
        });
    },
  },
  {
    name: 'Add subscriptions',
    ctx: (w) => w.ctx.providerA,
    schema: addSubscriptionsInput,
    keys: ['customerId', 'idempotencyKey', 'resellerId', 'lines'],
    run: (ctx, input) => addSubscriptions(ctx, input),
  },
  {
    name: 'New customer order',
    ctx: (w) => w.ctx.resellerA,
    schema: newCustomerOrderInput,
    keys: [
      'companyName',
      'domainPrefix',
      'addressLine1',
      'city',
      'postalCode',
      'country',
      'contactFirstName',
      'contactLastName',
      'contactEmail',
      'contactPhone',
      'language',
      'lines',
      'idempotencyKey',
      'resellerId',
      'providerId',
    ],
    run: (ctx, input) => placeNewCustomerOrder(ctx, { ...(input as object), baseUrl: BASE.baseUrl } as never),
  },
  {
    name: 'partnership request Send',
    ctx: (w) => w.ctx.providerA,
    schema: sendPartnershipRequestInput,
    keys: ['invitationId', 'resellerEmail', 'subject', 'body'],
    run: (ctx, input) => sendPartnershipRequest(ctx, input),
  },
  {
    name: 'partnership invitation Revoke',
    ctx: (w) => w.ctx.providerA,
    schema: invitationIdInput,
    keys: ['invitationId'],
    run: (ctx, input) => revokeInvitation(ctx, input),
  },
  {
    name: 'Remove partnership',
    ctx: (w) => w.ctx.providerA,
    schema: partnershipIdInput,
    keys: ['partnershipId'],
    run: (ctx, input) => removePartnership(ctx, input),
  },
  {
    name: 'relationship request (provider)',
    ctx: (w) => w.ctx.providerA,
    schema: z.record(z.string(), z.unknown()),
    keys: ['customerId', 'resellerId', 'includeDelegatedAdmin'],
    run: (ctx, input) => startRelationshipRequest(ctx, input, BASE),
  },
  {
    name: 'relationship request (reseller)',
    ctx: (w) => w.ctx.resellerA,
    schema: z.record(z.string(), z.unknown()),
    keys: ['providerId', 'tenantDomain', 'includeDelegatedAdmin'],
    run: (ctx, input) => startRelationshipRequest(ctx, input, BASE),
  },
  {
    name: 'relationship request Send',
    ctx: (w) => w.ctx.providerA,
    schema: sendRelationshipRequestInput,
    keys: ['requestId', 'recipientEmail', 'subject', 'body'],
    run: (ctx, input) => sendRelationshipRequest(ctx, input),
  },
  {
    name: 'relationship request Revoke',
    ctx: (w) => w.ctx.resellerA,
    schema: requestIdInput,
    keys: ['requestId'],
    run: (ctx, input) => revokeRelationshipRequest(ctx, input),
  },
  {
    name: 'tenant owner (provider)',
    ctx: (w) => w.ctx.providerA,
    schema: tenantOwnerInput,
    keys: ['customerId', 'resellerId', 'grant'],
    run: (ctx, input) => setTenantOwner(ctx, input),
  },
  {
    name: 'Remove delegated admin (customer)',
    ctx: (w) => w.ctx.customerA,
    schema: removeDelegatedAdminInput,
    keys: ['resellerId'],
    run: (ctx, input) => removeDelegatedAdmin(ctx, input),
  },
];

describeFormPosts(CASES);
