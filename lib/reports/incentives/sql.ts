import 'server-only';
import { timestampLiteral } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';

// R8 incentives, computed in PostgreSQL from association periods.
// For each period ∩ calendar month (UTC), an open period counting until now:
//   days   = length of the overlap in days (fractional)
//   earned = licences × unit price × incentive rate × days ÷ days in the month
// (unit prices are per licence per month; the Azure plan is usage-based with
// price 0, so it earns 0). Periods of one subscription in the month with the
// same terms (reseller, offer, licences, unit price, currency, rate) are summed
// into one row; a change of licences or offer within the month gives another row.
//
// The report's three reads, one per file beside this one, share what is here:
// - get-incentives-report.ts: a page of the report (keyset pages, totals, count
//   and filter in one statement, page-sql.ts, which tells how it stays cheap
//   at any size);
// - get-incentives-export.ts: every row of the month, for the CSV export;
// - list-incentive-resellers.ts: a provider's resellers, for the filter.
// scope.ts checks the caller and scopes the input for the first two.
//
// The SQL's names: `association` a SubscriptionResellerAssociation row (a
// period), `bounds` the month's bounds and "now" (a one-row CTE), `reseller`,
// `provider`, `customer`, `subscription`, `offer` and `partnership` rows of
// those tables, `provider_resellers` the ids of a provider's resellers.

export const INCENTIVES_EXPORT_ROWS = 50_000;
/** Above this many resellers the filter is a text field for an MPN ID instead of a list. */
export const INCENTIVES_FILTER_OPTIONS = 100;
/**
 * The count of the provider's resellers stops here ("100+"): the statement
 * reads at most this many + 1 partnerships whatever the provider's size (a
 * cap of 1,000 cost ≈ 0.4 ms more at 8,000 resellers than at 100).
 */
export const INCENTIVES_RESELLER_COUNT_CAP = INCENTIVES_FILTER_OPTIONS;
/** A page walks at most this many resellers (a month in which few of them earned anything ends a page early). */
export const INCENTIVES_WALK = 500;

export type IncentiveRow = {
  resellerId: string;
  resellerName: string;
  resellerMpnId: string | null;
  providerName: string;
  customerId: string;
  customerName: string;
  subscriptionId: string;
  offerName: string;
  quantity: number;
  unitPriceMinor: number;
  currency: string;
  incentiveRateBps: number;
  from: Date;
  to: Date;
  days: number;
  earnedMinor: number;
};

export type IncentiveReseller = { id: string; legalName: string; mpnId: string | null };

// A period's overlap [start, end) with the month [month_start, month_end), an open period ending now.
export const overlap = {
  start: Prisma.sql`GREATEST(association."startedAt", bounds.month_start)`,
  end: Prisma.sql`LEAST(COALESCE(association."endedAt", bounds.now), bounds.month_end)`,
};
const seconds = Prisma.sql`EXTRACT(EPOCH FROM (${overlap.end} - ${overlap.start}))`;
/** What a period earned in the month (minor units, unrounded). */
export const earned = Prisma.sql`association.quantity::numeric * association."unitPriceMinor"
  * association."incentiveRateBps" / 10000 * ${seconds} / EXTRACT(EPOCH FROM (bounds.month_end - bounds.month_start))`;
/** The columns of one row, aggregated over the periods of a group. */
export const aggregates = Prisma.sql`
  MIN(${overlap.start}) AS "from", MAX(${overlap.end}) AS "to",
  (SUM(${seconds}) / 86400)::float8 AS days,
  SUM(${earned})::float8 AS "earnedMinor"`;
export const groupTerms = Prisma.sql`association."subscriptionId", association."offerId", association.quantity,
  association."unitPriceMinor", association.currency, association."incentiveRateBps"`;
export const overlapsMonth = Prisma.sql`association."startedAt" < bounds.month_end
  AND COALESCE(association."endedAt", bounds.now) > bounds.month_start`;
// The month's bounds are in the text (a reused plan is planned for that month); "now" is bound.
export const bounds = (start: Date, end: Date, now: Date) =>
  Prisma.sql`SELECT ${timestampLiteral(start)} AS month_start, ${timestampLiteral(end)} AS month_end,
                    ${now}::timestamptz AS now`;

/** `reseller` is one of the provider's resellers (partnerships, ended ones included, since history stays). */
export const partnered = (providerId: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Partnership" partnership
                WHERE partnership."providerId" = (SELECT ${providerId}::text)
                  AND partnership."resellerId" = reseller.id)`;
