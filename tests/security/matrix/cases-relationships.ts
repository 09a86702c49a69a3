// Matrix cases of reseller relationships (F6, R11, R12): requests, their
// links, tenant owner and delegated admin.
import { can } from '@/lib/authz/policy';
import {
  findCustomerRequests,
  findResellerRequests,
  listRequestProviders,
} from '@/lib/relationships/find-customer-requests';
import { getPartnerRelationships } from '@/lib/relationships/get-partner-relationships';
import {
  viewRelationshipRequest,
  respondToRelationshipRequest,
} from '@/lib/relationships/respond-to-relationship-request';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import { revokeRelationshipRequest } from '@/lib/relationships/revoke-relationship-request';
import { setTenantOwner } from '@/lib/relationships/set-tenant-owner';
import { removeDelegatedAdmin } from '@/lib/relationships/remove-delegated-admin';
import { requestLink } from '@/lib/relationships/link';
import { type Case, PARTNERS, BASE, aud, ownFor } from './cases-kit';

export const RELATIONSHIP_CASES: Case[] = [
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
    fn: 'lib/relationships/get-partner-relationships#getPartnerRelationships',
    kind: 'list',
    grant: { permission: 'tenant.read', audiences: ['customer'] },
    call: (ctx) => getPartnerRelationships(ctx),
    ownMarker: (w) => w.ours.resellerId,
  },
  {
    // A relationship link names its provider and reseller to whoever holds it; the customer only to that customer's
    // admin.
    fn: 'lib/relationships/respond-to-relationship-request#viewRelationshipRequest',
    kind: 'token',
    clean: true,
    exposes: (w) => [w.theirs.providerId, w.theirs.resellerId, 'Contoso Matrix', 'Litware Matrix'],
    grant: { permission: null, audiences: [] },
    call: (ctx, token) => viewRelationshipRequest(ctx, token),
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
    // Acts on the caller's own tenant only; a reseller id that is not its managing reseller is a Conflict (nothing
    // changes).
    fn: 'lib/relationships/remove-delegated-admin#removeDelegatedAdmin',
    kind: 'id',
    foreignOk: ['Conflict'],
    grant: { permission: 'tenant.manage', audiences: ['customer'] },
    call: (ctx, id) => removeDelegatedAdmin(ctx, { resellerId: id }),
    own: (w) => w.ours.tailspinId,
  },
  {
    fn: 'lib/relationships/respond-to-relationship-request#respondToRelationshipRequest',
    kind: 'token',
    grant: { permission: null, audiences: [] },
    call: (ctx, token) => respondToRelationshipRequest(ctx, { token, decision: 'decline' }),
  },
];
