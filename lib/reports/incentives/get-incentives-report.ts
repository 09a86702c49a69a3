import 'server-only';
import { query } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/authz/context';
import { clock } from '@/lib/clock';
import { INCENTIVES_PAGE_SIZE, monthOf, monthRange, type IncentivesInput } from '@/lib/reports/schemas';
import { pageSql, type Statement } from './page-sql';
import { prepare } from './scope';
import { INCENTIVES_RESELLER_COUNT_CAP, type IncentiveRow } from './sql';

/**
 * The one statement of a report page, as getIncentivesReport runs it
 * (exported so that the bench runs the very same SQL through `pg`).
 * Checks the permission and scope like the report.
 */
export function incentivesSql(ctx: Ctx, raw: IncentivesInput, now: Date): Prisma.Sql {
  const { scope, input } = prepare(ctx, raw);
  return pageSql(scope, input, now);
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
