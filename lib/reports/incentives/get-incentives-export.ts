import 'server-only';
import { query, rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/authz/context';
import { clock } from '@/lib/clock';
import { monthOf, monthRange, type IncentivesInput } from '@/lib/reports/schemas';
import { prepare, type Input, type Scope } from './scope';
import {
  INCENTIVES_EXPORT_ROWS,
  aggregates,
  bounds,
  groupTerms,
  overlap,
  overlapsMonth,
  type IncentiveRow,
} from './sql';

// The CSV export is not a page: it computes every row of the month (capped at
// INCENTIVES_EXPORT_ROWS) in one statement, in the order of the report's pages.

/** The statement of the CSV export: every row of the month in the report's order, up to `limit`. */
function exportSql(scope: Scope, input: Input, now: Date, limit = INCENTIVES_EXPORT_ROWS): Prisma.Sql {
  const { start, end } = monthRange(input.month ?? monthOf(now));
  const where: Prisma.Sql[] = [overlapsMonth];
  if (scope.audience === 'provider') {
    // Periods of subscriptions of the provider's own customers, whoever the reseller was.
    where.push(Prisma.sql`customer."providerId" = ${scope.orgId}`);
    if (input.reseller) where.push(Prisma.sql`association."resellerId" = ${input.reseller}`);
    else if (input.mpn) where.push(Prisma.sql`reseller."mpnId" = ${input.mpn}`);
  } else {
    where.push(Prisma.sql`association."resellerId" = ${scope.orgId}`);
  }
  return Prisma.sql`
    WITH bounds AS (${bounds(start, end, now)})
    SELECT association."resellerId", reseller."legalName" AS "resellerName", reseller."mpnId" AS "resellerMpnId",
           provider."legalName" AS "providerName", customer.id AS "customerId",
           customer."companyName" AS "customerName", association."subscriptionId", offer.name AS "offerName",
           association.quantity, association."unitPriceMinor", association.currency, association."incentiveRateBps",
           ${aggregates}
      FROM "SubscriptionResellerAssociation" association
     CROSS JOIN bounds
      JOIN "Subscription" subscription ON subscription.id = association."subscriptionId"
      JOIN "Customer" customer ON customer.id = subscription."customerId"
      JOIN "Organization" reseller ON reseller.id = association."resellerId"
      JOIN "Organization" provider ON provider.id = customer."providerId"
      JOIN "Offer" offer ON offer.id = association."offerId"
     WHERE ${Prisma.join(where, ' AND ')}
     GROUP BY association."resellerId", reseller."legalName", reseller."mpnId", provider."legalName", customer.id,
              customer."companyName", offer.name, ${groupTerms}
     ORDER BY reseller."legalName", association."resellerId", customer."companyName", association."subscriptionId",
              MIN(${overlap.start}), association."offerId", association.quantity, association."unitPriceMinor",
              association.currency, association."incentiveRateBps"
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
