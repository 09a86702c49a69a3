// Matrix cases of delegated admin relationships: a partner sees and asks
// only for customers it serves, and its own relationships; a customer's admin
// sees and answers only its own tenant's.
import type { Ctx } from '@/lib/authz/context';
import { findCustomerRelationships, viewRelationshipLink } from '@/lib/admin-relationships/find-relationships';
import { requestRelationship } from '@/lib/admin-relationships/request-relationship';
import { assignGroup } from '@/lib/admin-relationships/assign-group';
import { respondToRelationship, terminateRelationship } from '@/lib/admin-relationships/respond-to-relationship';
import { type Case, BASE, PARTNERS, aud, nextId } from './cases-kit';
import type { Side } from './world';

const tenantOf = (ctx: Ctx, side: Side) => ctx.customerId ?? side.customer;

export const ADMIN_RELATIONSHIP_CASES: Case[] = [
  {
    fn: 'lib/admin-relationships/find-relationships#findCustomerRelationships',
    kind: 'list',
    grant: { permission: null, audiences: [...PARTNERS, 'customer'] },
    call: (ctx, _id, side) => findCustomerRelationships(ctx, { customerId: tenantOf(ctx, side) }),
    ownMarker: (_w, ctx) =>
      aud(ctx) === 'provider'
        ? 'Northwind read access'
        : aud(ctx) === 'vendor'
          ? null
          : 'Fabrikam support for Woodgrove',
  },
  {
    // The approval link shows the request to whoever holds it; a link of another kind is not valid here.
    fn: 'lib/admin-relationships/find-relationships#viewRelationshipLink',
    kind: 'token',
    clean: true,
    grant: { permission: null, audiences: [] },
    call: (ctx, token) => viewRelationshipLink(ctx, token),
  },
  {
    fn: 'lib/admin-relationships/request-relationship#requestRelationship',
    kind: 'id',
    writes: true,
    grant: { permission: 'partnerships.write', audiences: PARTNERS },
    call: (ctx, id) =>
      requestRelationship(ctx, {
        customerId: id,
        name: `Matrix relationship ${nextId()}`,
        durationDays: 30,
        roles: ['GLOBAL_READER'],
        autoExtend: 'off',
        baseUrl: BASE,
      }),
    own: (w) => w.ours.customer,
  },
  {
    fn: 'lib/admin-relationships/respond-to-relationship#respondToRelationship',
    kind: 'id',
    grant: { permission: 'tenant.manage', audiences: ['customer'] },
    call: (ctx, id) => respondToRelationship(ctx, { relationshipId: id, decision: 'decline' }),
  },
  {
    // Not called on our own records: it would end the demo's relationships the other cases read.
    fn: 'lib/admin-relationships/respond-to-relationship#terminateRelationship',
    kind: 'id',
    grant: { permission: null, audiences: [...PARTNERS, 'customer'] },
    call: (ctx, id) => terminateRelationship(ctx, { relationshipId: id }),
  },
  {
    // A foreign id as both the relationship and the group.
    fn: 'lib/admin-relationships/assign-group#assignGroup',
    kind: 'id',
    writes: true,
    grant: { permission: 'users.manage', audiences: PARTNERS },
    call: (ctx, id) => assignGroup(ctx, { relationshipId: id, groupId: id, roles: [] }),
  },
];
