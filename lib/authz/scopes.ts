import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { audienceOf, type Ctx } from './context';

// The one place that answers "which records may this user see" (R3, R4).
// Every query for customers, subscriptions and partnerships puts one of these
// into its `where`, so a record outside the user's reach is simply not found.

const NOTHING = { id: { in: [] as string[] } };

function activePartner(ctx: Ctx): boolean {
  return ctx.orgId !== null && ctx.orgStatus === 'ACTIVE';
}

export function customerScope(ctx: Ctx): Prisma.CustomerWhereInput {
  switch (audienceOf(ctx)) {
    case 'vendor':
      return {};
    case 'provider':
      return activePartner(ctx) ? { providerId: ctx.orgId! } : NOTHING;
    case 'reseller':
      // R3: only customers it manages (delegated admin). R10 clears
      // managingResellerId when the partnership ends, in the same transaction.
      return activePartner(ctx) ? { managingResellerId: ctx.orgId! } : NOTHING;
    case 'customer':
      return ctx.customerId ? { id: ctx.customerId } : NOTHING;
  }
}

/**
 * Customers whose account and subscriptions the user may change (R3, R12):
 * a reseller only where it holds delegated admin privileges; everyone else
 * as in customerScope (roles are checked by the permission).
 */
export function customerAdminScope(ctx: Ctx): Prisma.CustomerWhereInput {
  if (audienceOf(ctx) === 'reseller')
    return activePartner(ctx) ? { managingResellerId: ctx.orgId!, resellerDelegatedAdmin: true } : NOTHING;
  if (audienceOf(ctx) === 'vendor') return NOTHING;
  return customerScope(ctx);
}

/** Subscriptions the user may change: those of customers in customerAdminScope. */
export function subscriptionAdminScope(ctx: Ctx): Prisma.SubscriptionWhereInput {
  return { customer: customerAdminScope(ctx) };
}

export function subscriptionScope(ctx: Ctx): Prisma.SubscriptionWhereInput {
  if (audienceOf(ctx) === 'reseller' && activePartner(ctx)) {
    // R9: a reseller also sees subscriptions it is the support contact for.
    return { OR: [{ customer: customerScope(ctx) }, { supportContactOrgId: ctx.orgId! }] };
  }
  return { customer: customerScope(ctx) };
}

export function partnershipScope(ctx: Ctx): Prisma.PartnershipWhereInput {
  switch (audienceOf(ctx)) {
    case 'vendor':
      return {};
    case 'provider':
      return ctx.orgId ? { providerId: ctx.orgId } : NOTHING;
    case 'reseller':
      return ctx.orgId ? { resellerId: ctx.orgId } : NOTHING;
    case 'customer':
      return NOTHING;
  }
}
