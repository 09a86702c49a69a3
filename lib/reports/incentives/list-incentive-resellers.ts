import 'server-only';
import { query, rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { INCENTIVES_FILTER_OPTIONS, type IncentiveReseller } from './sql';

/**
 * Provider only: its resellers (partnerships, ended ones included) for the
 * filter, at most INCENTIVES_FILTER_OPTIONS + 1 of them (more means: too many
 * for a list). Reads the partnerships index, never the periods.
 */
export async function listIncentiveResellers(ctx: Ctx): Promise<IncentiveReseller[]> {
  assertCan(ctx, 'incentives.read');
  if (audienceOf(ctx) !== 'provider') return [];
  return query<IncentiveReseller>(Prisma.sql`
    SELECT reseller.id, reseller."legalName", reseller."mpnId"
      FROM (SELECT DISTINCT partnership."resellerId" AS id FROM "Partnership" partnership
             WHERE partnership."providerId" = ${ctx.orgId!}
             ${rowLimit(INCENTIVES_FILTER_OPTIONS + 1)}) provider_resellers
      JOIN "Organization" reseller ON reseller.id = provider_resellers.id
     ORDER BY reseller."legalName", reseller.id`);
}
