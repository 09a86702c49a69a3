import 'server-only';
import { rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { INCENTIVES_PAGE_SIZE, monthOf, monthRange } from '@/lib/reports/schemas';
import type { Input, Scope } from './scope';
import {
  INCENTIVES_FILTER_OPTIONS,
  INCENTIVES_RESELLER_COUNT_CAP,
  INCENTIVES_WALK,
  aggregates,
  bounds,
  earned,
  groupTerms,
  overlap,
  overlapsMonth,
  partnered,
  type IncentiveReseller,
  type IncentiveRow,
} from './sql';

// The statement of a page of the incentives report (get-incentives-report.ts
// runs it; sql.ts says what a row is). The page costs the same whatever the
// size of the data (a provider with 60,000 customers and 10,000 resellers
// reads about what one with 600 does):
// - Rows are ordered by (reseller legal name, reseller id, customer name,
//   subscription id, period start) and paged by keyset, 50 rows a page. One
//   statement walks the provider's resellers in legal-name order (index on
//   Organization.legalName; each checked against its partnerships, ended ones
//   included, since history stays) and, LATERAL, computes each reseller's rows
//   from its own periods (index on associations (resellerId, startedAt)), so
//   PostgreSQL stops after the resellers that fill the page.
// - A page walks at most INCENTIVES_WALK resellers: in a month in which few
//   of them earned anything (one long before most partnerships began), a
//   page that is not full by then ends early, says so, and its "Next page"
//   goes on after the last reseller walked. Without this bound an empty
//   month would probe every one of 10,000 resellers (≈ 300 ms).
// - Within a reseller the rows are numbered; the cursor is
//   `<reseller id>.<row number>`: the next page starts at that reseller's
//   legal name (index range) and skips its rows up to that number. A
//   reseller's rows are all computed anyway (they are grouped), so the
//   number costs nothing.
// - The totals per reseller and currency are computed for the resellers on
//   the page only, over all their rows of the month (a window over the rows
//   each LATERAL computes), never over every reseller.
// - No count of all rows (it would compute the whole month): the statement
//   returns a count of the provider's resellers capped at
//   INCENTIVES_RESELLER_COUNT_CAP ("100+"), read from the partnerships
//   index alone, and the resellers for the filter's list when there are at
//   most INCENTIVES_FILTER_OPTIONS (else the page asks for an MPN ID).
// - Page, totals, count and filter come back in one round trip (one row of
//   JSON), through `query()` straight on the pool.
// What still grows: a reseller's rows are numbered and totalled over all its
// periods of the month, so one very large reseller costs in proportion to its
// own periods (the scale data's largest, 7,472 periods: ≈ 115 ms for its own
// view or the provider's view filtered to it, against ≈ 1–2 ms for one of
// typical size). Bounding that needs totals maintained per reseller, provider
// and month, and rows streamed from an index on (resellerId, subscriptionId).
// The indexes behind it: Organization (legalName), Partnership (providerId,
// resellerId, activeMarker) for "is a reseller of this provider" and the
// capped count, associations (resellerId, startedAt), Subscription and
// Customer primary keys. No further index was needed.

type PageRow = Omit<IncentiveRow, 'from' | 'to'> & {
  from: string;
  to: string;
  /** Row number within its reseller, in the order of the report (the cursor). */
  n: number;
  /** The reseller's total per currency over all its rows of the month. */
  totals: Record<string, number>;
};

export type Statement = {
  rows: PageRow[];
  /** Provider only: its resellers (partnerships, ended ones included), count capped. */
  resellers: { count: number; options: IncentiveReseller[] | null } | null;
  /** Provider only: the reseller of the filter, null when the id or MPN ID is not one of its resellers. */
  selected: IncentiveReseller | null;
  /** Set when the page is not full because it walked INCENTIVES_WALK resellers: the last of them. */
  walkedTo: string | null;
};

/** The one statement of a report page (see above), for a prepared scope and input. */
export function pageSql(scope: Scope, input: Input, now: Date, limit = INCENTIVES_PAGE_SIZE): Prisma.Sql {
  const { start, end } = monthRange(input.month ?? monthOf(now));
  const provider = scope.audience === 'provider';
  // The resellers the page walks, in (legalName, id) order, at most INCENTIVES_WALK of them.
  const drive: Prisma.Sql[] = [];
  let keyset = Prisma.empty;
  if (!provider) drive.push(Prisma.sql`reseller.id = ${scope.orgId}`);
  else {
    if (input.reseller) drive.push(Prisma.sql`reseller.id = ${input.reseller}`);
    else if (input.mpn) drive.push(Prisma.sql`reseller."mpnId" = ${input.mpn}`);
    drive.push(partnered(scope.orgId));
  }
  if (input.after) {
    const dot = input.after.lastIndexOf('.');
    const id = input.after.slice(0, dot);
    const n = Number(input.after.slice(dot + 1));
    const name = Prisma.sql`(SELECT after_reseller."legalName" FROM "Organization" after_reseller
                               WHERE after_reseller.id = ${id})`;
    drive.push(
      Prisma.sql`reseller."legalName" >= ${name}`,
      Prisma.sql`(reseller."legalName", reseller.id) >= (${name}, ${id})`,
    );
    keyset = Prisma.sql`WHERE (reseller."legalName", reseller.id, reseller_rows.n) > (${name}, ${id}, ${n}::int)`;
  }
  const walk = Prisma.sql`SELECT reseller.id, reseller."legalName", reseller."mpnId" FROM "Organization" reseller
    WHERE ${Prisma.join(drive, ' AND ')} ORDER BY reseller."legalName", reseller.id ${rowLimit(INCENTIVES_WALK)}`;
  // The provider's id from a subquery: its rows are then estimated alike
  // whichever provider asks (a provider's share of customers, known only for a
  // bound value, made each run's plan look cheaper than the reused one, which
  // was kept unused although it runs as fast).
  const ofProvider = provider ? Prisma.sql`AND customer."providerId" = (SELECT ${scope.orgId}::text)` : Prisma.empty;
  const page = Prisma.sql`
    SELECT reseller.id AS "resellerId", reseller."legalName" AS "resellerName", reseller."mpnId" AS "resellerMpnId",
           reseller_rows."providerId", reseller_rows."offerId", reseller_rows."customerId",
           reseller_rows."customerName", reseller_rows."subscriptionId", reseller_rows.quantity,
           reseller_rows."unitPriceMinor", reseller_rows.currency, reseller_rows."incentiveRateBps",
           reseller_rows."from", reseller_rows."to", reseller_rows.days, reseller_rows."earnedMinor",
           reseller_rows.n, reseller_rows.totals
      FROM bounds
     CROSS JOIN (${walk}) reseller
     CROSS JOIN LATERAL (
       SELECT grouped.*, jsonb_object_agg(grouped.currency, grouped."currencyTotal") OVER () AS totals
         FROM (
           SELECT customer.id AS "customerId", customer."companyName" AS "customerName", customer."providerId",
                  ${groupTerms}, ${aggregates},
                  (row_number() OVER (ORDER BY customer."companyName", association."subscriptionId",
                                      MIN(${overlap.start}), association."offerId", association.quantity,
                                      association."unitPriceMinor", association.currency,
                                      association."incentiveRateBps"))::int AS n,
                  SUM(SUM(${earned})) OVER (PARTITION BY association.currency)::float8 AS "currencyTotal"
             FROM "SubscriptionResellerAssociation" association
             JOIN "Subscription" subscription ON subscription.id = association."subscriptionId"
             JOIN "Customer" customer ON customer.id = subscription."customerId"
            WHERE association."resellerId" = reseller.id AND ${overlapsMonth} ${ofProvider}
            GROUP BY customer.id, ${groupTerms}
         ) grouped
     ) reseller_rows
     ${keyset}
     ORDER BY reseller."legalName", reseller.id, reseller_rows.n
     ${rowLimit(limit + 1)}`;
  let resellers = Prisma.sql`NULL::json`;
  let selected = Prisma.sql`NULL::json`;
  if (provider) {
    resellers = Prisma.sql`json_build_object(
      'count', (SELECT count(*)::int FROM provider_resellers),
      'options', (SELECT json_agg(json_build_object('id', reseller.id, 'legalName', reseller."legalName",
                                                    'mpnId', reseller."mpnId")
                                  ORDER BY reseller."legalName", reseller.id)
                    FROM provider_resellers JOIN "Organization" reseller ON reseller.id = provider_resellers.id
                   WHERE (SELECT count(*) FROM provider_resellers) <= ${INCENTIVES_FILTER_OPTIONS}))`;
    const which = input.reseller
      ? Prisma.sql`reseller.id = ${input.reseller}`
      : input.mpn
        ? Prisma.sql`reseller."mpnId" = ${input.mpn}`
        : null;
    if (which) {
      selected = Prisma.sql`(SELECT json_build_object('id', reseller.id, 'legalName', reseller."legalName",
                                                      'mpnId', reseller."mpnId")
                               FROM "Organization" reseller WHERE ${which} AND ${partnered(scope.orgId)})`;
    }
  }
  const providerResellers = provider
    ? Prisma.sql`, provider_resellers AS (SELECT DISTINCT partnership."resellerId" AS id FROM "Partnership" partnership
                   WHERE partnership."providerId" = ${scope.orgId} ${rowLimit(INCENTIVES_RESELLER_COUNT_CAP + 1)})`
    : Prisma.empty;
  return Prisma.sql`
    WITH bounds AS (${bounds(start, end, now)}) ${providerResellers}, page AS (${page})
    SELECT COALESCE((
             SELECT json_agg(json_build_object(
                      'resellerId', page_row."resellerId", 'resellerName', page_row."resellerName",
                      'resellerMpnId', page_row."resellerMpnId", 'providerName', provider."legalName",
                      'customerId', page_row."customerId", 'customerName', page_row."customerName",
                      'subscriptionId', page_row."subscriptionId", 'offerName', offer.name,
                      'quantity', page_row.quantity, 'unitPriceMinor', page_row."unitPriceMinor",
                      'currency', page_row.currency, 'incentiveRateBps', page_row."incentiveRateBps",
                      'from', page_row."from", 'to', page_row."to", 'days', page_row.days,
                      'earnedMinor', page_row."earnedMinor", 'n', page_row.n, 'totals', page_row.totals)
                      ORDER BY page_row."resellerName", page_row."resellerId", page_row.n)
               FROM page page_row
               JOIN "Organization" provider ON provider.id = page_row."providerId"
               JOIN "Offer" offer ON offer.id = page_row."offerId"), '[]'::json) AS rows,
           ${resellers} AS resellers, ${selected} AS selected,
           -- A page that is not full after walking INCENTIVES_WALK resellers goes on after the last of them.
           CASE WHEN (SELECT count(*) FROM page) <= ${limit}
                THEN (SELECT CASE WHEN count(*) = ${INCENTIVES_WALK}
                                  THEN (array_agg(walked.id ORDER BY walked."legalName" DESC, walked.id DESC))[1] END
                        FROM (${walk}) walked) END AS "walkedTo"`;
}
