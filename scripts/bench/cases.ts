// The lists `npm run bench` measures, as data: for each, the page a signed-in
// user opens, the domain function behind it, and hand-written SQL returning
// the same rows (same filters, order and limit) for the raw `pg` baseline.
// To benchmark another list, add an entry to CASES.
import type { Ctx } from '../../lib/authz/context';
import { findCustomers } from '../../lib/customers/find-customers';
import { getCustomer } from '../../lib/customers/get-customer';
import { findIndirectResellers } from '../../lib/partnerships/find-indirect-resellers';
import { findResellerSubscriptions } from '../../lib/reports/find-reseller-subscriptions';
import { findAuditEvents } from '../../lib/reports/find-audit-events';
import { getIncentivesReport } from '../../lib/reports/incentives';
import { findPublicProviders } from '../../lib/organizations/find-public-providers';

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
  /** Keyset cursor 25 rows before the end of Northwind's customers: the last page. */
  lastPageCursor: string;
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
  domain: (ctx: Ctx | null, fx: Fixtures) => Promise<unknown>;
  rawSql: (ctx: Ctx | null, fx: Fixtures) => RawSql;
};

type Query = (text: string, values?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

export const SEARCH = 'bank';
const PAGE = 51; // 50 rows and one to know there is a next page

function need(ctx: Ctx | null): Ctx {
  if (!ctx) throw new Error('This case needs a signed-in user');
  return ctx;
}

/** PostgreSQL LIKE pattern for "contains", as Prisma escapes it. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

function customersSql(providerId: string, opts: { reseller?: string; q?: string; after?: string }): RawSql {
  const values: unknown[] = [providerId];
  const where = ['c."providerId" = $1'];
  if (opts.reseller) where.push(`c."managingResellerId" = $${values.push(opts.reseller)}`);
  if (opts.q) {
    const a = values.push(contains(opts.q));
    const b = values.push(contains(opts.q.toLowerCase()));
    where.push(`(c."companyName" ILIKE $${a} OR c."tenantDomain" LIKE $${b})`);
  }
  if (opts.after) {
    where.push(`(c."companyName", c.id) > (SELECT k."companyName", k.id FROM "Customer" k WHERE k.id = $${values.push(opts.after)} AND k."providerId" = $1)`);
  }
  return {
    text: `SELECT c.id, c."companyName", c."tenantDomain", c."createdAt",
                  p.id AS "providerId", p."legalName" AS "providerName",
                  r.id AS "resellerId", r."legalName" AS "resellerName", r."mpnId" AS "resellerMpnId"
             FROM "Customer" c
             JOIN "Organization" p ON p.id = c."providerId"
             LEFT JOIN "Organization" r ON r.id = c."managingResellerId"
            WHERE ${where.join(' AND ')}
            ORDER BY c."companyName", c.id
            LIMIT ${PAGE}`,
    values,
  };
}

function resellerSubscriptionsSql(resellerId: string, relation: 'managed' | 'support'): RawSql {
  const filter = relation === 'managed' ? 'c."managingResellerId" = $1' : 's."supportContactOrgId" = $1';
  return {
    text: `SELECT s.id, s.quantity, s.status, s."supportContactOrgId", o.name AS "offerName",
                  c.id AS "customerId", c."companyName", c."tenantDomain", c."managingResellerId",
                  r.id AS "resellerId", r."legalName" AS "resellerName", r."mpnId" AS "resellerMpnId",
                  sc.id AS "supportId", sc."legalName" AS "supportName"
             FROM "Subscription" s
             JOIN "Customer" c ON c.id = s."customerId"
             JOIN "Offer" o ON o.id = s."offerId"
             LEFT JOIN "Organization" r ON r.id = s."resellerId"
             JOIN "Organization" sc ON sc.id = s."supportContactOrgId"
            WHERE ${filter}
            ORDER BY c."companyName", s.id
            LIMIT ${PAGE}`,
    values: [resellerId],
  };
}

function auditSql(orgId: string, action?: string): RawSql {
  const values: unknown[] = [orgId];
  const where = ['e."orgIds" @> ARRAY[$1]::text[]'];
  if (action) where.push(`e.action = $${values.push(action)}`);
  return {
    text: `SELECT e.id, e."occurredAt", e.action, e.outcome::text AS outcome, e."targetType", e."targetId", e.before, e.after,
                  u.name AS "actorName", u.email AS "actorEmail", COALESCE(o."legalName", cu."companyName") AS "actorOrg"
             FROM "AuditEvent" e
             LEFT JOIN "User" u ON u.id = e."actorUserId"
             LEFT JOIN "Organization" o ON o.id = e."actorOrgId"
             LEFT JOIN "Customer" cu ON cu.id = u."customerId"
            WHERE ${where.join(' AND ')}
            ORDER BY e."occurredAt" DESC, e.id DESC
            LIMIT ${PAGE}`,
    values,
  };
}

function monthBounds(month: string): [Date, Date] {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return [new Date(Date.UTC(y, m - 1, 1)), new Date(Date.UTC(y, m, 1))];
}

export const CASES: BenchCase[] = [
  {
    name: 'Indirect resellers',
    user: PROVIDER_USER,
    pagePath: () => '/indirect-resellers',
    domain: (ctx) => findIndirectResellers(need(ctx), {}),
    rawSql: (ctx) => ({
      text: `WITH p AS (
               SELECT p.id, p.state, p."startedAt", p."endedAt", p."resellerId", r."legalName", r."mpnId", r.status
                 FROM "Partnership" p JOIN "Organization" r ON r.id = p."resellerId"
                WHERE p."providerId" = $1
                ORDER BY p.state, p."startedAt"
                LIMIT 500)
             SELECT p.*,
                    CASE WHEN p.state = 'ACTIVE' THEN (SELECT count(*) FROM "Customer" c WHERE c."providerId" = $1 AND c."managingResellerId" = p."resellerId") ELSE 0 END AS customers,
                    CASE WHEN p.state = 'ACTIVE' THEN (SELECT COALESCE(sum(s.quantity), 0) FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId"
                                                        WHERE s."resellerId" = p."resellerId" AND s.status = 'ACTIVE' AND c."providerId" = $1) ELSE 0 END AS licences
               FROM p
              ORDER BY p.state, p."startedAt"`,
      values: [need(ctx).orgId],
    }),
  },
  {
    name: 'Customers: first page',
    user: PROVIDER_USER,
    pagePath: () => '/customers',
    domain: (ctx) => findCustomers(need(ctx), {}),
    rawSql: (ctx) => customersSql(need(ctx).orgId!, {}),
  },
  {
    name: 'Customers: one reseller',
    user: PROVIDER_USER,
    pagePath: (fx) => `/customers?reseller=${fx.resellerId}`,
    domain: (ctx, fx) => findCustomers(need(ctx), { reseller: fx.resellerId }),
    rawSql: (ctx, fx) => customersSql(need(ctx).orgId!, { reseller: fx.resellerId }),
  },
  {
    name: 'Customers: last page',
    user: PROVIDER_USER,
    pagePath: (fx) => `/customers?after=${fx.lastPageCursor}`,
    domain: (ctx, fx) => findCustomers(need(ctx), { after: fx.lastPageCursor }),
    rawSql: (ctx, fx) => customersSql(need(ctx).orgId!, { after: fx.lastPageCursor }),
  },
  {
    name: `Customers: search "${SEARCH}"`,
    user: PROVIDER_USER,
    pagePath: () => `/customers?q=${SEARCH}`,
    domain: (ctx) => findCustomers(need(ctx), { q: SEARCH }),
    rawSql: (ctx) => customersSql(need(ctx).orgId!, { q: SEARCH }),
  },
  {
    name: 'Customer subscriptions',
    user: PROVIDER_USER,
    pagePath: (fx) => `/customers/${fx.bigCustomerId}`,
    domain: (ctx, fx) => getCustomer(need(ctx), fx.bigCustomerId),
    rawSql: (ctx, fx) => ({
      text: `SELECT c.id, c."companyName", c."tenantDomain", c."managingResellerId", c."resellerDelegatedAdmin", c."resellerTenantOwner",
                    pr."legalName" AS "providerName", pr."mpnId" AS "providerMpnId", mr."legalName" AS "managingResellerName", mr."mpnId" AS "managingResellerMpnId",
                    s.id AS "subscriptionId", s.quantity, s.status, s."createdAt", s."renewsAt", s."termStartedAt",
                    o.name AS "offerName", o.sku, o."isAzurePlan", r."legalName" AS "resellerName", r."mpnId" AS "resellerMpnId",
                    sc."legalName" AS "supportName", sc."contactEmail" AS "supportEmail", sc."contactPhone" AS "supportPhone"
               FROM "Customer" c
               JOIN "Organization" pr ON pr.id = c."providerId"
               LEFT JOIN "Organization" mr ON mr.id = c."managingResellerId"
               LEFT JOIN "Subscription" s ON s."customerId" = c.id
               LEFT JOIN "Offer" o ON o.id = s."offerId"
               LEFT JOIN "Organization" r ON r.id = s."resellerId"
               LEFT JOIN "Organization" sc ON sc.id = s."supportContactOrgId"
              WHERE c.id = $1 AND c."providerId" = $2
              ORDER BY s."createdAt", s.id`,
      values: [fx.bigCustomerId, need(ctx).orgId],
    }),
  },
  {
    name: 'Reseller: managed subscriptions',
    user: RESELLER_USER,
    pagePath: () => '/subscriptions?relation=managed',
    domain: (ctx) => findResellerSubscriptions(need(ctx), { relation: 'managed' }),
    rawSql: (ctx) => resellerSubscriptionsSql(need(ctx).orgId!, 'managed'),
  },
  {
    name: 'Reseller: supported subscriptions',
    user: RESELLER_USER,
    pagePath: () => '/subscriptions?relation=support',
    domain: (ctx) => findResellerSubscriptions(need(ctx), { relation: 'support' }),
    rawSql: (ctx) => resellerSubscriptionsSql(need(ctx).orgId!, 'support'),
  },
  {
    name: 'Audit log',
    user: PROVIDER_USER,
    pagePath: () => '/audit-log',
    domain: (ctx) => findAuditEvents(need(ctx), {}),
    rawSql: (ctx) => auditSql(need(ctx).orgId!),
  },
  {
    name: 'Audit log: one action',
    user: PROVIDER_USER,
    pagePath: (fx) => `/audit-log?action=${encodeURIComponent(fx.auditAction)}`,
    domain: (ctx, fx) => findAuditEvents(need(ctx), { action: fx.auditAction }),
    rawSql: (ctx, fx) => auditSql(need(ctx).orgId!, fx.auditAction),
  },
  {
    name: 'Incentives (one month)',
    user: PROVIDER_USER,
    pagePath: (fx) => `/incentives?month=${fx.month}`,
    domain: (ctx, fx) => getIncentivesReport(need(ctx), { month: fx.month }),
    rawSql: (ctx, fx) => {
      const [start, end] = monthBounds(fx.month);
      return {
        text: `WITH b AS (SELECT $1::timestamptz AS ms, $2::timestamptz AS me, $3::timestamptz AS now),
               p AS (
                 SELECT a."resellerId", a."subscriptionId", a."offerId", a.quantity, a."unitPriceMinor", a.currency, a."incentiveRateBps",
                        GREATEST(a."startedAt", b.ms) AS s, LEAST(COALESCE(a."endedAt", b.now), b.me) AS e,
                        EXTRACT(EPOCH FROM (b.me - b.ms)) AS month_seconds, s."customerId", c."providerId"
                   FROM "SubscriptionResellerAssociation" a
                   CROSS JOIN b
                   JOIN "Subscription" s ON s.id = a."subscriptionId"
                   JOIN "Customer" c ON c.id = s."customerId"
                  WHERE a."startedAt" < b.me AND COALESCE(a."endedAt", b.now) > b.ms AND c."providerId" = $4)
               SELECT p."resellerId", r."legalName" AS "resellerName", r."mpnId" AS "resellerMpnId", pr."legalName" AS "providerName",
                      p."customerId", c."companyName" AS "customerName", p."subscriptionId", o.name AS "offerName",
                      p.quantity, p."unitPriceMinor", p.currency, p."incentiveRateBps",
                      MIN(p.s) AS "from", MAX(p.e) AS "to",
                      (SUM(EXTRACT(EPOCH FROM (p.e - p.s))) / 86400)::float8 AS days,
                      SUM(p.quantity::numeric * p."unitPriceMinor" * p."incentiveRateBps" / 10000 * EXTRACT(EPOCH FROM (p.e - p.s)) / p.month_seconds)::float8 AS "earnedMinor",
                      SUM(SUM(p.quantity::numeric * p."unitPriceMinor" * p."incentiveRateBps" / 10000 * EXTRACT(EPOCH FROM (p.e - p.s)) / p.month_seconds))
                        OVER (PARTITION BY p."resellerId", p.currency)::float8 AS "resellerTotalMinor",
                      (COUNT(*) OVER ())::int AS "totalRows"
                 FROM p
                 JOIN "Organization" r ON r.id = p."resellerId"
                 JOIN "Organization" pr ON pr.id = p."providerId"
                 JOIN "Customer" c ON c.id = p."customerId"
                 JOIN "Offer" o ON o.id = p."offerId"
                GROUP BY p."resellerId", r."legalName", r."mpnId", pr."legalName", p."customerId", c."companyName", p."subscriptionId", o.name,
                         p."offerId", p.quantity, p."unitPriceMinor", p.currency, p."incentiveRateBps"
                ORDER BY r."legalName", p."resellerId", c."companyName", p."subscriptionId", MIN(p.s)
                LIMIT 500`,
        values: [start, end, fx.now, need(ctx).orgId],
      };
    },
  },
  {
    name: 'Find a provider (public)',
    user: null,
    pagePath: () => '/find-a-provider',
    domain: () => findPublicProviders(),
    rawSql: () => ({
      text: `SELECT o.id, o."legalName", o."mpnId", o.country, o.website,
                    pp.description, pp."regionsServed", pp."contactEmail", pp."contactPhone", pp.website AS "profileWebsite"
               FROM "Organization" o
               LEFT JOIN "ProviderProfile" pp ON pp."organizationId" = o.id
              WHERE o.kind = 'INDIRECT_PROVIDER' AND o.status = 'ACTIVE'
              ORDER BY o."legalName"
              LIMIT 500`,
      values: [],
    }),
  },
];

/** Looks up the fixtures of one database (a few bounded queries, once per run). */
export async function resolveFixtures(query: Query, now = new Date()): Promise<Fixtures> {
  const one = async (text: string, values: unknown[] = []): Promise<string> => {
    const { rows } = await query(text, values);
    const value = rows[0] ? Object.values(rows[0])[0] : undefined;
    if (typeof value !== 'string') throw new Error(`Bench fixture not found: ${text.replace(/\s+/g, ' ').slice(0, 120)}`);
    return value;
  };
  const providerId = await one(`SELECT "organizationId" FROM "User" WHERE email = $1`, [PROVIDER_USER]);
  const fabrikamId = await one(`SELECT "organizationId" FROM "User" WHERE email = $1`, [RESELLER_USER]);
  const resellerId = await one(
    `SELECT "managingResellerId" FROM "Customer" WHERE "providerId" = $1 AND "managingResellerId" IS NOT NULL
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`, [providerId]);
  // The 26th customer from the end (or the first, with fewer customers): the page after it holds the last 25.
  const lastPageCursor = await one(
    `SELECT id FROM (SELECT id, "companyName" FROM "Customer" WHERE "providerId" = $1 ORDER BY "companyName" DESC, id DESC LIMIT 26) k
      ORDER BY "companyName", id LIMIT 1`, [providerId]);
  const bigCustomerId = await one(
    `SELECT s."customerId" FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId"
      WHERE c."providerId" = $1 GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`, [providerId]);
  const auditAction = await one(
    `SELECT action FROM (SELECT action FROM "AuditEvent" WHERE "orgIds" @> ARRAY[$1]::text[] ORDER BY "occurredAt" DESC LIMIT 20000) e
      GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1`, [providerId]);
  const previous = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  const month = `${previous.getUTCFullYear()}-${String(previous.getUTCMonth() + 1).padStart(2, '0')}`;
  return { providerId, fabrikamId, resellerId, lastPageCursor, bigCustomerId, auditAction, month, now };
}
