import 'server-only';
import { query, rowLimit, timestampLiteral } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { clock } from '@/lib/clock';
import { NotFound } from '@/lib/errors';
import { INCENTIVES_PAGE_SIZE, incentivesInput, monthOf, monthRange, type IncentivesInput } from './schemas';

// R8 incentives, computed in PostgreSQL from association periods.
// For each period ∩ calendar month (UTC), an open period counting until now:
//   days   = length of the overlap in days (fractional)
//   earned = licences × unit price × incentive rate × days ÷ days in the month
// (unit prices are per licence per month; the Azure plan is usage-based with
// price 0, so it earns 0). Periods of one subscription in the month with the
// same terms (reseller, offer, licences, unit price, currency, rate) are summed
// into one row; a change of licences or offer within the month gives another row.
//
// The page costs the same whatever the size of the data (a provider with
// 60,000 customers and 10,000 resellers reads about what one with 600 does):
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
// The CSV export is not a page: it computes every row of the month (capped at
// INCENTIVES_EXPORT_ROWS) in one statement.

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

type PageRow = Omit<IncentiveRow, 'from' | 'to'> & {
  from: string;
  to: string;
  /** Row number within its reseller, in the order of the report (the cursor). */
  n: number;
  /** The reseller's total per currency over all its rows of the month. */
  totals: Record<string, number>;
};

export type IncentiveReseller = { id: string; legalName: string; mpnId: string | null };

type Statement = {
  rows: PageRow[];
  /** Provider only: its resellers (partnerships, ended ones included), count capped. */
  resellers: { count: number; options: IncentiveReseller[] | null } | null;
  /** Provider only: the reseller of the filter, null when the id or MPN ID is not one of its resellers. */
  selected: IncentiveReseller | null;
  /** Set when the page is not full because it walked INCENTIVES_WALK resellers: the last of them. */
  walkedTo: string | null;
};

type Scope = { audience: 'provider' | 'reseller'; orgId: string };

// A period's overlap [s, e) with the month [b.ms, b.me), an open period ending now.
const overlap = {
  s: Prisma.sql`GREATEST(a."startedAt", b.ms)`,
  e: Prisma.sql`LEAST(COALESCE(a."endedAt", b.now), b.me)`,
};
const seconds = Prisma.sql`EXTRACT(EPOCH FROM (${overlap.e} - ${overlap.s}))`;
/** The columns of one row, aggregated over the periods of a group. */
const aggregates = Prisma.sql`
  MIN(${overlap.s}) AS "from", MAX(${overlap.e}) AS "to",
  (SUM(${seconds}) / 86400)::float8 AS days,
  SUM(a.quantity::numeric * a."unitPriceMinor" * a."incentiveRateBps" / 10000 * ${seconds} / EXTRACT(EPOCH FROM (b.me - b.ms)))::float8 AS "earnedMinor"`;
const groupTerms = Prisma.sql`a."subscriptionId", a."offerId", a.quantity, a."unitPriceMinor", a.currency, a."incentiveRateBps"`;
const overlapsMonth = Prisma.sql`a."startedAt" < b.me AND COALESCE(a."endedAt", b.now) > b.ms`;
// The month's bounds are in the text (a reused plan is planned for that month); "now" is bound.
const bounds = (start: Date, end: Date, now: Date) =>
  Prisma.sql`SELECT ${timestampLiteral(start)} AS ms, ${timestampLiteral(end)} AS me, ${now}::timestamptz AS now`;

type Input = ReturnType<typeof incentivesInput.parse>;

/** The parsed input and scope of a caller (`incentives.read`, provider or reseller). */
function prepare(ctx: Ctx, raw: IncentivesInput): { scope: Scope; input: Input } {
  assertCan(ctx, 'incentives.read');
  assertAudience(ctx, 'provider', 'reseller');
  const input = incentivesInput.parse(raw);
  const scope: Scope = { audience: audienceOf(ctx) === 'provider' ? 'provider' : 'reseller', orgId: ctx.orgId! };
  if (scope.audience === 'reseller') {
    // A reseller reads only its own periods, even for customers it no longer reaches (history stays).
    if (input.reseller && input.reseller !== scope.orgId) throw new NotFound('reseller');
    input.reseller = undefined;
    input.mpn = undefined;
  }
  return { scope, input };
}

const partnered = (providerId: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM "Partnership" p WHERE p."providerId" = (SELECT ${providerId}::text) AND p."resellerId" = r.id)`;

/**
 * The one statement of a report page, as getIncentivesReport runs it
 * (exported so that the bench runs the very same SQL through `pg`).
 * Checks the permission and scope like the report.
 */
export function incentivesSql(ctx: Ctx, raw: IncentivesInput, now: Date): Prisma.Sql {
  const { scope, input } = prepare(ctx, raw);
  return pageSql(scope, input, now);
}

function pageSql(scope: Scope, input: Input, now: Date, limit = INCENTIVES_PAGE_SIZE): Prisma.Sql {
  const { start, end } = monthRange(input.month ?? monthOf(now));
  const provider = scope.audience === 'provider';
  // The resellers the page walks, in (legalName, id) order, at most INCENTIVES_WALK of them.
  const drive: Prisma.Sql[] = [];
  let keyset = Prisma.empty;
  if (!provider) drive.push(Prisma.sql`r.id = ${scope.orgId}`);
  else {
    if (input.reseller) drive.push(Prisma.sql`r.id = ${input.reseller}`);
    else if (input.mpn) drive.push(Prisma.sql`r."mpnId" = ${input.mpn}`);
    drive.push(partnered(scope.orgId));
  }
  if (input.after) {
    const dot = input.after.lastIndexOf('.');
    const id = input.after.slice(0, dot);
    const n = Number(input.after.slice(dot + 1));
    const name = Prisma.sql`(SELECT o."legalName" FROM "Organization" o WHERE o.id = ${id})`;
    drive.push(Prisma.sql`r."legalName" >= ${name}`, Prisma.sql`(r."legalName", r.id) >= (${name}, ${id})`);
    keyset = Prisma.sql`WHERE (r."legalName", r.id, x.n) > (${name}, ${id}, ${n}::int)`;
  }
  const walk = Prisma.sql`SELECT r.id, r."legalName", r."mpnId" FROM "Organization" r WHERE ${Prisma.join(drive, ' AND ')} ORDER BY r."legalName", r.id ${rowLimit(INCENTIVES_WALK)}`;
  // The provider's id from a subquery: its rows are then estimated alike
  // whichever provider asks (a provider's share of customers, known only for a
  // bound value, made each run's plan look cheaper than the reused one, which
  // was kept unused although it runs as fast).
  const ofProvider = provider ? Prisma.sql`AND c."providerId" = (SELECT ${scope.orgId}::text)` : Prisma.empty;
  const page = Prisma.sql`
    SELECT r.id AS "resellerId", r."legalName" AS "resellerName", r."mpnId" AS "resellerMpnId", x."providerId", x."offerId",
           x."customerId", x."customerName", x."subscriptionId",
           x.quantity, x."unitPriceMinor", x.currency, x."incentiveRateBps", x."from", x."to", x.days, x."earnedMinor", x.n, x.totals
      FROM b
     CROSS JOIN (${walk}) r
     CROSS JOIN LATERAL (
       SELECT g.*, jsonb_object_agg(g.currency, g."currencyTotal") OVER () AS totals
         FROM (
           SELECT c.id AS "customerId", c."companyName" AS "customerName", c."providerId", ${groupTerms}, ${aggregates},
                  (row_number() OVER (ORDER BY c."companyName", a."subscriptionId", MIN(${overlap.s}), a."offerId", a.quantity, a."unitPriceMinor", a.currency, a."incentiveRateBps"))::int AS n,
                  SUM(SUM(a.quantity::numeric * a."unitPriceMinor" * a."incentiveRateBps" / 10000 * ${seconds} / EXTRACT(EPOCH FROM (b.me - b.ms))))
                    OVER (PARTITION BY a.currency)::float8 AS "currencyTotal"
             FROM "SubscriptionResellerAssociation" a
             JOIN "Subscription" s ON s.id = a."subscriptionId"
             JOIN "Customer" c ON c.id = s."customerId"
            WHERE a."resellerId" = r.id AND ${overlapsMonth} ${ofProvider}
            GROUP BY c.id, ${groupTerms}
         ) g
     ) x
     ${keyset}
     ORDER BY r."legalName", r.id, x.n
     ${rowLimit(limit + 1)}`;
  let resellers = Prisma.sql`NULL::json`;
  let selected = Prisma.sql`NULL::json`;
  if (provider) {
    resellers = Prisma.sql`json_build_object(
      'count', (SELECT count(*)::int FROM d),
      'options', (SELECT json_agg(json_build_object('id', r.id, 'legalName', r."legalName", 'mpnId', r."mpnId") ORDER BY r."legalName", r.id)
                    FROM d JOIN "Organization" r ON r.id = d.id
                   WHERE (SELECT count(*) FROM d) <= ${INCENTIVES_FILTER_OPTIONS}))`;
    const which = input.reseller
      ? Prisma.sql`r.id = ${input.reseller}`
      : input.mpn
        ? Prisma.sql`r."mpnId" = ${input.mpn}`
        : null;
    if (which) {
      selected = Prisma.sql`(SELECT json_build_object('id', r.id, 'legalName', r."legalName", 'mpnId', r."mpnId") FROM "Organization" r WHERE ${which} AND ${partnered(scope.orgId)})`;
    }
  }
  const d = provider
    ? Prisma.sql`, d AS (SELECT DISTINCT p."resellerId" AS id FROM "Partnership" p WHERE p."providerId" = ${scope.orgId} ${rowLimit(INCENTIVES_RESELLER_COUNT_CAP + 1)})`
    : Prisma.empty;
  return Prisma.sql`
    WITH b AS (${bounds(start, end, now)}) ${d}, page AS (${page})
    SELECT COALESCE((
             SELECT json_agg(json_build_object(
                      'resellerId', p."resellerId", 'resellerName', p."resellerName", 'resellerMpnId', p."resellerMpnId", 'providerName', pr."legalName",
                      'customerId', p."customerId", 'customerName', p."customerName", 'subscriptionId', p."subscriptionId", 'offerName', o.name,
                      'quantity', p.quantity, 'unitPriceMinor', p."unitPriceMinor", 'currency', p.currency, 'incentiveRateBps', p."incentiveRateBps",
                      'from', p."from", 'to', p."to", 'days', p.days, 'earnedMinor', p."earnedMinor", 'n', p.n, 'totals', p.totals)
                      ORDER BY p."resellerName", p."resellerId", p.n)
               FROM page p
               JOIN "Organization" pr ON pr.id = p."providerId"
               JOIN "Offer" o ON o.id = p."offerId"), '[]'::json) AS rows,
           ${resellers} AS resellers, ${selected} AS selected,
           -- A page that is not full after walking INCENTIVES_WALK resellers goes on after the last of them.
           CASE WHEN (SELECT count(*) FROM page) <= ${limit}
                THEN (SELECT CASE WHEN count(*) = ${INCENTIVES_WALK} THEN (array_agg(r.id ORDER BY r."legalName" DESC, r.id DESC))[1] END FROM (${walk}) r) END AS "walkedTo"`;
}

/**
 * A page of the incentives report of one month: a provider's resellers on its
 * customers (optionally one reseller, by id or MPN ID), or a reseller's own
 * periods with every provider. Keyset pages of INCENTIVES_PAGE_SIZE rows.
 */
export async function getIncentivesReport(ctx: Ctx, raw: IncentivesInput) {
  const { scope, input } = prepare(ctx, raw);
  const now = clock.now();
  const month = input.month ?? monthOf(now);
  const { start, end } = monthRange(month);
  const [result] = await query<Statement>(pageSql(scope, { ...input, month }, now), { plan: 'reuse' });
  const all = result?.rows ?? [];
  const hasMore = all.length > INCENTIVES_PAGE_SIZE;
  const page = hasMore ? all.slice(0, INCENTIVES_PAGE_SIZE) : all;
  const rows: IncentiveRow[] = page.map(({ n: _n, totals: _t, ...row }) => ({
    ...row,
    from: new Date(row.from),
    to: new Date(row.to),
  }));
  // Totals per reseller and currency, for the resellers on this page, in the order of the rows.
  const totals: { resellerId: string; resellerName: string; currency: string; earnedMinor: number }[] = [];
  const seen = new Set<string>();
  for (const row of page) {
    if (seen.has(row.resellerId)) continue;
    seen.add(row.resellerId);
    for (const currency of Object.keys(row.totals).sort()) {
      totals.push({
        resellerId: row.resellerId,
        resellerName: row.resellerName,
        currency,
        earnedMinor: row.totals[currency]!,
      });
    }
  }
  const last = page[page.length - 1];
  let nextCursor = hasMore && last ? `${last.resellerId}.${last.n}` : null;
  if (!hasMore && result?.walkedTo) {
    // Every row of the resellers walked is on this page: go on after the last of them.
    const walkedTo = result.walkedTo;
    nextCursor = `${walkedTo}.${Math.max(0, ...page.filter((r) => r.resellerId === walkedTo).map((r) => r.n))}`;
  }
  const filtered = Boolean(scope.audience === 'provider' && (input.reseller || input.mpn));
  return {
    month,
    start,
    end,
    rows,
    totals,
    nextCursor,
    /** The page ended after walking INCENTIVES_WALK resellers without filling up: more may follow. */
    partial: !hasMore && Boolean(result?.walkedTo),
    /** Provider only: how many resellers it has (capped), and the list for the filter when short enough. */
    resellers: result?.resellers
      ? {
          count: Math.min(result.resellers.count, INCENTIVES_RESELLER_COUNT_CAP),
          capped: result.resellers.count > INCENTIVES_RESELLER_COUNT_CAP,
          options: result.resellers.options ?? null,
        }
      : null,
    /** The reseller of the filter (provider), or null. */
    selected: result?.selected ?? null,
    /** A reseller id or MPN ID was asked for that is not one of the provider's resellers. */
    unknownReseller: filtered && !result?.selected,
  };
}

/**
 * Provider only: its resellers (partnerships, ended ones included) for the
 * filter, at most INCENTIVES_FILTER_OPTIONS + 1 of them (more means: too many
 * for a list). Reads the partnerships index, never the periods.
 */
export async function listIncentiveResellers(ctx: Ctx): Promise<IncentiveReseller[]> {
  assertCan(ctx, 'incentives.read');
  if (audienceOf(ctx) !== 'provider') return [];
  return query<IncentiveReseller>(Prisma.sql`
    SELECT r.id, r."legalName", r."mpnId"
      FROM (SELECT DISTINCT p."resellerId" AS id FROM "Partnership" p WHERE p."providerId" = ${ctx.orgId!} ${rowLimit(INCENTIVES_FILTER_OPTIONS + 1)}) d
      JOIN "Organization" r ON r.id = d.id
     ORDER BY r."legalName", r.id`);
}

/** The statement of the CSV export: every row of the month in the report's order, up to `limit`. */
function exportSql(scope: Scope, input: Input, now: Date, limit = INCENTIVES_EXPORT_ROWS): Prisma.Sql {
  const { start, end } = monthRange(input.month ?? monthOf(now));
  const where: Prisma.Sql[] = [overlapsMonth];
  if (scope.audience === 'provider') {
    // Periods of subscriptions of the provider's own customers, whoever the reseller was.
    where.push(Prisma.sql`c."providerId" = ${scope.orgId}`);
    if (input.reseller) where.push(Prisma.sql`a."resellerId" = ${input.reseller}`);
    else if (input.mpn) where.push(Prisma.sql`r."mpnId" = ${input.mpn}`);
  } else {
    where.push(Prisma.sql`a."resellerId" = ${scope.orgId}`);
  }
  return Prisma.sql`
    WITH b AS (${bounds(start, end, now)})
    SELECT a."resellerId", r."legalName" AS "resellerName", r."mpnId" AS "resellerMpnId", pr."legalName" AS "providerName",
           c.id AS "customerId", c."companyName" AS "customerName", a."subscriptionId", o.name AS "offerName",
           a.quantity, a."unitPriceMinor", a.currency, a."incentiveRateBps", ${aggregates}
      FROM "SubscriptionResellerAssociation" a
     CROSS JOIN b
      JOIN "Subscription" s ON s.id = a."subscriptionId"
      JOIN "Customer" c ON c.id = s."customerId"
      JOIN "Organization" r ON r.id = a."resellerId"
      JOIN "Organization" pr ON pr.id = c."providerId"
      JOIN "Offer" o ON o.id = a."offerId"
     WHERE ${Prisma.join(where, ' AND ')}
     GROUP BY a."resellerId", r."legalName", r."mpnId", pr."legalName", c.id, c."companyName", o.name, ${groupTerms}
     ORDER BY r."legalName", a."resellerId", c."companyName", a."subscriptionId", MIN(${overlap.s}), a."offerId", a.quantity, a."unitPriceMinor", a.currency, a."incentiveRateBps"
     ${rowLimit(limit)}`;
}

/** Every row of the month for the CSV export (same scope and filters as the page). */
export async function getIncentivesExport(ctx: Ctx, raw: IncentivesInput) {
  const { scope, input } = prepare(ctx, raw);
  const now = clock.now();
  const month = input.month ?? monthOf(now);
  const rows = await query<IncentiveRow>(exportSql(scope, { ...input, month }, now));
  return { month, rows };
}
