import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { audienceOf } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';

/**
 * Pending relationship requests on a customer the user can read, for the
 * customer page: the provider sees all of them, a reseller only its own.
 */
export async function findCustomerRequests(ctx: Ctx, customerId: string) {
  const audience = audienceOf(ctx);
  if ((audience !== 'provider' && audience !== 'reseller') || !can(ctx, 'partnerships.read')) return [];
  return db().customerRelationshipRequest.findMany({
    where: {
      customerId, customer: customerScope(ctx), state: 'PENDING', expiresAt: { gt: clock.now() },
      ...(audience === 'reseller' ? { resellerId: ctx.orgId! } : { providerId: ctx.orgId! }),
    },
    orderBy: { createdAt: 'desc' },
    take: 20,
    select: { id: true, createdAt: true, expiresAt: true, includeDelegatedAdmin: true, recipientEmail: true, reseller: { select: { legalName: true, mpnId: true } } },
  });
}

/** The providers a reseller may name in a request: its ACTIVE partnerships with ACTIVE providers. */
export async function listRequestProviders(ctx: Ctx) {
  if (audienceOf(ctx) !== 'reseller' || !can(ctx, 'partnerships.write')) return [];
  const rows = await db().partnership.findMany({
    where: { resellerId: ctx.orgId!, state: 'ACTIVE', provider: { status: 'ACTIVE' } },
    orderBy: { provider: { legalName: 'asc' } },
    select: { provider: { select: { id: true, legalName: true, mpnId: true } } },
  });
  return rows.map((r) => r.provider);
}

/** A reseller's own pending requests, for its request page (tenant domains only: it may not manage those customers yet). */
export async function findResellerRequests(ctx: Ctx) {
  if (audienceOf(ctx) !== 'reseller' || !can(ctx, 'partnerships.read') || ctx.orgStatus !== 'ACTIVE') return [];
  return db().customerRelationshipRequest.findMany({
    where: { resellerId: ctx.orgId!, state: 'PENDING', expiresAt: { gt: clock.now() } },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, expiresAt: true, includeDelegatedAdmin: true, recipientEmail: true, provider: { select: { legalName: true } }, customer: { select: { tenantDomain: true } } },
  });
}
