import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';

/** Vendor staff: the whole catalog, active and inactive, with each offer's upgrade targets (one query). */
export async function findOffers(ctx: Ctx) {
  assertCan(ctx, 'offers.manage');
  return db().offer.findMany({
    orderBy: [{ name: 'asc' }, { sku: 'asc' }],
    take: 500,
    select: {
      id: true,
      sku: true,
      name: true,
      billingFrequency: true,
      termMonths: true,
      unitPriceMinor: true,
      currency: true,
      minQuantity: true,
      maxQuantity: true,
      isAzurePlan: true,
      incentiveRateBps: true,
      active: true,
      upgradeTargets: { select: { id: true, name: true }, orderBy: { name: 'asc' } },
    },
  });
}
