import 'server-only';
import { db, query, rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { clock } from '@/lib/clock';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan, can } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';
import { customerScopeSql } from '@/lib/authz/scopes-sql';
import { NotFound } from '@/lib/errors';
import { isPlainId } from '@/lib/validation/text';
import { requestReaderSql } from '@/lib/relationships/find-customer-requests';
import { resellerFilterOf, resellerFilterSql, type ResellerFilterJson } from '@/lib/partnerships/list-reseller-options';

/** The provider and the managing reseller, as every customer view shows them. */
const parties = {
  provider: { select: { id: true, legalName: true, mpnId: true } },
  managingReseller: { select: { id: true, legalName: true, mpnId: true } },
} as const;

/** The customer by id within the user's reach (R3); an id that is not one answers NotFound before any query. */
function inReach(ctx: Ctx, customerId: string) {
  if (!isPlainId(customerId)) throw new NotFound('customer');
  return { AND: [customerScope(ctx), { id: customerId }] };
}

/**
 * One customer (account, provider, managing reseller); NotFound when outside
 * the user's reach (R3). Its subscriptions are a list of their own
 * (findCustomerSubscriptions, paged).
 */
export async function getCustomer(ctx: Ctx, customerId: string) {
  assertCan(ctx, 'customers.read');
  const customer = await db().customer.findFirst({
    where: inReach(ctx, customerId),
    include: parties,
  });
  if (!customer) throw new NotFound('customer');
  return customer;
}

type Party = { id: string; legalName: string; mpnId: string | null };
/** A pending relationship request as the customer page shows it. */
export type PendingRequest = {
  id: string;
  createdAt: Date;
  expiresAt: Date;
  includeDelegatedAdmin: boolean;
  recipientEmail: string | null;
  reseller: { legalName: string; mpnId: string | null };
};
type PageRow = {
  id: string;
  companyName: string;
  domainPrefix: string;
  tenantDomain: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  region: string | null;
  postalCode: string;
  country: string;
  contactFirstName: string;
  contactLastName: string;
  contactEmail: string;
  contactPhone: string | null;
  language: string;
  providerId: string;
  provider: Party;
  managingResellerId: string | null;
  managingReseller: Party | null;
  resellerDelegatedAdmin: boolean;
  resellerTenantOwner: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** JSON: timestamps arrive as text. */
  requests: (Omit<PendingRequest, 'createdAt' | 'expiresAt'> & { createdAt: string; expiresAt: string })[];
  resellerFilter: ResellerFilterJson | null;
};

const party = (o: string) =>
  Prisma.raw(`json_build_object('id', ${o}.id, 'legalName', ${o}."legalName", 'mpnId', ${o}."mpnId")`);

/**
 * The customer page's one statement: the customer in reach with its
 * provider and managing reseller, the pending relationship requests the user
 * sees on it (findCustomerRequests' rules, newest 20) and, when asked, the
 * reseller options of a relationship request (resellerFilterSql). No row when
 * the customer is out of reach.
 */
export function customerPageSql(ctx: Ctx, customerId: string, withResellers: boolean): Prisma.Sql {
  const reader = requestReaderSql(ctx, 'q');
  const requests = reader
    ? Prisma.sql`(
        SELECT coalesce(json_agg(json_build_object(
                 'id', q.id, 'createdAt', q."createdAt", 'expiresAt', q."expiresAt",
                 'includeDelegatedAdmin', q."includeDelegatedAdmin", 'recipientEmail', q."recipientEmail",
                 'reseller', json_build_object('legalName', r."legalName", 'mpnId', r."mpnId"))
               ORDER BY q."createdAt" DESC, q.id DESC), '[]'::json)
          FROM (SELECT * FROM "CustomerRelationshipRequest" q
                 WHERE q."customerId" = c.id AND ${reader} AND q.state = 'PENDING' AND q."expiresAt" > ${clock.now()}
                 ORDER BY q."createdAt" DESC, q.id DESC ${rowLimit(20)}) q
          JOIN "Organization" r ON r.id = q."resellerId")`
    : Prisma.sql`'[]'::json`;
  const filter = (withResellers && resellerFilterSql(ctx)) || Prisma.sql`NULL::json`;
  return Prisma.sql`
    SELECT c.id, c."companyName", c."domainPrefix", c."tenantDomain", c."addressLine1", c."addressLine2",
           c.city, c.region, c."postalCode", c.country, c."contactFirstName", c."contactLastName",
           c."contactEmail", c."contactPhone", c.language, c."providerId", ${party('p')} AS provider,
           c."managingResellerId", CASE WHEN m.id IS NOT NULL THEN ${party('m')} END AS "managingReseller",
           c."resellerDelegatedAdmin", c."resellerTenantOwner", c."createdAt", c."updatedAt",
           ${requests} AS requests, ${filter} AS "resellerFilter"
      FROM "Customer" c
      JOIN "Organization" p ON p.id = c."providerId"
      LEFT JOIN "Organization" m ON m.id = c."managingResellerId"
     WHERE c.id = ${customerId} AND ${customerScopeSql(ctx, 'c')}`;
}

/**
 * The customer page's customer with the pending relationship requests the
 * user sees on it and, for a provider who may send a relationship request,
 * its reseller options (null: too many for a list): one SQL statement,
 * planned once. NotFound when outside the user's reach (R3).
 */
export async function getCustomerWithRequests(ctx: Ctx, customerId: string) {
  assertCan(ctx, 'customers.read');
  if (!isPlainId(customerId)) throw new NotFound('customer');
  const withResellers = audienceOf(ctx) === 'provider' && can(ctx, 'partnerships.write');
  const [row] = await query<PageRow>(customerPageSql(ctx, customerId, withResellers), { plan: 'reuse' });
  if (!row) throw new NotFound('customer');
  const { requests, resellerFilter, ...customer } = row;
  return {
    customer,
    requests: requests.map((r): PendingRequest => ({
      ...r,
      createdAt: new Date(r.createdAt),
      expiresAt: new Date(r.expiresAt),
    })),
    resellers: withResellers ? resellerFilterOf(resellerFilter).options : [],
  };
}

/** The customer user's own tenant with all its subscriptions; the caller has checked the permission. */
export async function getCustomerRecord(ctx: Ctx, customerId: string) {
  const customer = await db().customer.findFirst({
    where: inReach(ctx, customerId),
    include: {
      ...parties,
      subscriptions: {
        orderBy: { createdAt: 'asc' },
        include: {
          offer: { select: { name: true, sku: true, isAzurePlan: true } },
          reseller: { select: { legalName: true, mpnId: true } },
          supportContactOrg: { select: { legalName: true, contactEmail: true, contactPhone: true } },
        },
      },
    },
  });
  if (!customer) throw new NotFound('customer');
  return customer;
}
