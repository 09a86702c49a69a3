// The lists `npm run bench` measures, as data: for each, the page a signed-in
// user opens, the domain function behind it, and the very statement that
// function sends (each list exports its builder), run through `pg` alone for
// the raw SQL baseline. To benchmark another list, add an entry to CASES.
import type { Prisma } from '../../lib/generated/prisma/client';
import type { Ctx } from '../../lib/authz/context';
import { findCustomers, findCustomersSql } from '../../lib/customers/find-customers';
import { findCustomersInput } from '../../lib/customers/schemas';
import {
  findCustomerSubscriptions,
  findCustomerSubscriptionsSql,
} from '../../lib/customers/find-customer-subscriptions';
import { findIndirectResellers, findIndirectResellersSql } from '../../lib/partnerships/find-indirect-resellers';
import { findResellerSubscriptions, findResellerSubscriptionsSql } from '../../lib/reports/find-reseller-subscriptions';
import { findAuditEvents, findAuditEventsSql } from '../../lib/reports/find-audit-events';
import { findAuditEventsInput } from '../../lib/reports/schemas';
import { getIncentivesReport, incentivesSql } from '../../lib/reports/incentives/get-incentives-report';
import { findPublicProviders, findPublicProvidersSql } from '../../lib/organizations/find-public-providers';

export const PROVIDER_USER = 'admin@northwind.example';
export const RESELLER_USER = 'admin@fabrikam.example';
export const DEMO_PASSWORD = 'Demo-Passw0rd!';

/** Ids and values the cases need, looked up once per database (they differ between databases). */
export type Fixtures = {
  /** Northwind Distribution (PROVIDER_USER's organisation). */
  providerId: string;
  /** Fabrikam Solutions (RESELLER_USER's organisation). */
  fabrikamId: string;
  /** The reseller managing most of Northwind's customers. */
  resellerId: string;
  /** Northwind's customer with the most subscriptions. */
  bigCustomerId: string;
  /** The most frequent action in Northwind's recent audit events. */
  auditAction: string;
  /** A month (YYYY-MM, UTC) for the incentives report: the previous calendar month. */
  month: string;
  /** The incentives report's "now". */
  now: Date;
};

export type RawSql = { text: string; values: unknown[] };

export type BenchCase = {
  name: string;
  /** URL path and query, as the signed-in user opens it. */
  pagePath: (fx: Fixtures) => string;
  /** Who opens it; null: a public page (no sign-in). */
  user: string | null;
  /**
   * Its floor: the same layout (the list's own view) with 50 fixed rows and
   * no query, opened by the same user with the same query string
   * (app/(portal)/bench-floor). A public page has none of its own: it is set
   * beside the default floor (the Customers layout, signed in).
   */
  floorPath: (fx: Fixtures) => string;
  domain: (ctx: Ctx | null, fx: Fixtures) => Promise<unknown>;
  rawSql: (ctx: Ctx | null, fx: Fixtures) => RawSql;
};

type Query = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export const SEARCH = 'bank';

/** The default floor: the Customers layout, 50 fixed rows (settling, order submission, a public page). */
export const DEFAULT_FLOOR = '/bench-floor';

function need(ctx: Ctx | null): Ctx {
  if (!ctx) throw new Error('This case needs a signed-in user');
  return ctx;
}

const raw = (sql: Prisma.Sql): RawSql => ({ text: sql.text, values: sql.values as unknown[] });

function customersCase(name: string, input: (fx: Fixtures) => Record<string, string>): BenchCase {
  return {
    name,
    user: PROVIDER_USER,
    pagePath: (fx) => `/customers?${new URLSearchParams(input(fx))}`,
    floorPath: (fx) => `/bench-floor/customers?${new URLSearchParams(input(fx))}`,
    // As the page asks: with its reseller filter, in the same statement.
    domain: (ctx, fx) => findCustomers(need(ctx), input(fx), { filter: true }),
    // (A search as findCustomers first sends it: in a bounded walk, which is all it sends for a common word.)
    rawSql: (ctx, fx) =>
      raw(
        findCustomersSql(need(ctx), findCustomersInput.parse(input(fx)), { filter: true, walk: Boolean(input(fx).q) }),
      ),
  };
}

export const CASES: BenchCase[] = [
  {
    name: 'Indirect resellers',
    user: PROVIDER_USER,
    pagePath: () => '/indirect-resellers',
    floorPath: () => '/bench-floor/indirect-resellers',
    domain: (ctx) => findIndirectResellers(need(ctx), {}),
    rawSql: (ctx) => raw(findIndirectResellersSql(need(ctx), {})),
  },
  customersCase('Customers: first page', () => ({})),
  customersCase('Customers: one reseller', (fx) => ({ reseller: fx.resellerId })),
  customersCase('Customers: last page', () => ({ last: '1' })),
  customersCase(`Customers: search "${SEARCH}"`, () => ({ q: SEARCH })),
  {
    name: 'Customer subscriptions',
    user: PROVIDER_USER,
    pagePath: (fx) => `/customers/${fx.bigCustomerId}`,
    floorPath: () => '/bench-floor/customer',
    domain: (ctx, fx) => findCustomerSubscriptions(need(ctx), fx.bigCustomerId),
    rawSql: (ctx, fx) => raw(findCustomerSubscriptionsSql(need(ctx), fx.bigCustomerId)),
  },
  {
    name: 'Reseller: managed subscriptions',
    user: RESELLER_USER,
    pagePath: () => '/subscriptions?relation=managed',
    floorPath: () => '/bench-floor/subscriptions?relation=managed',
    domain: (ctx) => findResellerSubscriptions(need(ctx), { relation: 'managed' }),
    rawSql: (ctx) => raw(findResellerSubscriptionsSql(need(ctx), { relation: 'managed' })),
  },
  {
    name: 'Reseller: supported subscriptions',
    user: RESELLER_USER,
    pagePath: () => '/subscriptions?relation=support',
    floorPath: () => '/bench-floor/subscriptions?relation=support',
    domain: (ctx) => findResellerSubscriptions(need(ctx), { relation: 'support' }),
    rawSql: (ctx) => raw(findResellerSubscriptionsSql(need(ctx), { relation: 'support' })),
  },
  {
    name: 'Audit log',
    user: PROVIDER_USER,
    pagePath: () => '/audit-log',
    floorPath: () => '/bench-floor/audit-log',
    domain: (ctx) => findAuditEvents(need(ctx), {}),
    rawSql: (ctx) => raw(findAuditEventsSql(need(ctx), findAuditEventsInput.parse({}))),
  },
  {
    name: 'Audit log: one action',
    user: PROVIDER_USER,
    pagePath: (fx) => `/audit-log?action=${encodeURIComponent(fx.auditAction)}`,
    floorPath: (fx) => `/bench-floor/audit-log?action=${encodeURIComponent(fx.auditAction)}`,
    domain: (ctx, fx) => findAuditEvents(need(ctx), { action: fx.auditAction }),
    rawSql: (ctx, fx) => raw(findAuditEventsSql(need(ctx), findAuditEventsInput.parse({ action: fx.auditAction }))),
  },
  {
    name: 'Incentives (one month)',
    user: PROVIDER_USER,
    pagePath: (fx) => `/incentives?month=${fx.month}`,
    floorPath: (fx) => `/bench-floor/incentives?month=${fx.month}`,
    domain: (ctx, fx) => getIncentivesReport(need(ctx), { month: fx.month }),
    rawSql: (ctx, fx) => raw(incentivesSql(need(ctx), { month: fx.month }, fx.now)),
  },
  {
    name: 'Find a provider (public)',
    user: null,
    pagePath: () => '/find-a-provider',
    floorPath: () => DEFAULT_FLOOR,
    domain: () => findPublicProviders(),
    rawSql: () => raw(findPublicProvidersSql()),
  },
];

/** The Partner API's floor (app/api/bench-floor): its gates and 50 fixed customers, no query of its own. */
export const API_FLOOR = '/api/bench-floor';

/** The bench's two API apps: the provider's (PROVIDER_USER's) and the reseller's (RESELLER_USER's). */
export type ApiAppName = 'provider' | 'reseller';
export const API_APP_USERS: Record<ApiAppName, string> = { provider: PROVIDER_USER, reseller: RESELLER_USER };

export type ApiBenchCase = {
  name: string;
  /** The app whose token calls it (an app holding every scope its admin may grant). */
  app: ApiAppName;
  /** Path and query under /api/v1; its floor is API_FLOOR with the same query string. */
  path: (fx: Fixtures) => string;
  /** The statement the operation's domain call sends (its list's builder, with the API's options), as the app. */
  rawSql: (ctx: Ctx, fx: Fixtures) => RawSql;
};

const caseNamed = (name: string): BenchCase => {
  const c = CASES.find((k) => k.name === name);
  if (!c) throw new Error(`No bench case ${name}`);
  return c;
};

function apiCustomersCase(name: string, input: (fx: Fixtures) => Record<string, string>): ApiBenchCase {
  return {
    name: `GET /customers${name}`,
    app: 'provider',
    path: (fx) => `/api/v1/customers${Object.keys(input(fx)).length ? `?${new URLSearchParams(input(fx))}` : ''}`,
    // As the operation asks (lib/api/customers.ts): no reseller filter, `limit` rows (50 by default).
    rawSql: (ctx, fx) =>
      raw(findCustomersSql(ctx, findCustomersInput.parse(input(fx)), { walk: Boolean(input(fx).q) }, 50)),
  };
}

/**
 * The Partner API's lists at the bench's big size, each beside the API floor.
 * Where the operation sends its page's very statement (the same builder, the
 * same input, 50 rows), the page case's raw SQL is reused.
 */
export const API_CASES: ApiBenchCase[] = [
  apiCustomersCase(': first page', () => ({})),
  apiCustomersCase('?reseller=', (fx) => ({ reseller: fx.resellerId })),
  apiCustomersCase(`?q=${SEARCH}`, () => ({ q: SEARCH })),
  {
    name: 'GET /customers/{id}/subscriptions',
    app: 'provider',
    path: (fx) => `/api/v1/customers/${fx.bigCustomerId}/subscriptions`,
    rawSql: caseNamed('Customer subscriptions').rawSql,
  },
  {
    name: 'GET /subscriptions?relation=managed',
    app: 'reseller',
    path: () => '/api/v1/subscriptions?relation=managed',
    rawSql: caseNamed('Reseller: managed subscriptions').rawSql,
  },
  {
    name: 'GET /indirect-resellers',
    app: 'provider',
    path: () => '/api/v1/indirect-resellers',
    rawSql: caseNamed('Indirect resellers').rawSql,
  },
  {
    name: 'GET /audit-events',
    app: 'provider',
    path: () => '/api/v1/audit-events',
    rawSql: caseNamed('Audit log').rawSql,
  },
  {
    name: 'GET /reports/incentives?month=',
    app: 'provider',
    path: (fx) => `/api/v1/reports/incentives?month=${fx.month}`,
    rawSql: caseNamed('Incentives (one month)').rawSql,
  },
];

/** Looks up the fixtures of one database (a few bounded queries, once per run). */
export async function resolveFixtures(query: Query, now = new Date()): Promise<Fixtures> {
  const one = async (text: string, values: unknown[] = []): Promise<string> => {
    const { rows } = await query(text, values);
    const value = rows[0] ? Object.values(rows[0])[0] : undefined;
    if (typeof value !== 'string')
      throw new Error(`Bench fixture not found: ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
    return value;
  };
  const providerId = await one(`SELECT "organizationId" FROM "User" WHERE email = $1`, [PROVIDER_USER]);
  const fabrikamId = await one(`SELECT "organizationId" FROM "User" WHERE email = $1`, [RESELLER_USER]);
  const resellerId = await one(
    `SELECT "managingResellerId" FROM "Customer" WHERE "providerId" = $1 AND "managingResellerId" IS NOT NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [providerId],
  );
  const bigCustomerId = await one(
    `SELECT s."customerId" FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId"
      WHERE c."providerId" = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [providerId],
  );
  const auditAction = await one(
    `SELECT action FROM (SELECT action FROM "AuditEvent" WHERE "orgIds" @> ARRAY[$1]::text[]
        ORDER BY "occurredAt" DESC LIMIT 20000) e
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`,
    [providerId],
  );
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const month = `${previous.getUTCFullYear()}-${String(previous.getUTCMonth() + 1).padStart(2, '0')}`;
  return { providerId, fabrikamId, resellerId, bigCustomerId, auditAction, month, now };
}
