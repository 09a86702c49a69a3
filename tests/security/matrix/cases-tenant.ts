// Matrix cases of a customer tenant's administration (its users and its
// licences): only the tenant's own admin. A customer calls with its own
// tenant (so another tenant's user or subscription named in it must not be
// found); everyone else with the tenant of the side being probed.
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { assignLicence, findTenantLicences, unassignLicence } from '@/lib/tenant/licences';
import {
  addTenantUser,
  findTenantUsers,
  resetTenantUserPassword,
  setTenantUserEnabled,
} from '@/lib/tenant/tenant-users';
import { delegatedRoles, tenantActions } from '@/lib/tenant/access';
import { findPartnerActivity } from '@/lib/tenant/activity';
import { getTenantName } from '@/lib/tenant/tenant-users';
import { type Case, PARTNERS, aud } from './cases-kit';
import type { Side } from './world';

/**
 * The tenant's own admin, or a partner user through a delegated role. In the
 * demo, agent@fabrikam.example is in "Fabrikam helpdesk" (User Administrator
 * and License Administrator in Woodgrove Bank); Northwind's admin and agent
 * are in "Northwind support" (Global Reader: reading only).
 */
const WRITERS = ['agent@fabrikam.example'];
const READERS = [...WRITERS, 'admin@northwind.example', 'agent@northwind.example'];
const grantFor = (emails: string[]) => ({
  permission: null,
  audiences: ['customer' as const, 'provider' as const, 'reseller' as const],
  when: (ctx: Ctx) => (ctx.customerId ? can(ctx, 'tenant.manage') : emails.includes(ctx.email)),
});
const grant = grantFor(WRITERS);
const readGrant = grantFor(READERS);
const tenantOf = (ctx: Ctx, side: Side) => ctx.customerId ?? side.customer;

/** A new user of the caller's tenant (optionally holding a licence of its subscription); none for partners. */
async function freshTenantUser(ctx: Ctx, licenceOf?: string): Promise<string | null> {
  if (aud(ctx) !== 'customer' || !ctx.customerId) return null;
  const user = await db().user.create({
    data: {
      email: `matrix-${randomBytes(6).toString('hex')}@tenant.matrix.example`,
      name: 'Matrix tenant user',
      role: 'CUSTOMER_USER',
      customerId: ctx.customerId,
      passwordHash: 'matrix',
    },
    select: { id: true },
  });
  if (licenceOf) await db().licenceAssignment.create({ data: { subscriptionId: licenceOf, userId: user.id } });
  return user.id;
}

export const TENANT_CASES: Case[] = [
  {
    fn: 'lib/tenant/tenant-users#getTenantName',
    kind: 'list',
    grant: readGrant,
    call: (ctx, _id, side) => getTenantName(ctx, tenantOf(ctx, side)),
  },
  {
    // What the caller may do in a tenant; any action in another channel's tenant would show that tenant's name.
    fn: 'lib/tenant/access#tenantActions',
    kind: 'list',
    grant: { permission: null, audiences: ['vendor', ...PARTNERS, 'customer'] },
    call: async (ctx, _id, side) => {
      const customerId = tenantOf(ctx, side);
      const actions = await tenantActions(ctx, customerId);
      if (actions.size === 0) return [];
      const tenant = await db().customer.findUnique({ where: { id: customerId }, select: { companyName: true } });
      return { actions: [...actions], tenant: tenant?.companyName };
    },
  },
  {
    fn: 'lib/tenant/access#delegatedRoles',
    kind: 'list',
    grant: { permission: null, audiences: ['vendor', ...PARTNERS, 'customer'] },
    call: (ctx, _id, side) => delegatedRoles(ctx, tenantOf(ctx, side)),
  },
  {
    fn: 'lib/tenant/activity#findPartnerActivity',
    kind: 'list',
    grant: { permission: 'tenant.manage', audiences: ['customer'] },
    call: (ctx) => findPartnerActivity(ctx),
  },
  {
    fn: 'lib/tenant/tenant-users#findTenantUsers',
    kind: 'list',
    grant: readGrant,
    call: (ctx, _id, side) => findTenantUsers(ctx, { customerId: tenantOf(ctx, side) }),
    ownMarker: (w, ctx) => (aud(ctx) === 'customer' ? `admin@${w.ours.tenantDomain}` : null),
  },
  {
    fn: 'lib/tenant/licences#findTenantLicences',
    kind: 'list',
    grant: readGrant,
    call: (ctx, _id, side) => findTenantLicences(ctx, { customerId: tenantOf(ctx, side) }),
    ownMarker: (w, ctx) => (aud(ctx) === 'customer' ? w.ours.subscription : null),
  },
  {
    fn: 'lib/tenant/tenant-users#addTenantUser',
    kind: 'self',
    writes: true,
    grant,
    call: (ctx, _id, side) =>
      addTenantUser(ctx, {
        customerId: tenantOf(ctx, side),
        email: `matrix-${randomBytes(6).toString('hex')}@tenant.matrix.example`,
        name: 'Matrix added',
        role: 'CUSTOMER_USER',
      }),
  },
  {
    fn: 'lib/tenant/tenant-users#resetTenantUserPassword',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id, side) => resetTenantUserPassword(ctx, { customerId: tenantOf(ctx, side), userId: id }),
    own: (_w, ctx) => freshTenantUser(ctx),
  },
  {
    fn: 'lib/tenant/tenant-users#setTenantUserEnabled',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id, side) =>
      setTenantUserEnabled(ctx, { customerId: tenantOf(ctx, side), userId: id, enabled: 'false' }),
    own: (_w, ctx) => freshTenantUser(ctx),
  },
  {
    fn: 'lib/tenant/licences#assignLicence',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id, side) =>
      assignLicence(ctx, { customerId: tenantOf(ctx, side), subscriptionId: side.subscription, userId: id }),
    own: (_w, ctx) => freshTenantUser(ctx),
  },
  {
    fn: 'lib/tenant/licences#unassignLicence',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id, side) =>
      unassignLicence(ctx, { customerId: tenantOf(ctx, side), subscriptionId: side.subscription, userId: id }),
    own: (w, ctx) => freshTenantUser(ctx, w.ours.subscription),
  },
];
