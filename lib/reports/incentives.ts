import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { clock } from '@/lib/clock';
import { NotFound } from '@/lib/errors';
import { incentivesInput, monthOf, monthRange, type IncentivesInput } from './schemas';

// R8 incentives, computed in PostgreSQL from association periods in one query.
// For each period ∩ calendar month (UTC), an open period counting until now:
//   days   = length of the overlap in days (fractional)
//   earned = licences × unit price × incentive rate × days ÷ days in the month
// (unit prices are per licence per month; the Azure plan is usage-based with
// price 0, so it earns 0). Periods of one subscription in the month with the
// same terms (reseller, offer, licences, unit price, currency, rate) are summed
// into one row; a change of licences or offer within the month gives another row.

export const INCENTIVES_PAGE_ROWS = 500;
export const INCENTIVES_EXPORT_ROWS = 50_000;

export type IncentiveRow = {
  resellerId: string; resellerName: string; resellerMpnId: string | null; providerName: string;
  customerId: string; customerName: string; subscriptionId: string; offerName: string;
  quantity: number; unitPriceMinor: number; currency: string; incentiveRateBps: number;
  from: Date; to: Date; days: number; earnedMinor: number;
  /** Sum of earnedMinor over every row of this reseller and currency in the month (not only the rows returned). */
  resellerTotalMinor: number;
  totalRows: number;
};

export async function getIncentivesReport(ctx: Ctx, raw: IncentivesInput, limit = INCENTIVES_PAGE_ROWS) {
  assertCan(ctx, 'incentives.read');
  assertAudience(ctx, 'provider', 'reseller');
  const input = incentivesInput.parse(raw);
  const now = clock.now();
  const month = input.month ?? monthOf(now);
  const { start, end } = monthRange(month);
  const orgId = ctx.orgId!;
  let scope: Prisma.Sql;
  if (audienceOf(ctx) === 'provider') {
    // Periods of subscriptions of the provider's own customers, whoever the reseller was.
    scope = input.reseller ? Prisma.sql`c."providerId" = ${orgId} AND a."resellerId" = ${input.reseller}` : Prisma.sql`c."providerId" = ${orgId}`;
  } else {
    // A reseller's own periods, even for customers it no longer reaches (history stays).
    if (input.reseller && input.reseller !== orgId) throw new NotFound('reseller');
    scope = Prisma.sql`a."resellerId" = ${orgId}`;
  }
  const rows = await db().$queryRaw<IncentiveRow[]>(Prisma.sql`
    WITH b AS (SELECT ${start}::timestamptz AS ms, ${end}::timestamptz AS me, ${now}::timestamptz AS now),
    p AS (
      SELECT a."resellerId", a."subscriptionId", a."offerId", a.quantity, a."unitPriceMinor", a.currency, a."incentiveRateBps",
             GREATEST(a."startedAt", b.ms) AS s, LEAST(COALESCE(a."endedAt", b.now), b.me) AS e,
             EXTRACT(EPOCH FROM (b.me - b.ms)) AS month_seconds, s."customerId", c."providerId"
        FROM "SubscriptionResellerAssociation" a
        CROSS JOIN b
        JOIN "Subscription" s ON s.id = a."subscriptionId"
        JOIN "Customer" c ON c.id = s."customerId"
       WHERE a."startedAt" < b.me AND COALESCE(a."endedAt", b.now) > b.ms AND ${scope}
    )
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
     LIMIT ${limit}`);
  // Totals per reseller and currency, in the order of the rows.
  const totals = new Map<string, { resellerId: string; resellerName: string; currency: string; earnedMinor: number }>();
  for (const row of rows) {
    const key = `${row.resellerId} ${row.currency}`;
    if (!totals.has(key)) totals.set(key, { resellerId: row.resellerId, resellerName: row.resellerName, currency: row.currency, earnedMinor: row.resellerTotalMinor });
  }
  return { month, start, end, rows, totals: [...totals.values()], totalRows: rows[0]?.totalRows ?? 0, truncated: (rows[0]?.totalRows ?? 0) > rows.length };
}

/** Provider only: resellers that hold or held periods on its customers' subscriptions, for the filter. */
export async function listIncentiveResellers(ctx: Ctx) {
  assertCan(ctx, 'incentives.read');
  if (audienceOf(ctx) !== 'provider') return [];
  return db().organization.findMany({
    where: { resellerAssociations: { some: { subscription: { customer: { providerId: ctx.orgId! } } } } },
    orderBy: [{ legalName: 'asc' }, { id: 'asc' }],
    select: { id: true, legalName: true, mpnId: true },
  });
}
