import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { audienceOf } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';

/** Who reads pending requests on a customer: the provider all of them, a reseller only its own, nobody else. */
function requestReader(ctx: Ctx): Prisma.CustomerRelationshipRequestWhereInput | null {
  const audience = audienceOf(ctx);
  if ((audience !== 'provider' && audience !== 'reseller') || !can(ctx, 'partnerships.read')) return null;
  return audience === 'reseller' ? { resellerId: ctx.orgId! } : { providerId: ctx.orgId! };
}

/** requestReader as an SQL condition on the "CustomerRelationshipRequest" row aliased `alias`; null for nobody. */
export function requestReaderSql(ctx: Ctx, alias: string): Prisma.Sql | null {
  const reader = requestReader(ctx);
  if (!reader) return null;
  const q = Prisma.raw(`"${alias}"`);
  return 'resellerId' in reader
    ? Prisma.sql`${q}."resellerId" = ${reader.resellerId as string}`
    : Prisma.sql`${q}."providerId" = ${reader.providerId as string}`;
}

/**
 * The pending requests a user sees on a customer, newest 20 (the customer
 * page reads the same in its own statement: getCustomerWithRequests).
 */
function pendingRequestsArgs(ctx: Ctx) {
  const reader = requestReader(ctx);
  const where: Prisma.CustomerRelationshipRequestWhereInput = reader
    ? { ...reader, state: 'PENDING', expiresAt: { gt: clock.now() } }
    : { id: { in: [] } };
  return {
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 20,
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      includeDelegatedAdmin: true,
      recipientEmail: true,
      reseller: { select: { legalName: true, mpnId: true } },
    },
  } satisfies Prisma.CustomerRelationshipRequestFindManyArgs;
}

/**
 * Pending relationship requests on a customer the user can read: the
 * provider sees all of them, a reseller only its own.
 */
export async function findCustomerRequests(ctx: Ctx, customerId: string) {
  if (!requestReader(ctx)) return [];
  const args = pendingRequestsArgs(ctx);
  return db().customerRelationshipRequest.findMany({
    ...args,
    where: { ...args.where, customerId, customer: customerScope(ctx) },
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

/**
 * A reseller's own pending requests, for its request page (tenant domains only: it may not manage those customers yet).
 */
export async function findResellerRequests(ctx: Ctx) {
  if (audienceOf(ctx) !== 'reseller' || !can(ctx, 'partnerships.read') || ctx.orgStatus !== 'ACTIVE') return [];
  return db().customerRelationshipRequest.findMany({
    where: { resellerId: ctx.orgId!, state: 'PENDING', expiresAt: { gt: clock.now() } },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: {
      id: true,
      expiresAt: true,
      includeDelegatedAdmin: true,
      recipientEmail: true,
      provider: { select: { legalName: true } },
      customer: { select: { tenantDomain: true } },
    },
  });
}
