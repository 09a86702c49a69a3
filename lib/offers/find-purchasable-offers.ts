import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';

/** The offers a partner can buy now (active ones), for New subscription and Add subscription, by name. */
export async function findPurchasableOffers(ctx: Ctx) {
  assertCan(ctx, 'orders.write');
  return db().offer.findMany({
    where: { active: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      sku: true,
      name: true,
      unitPriceMinor: true,
      currency: true,
      minQuantity: true,
      maxQuantity: true,
      isAzurePlan: true,
      billingFrequency: true,
      termMonths: true,
    },
  });
}
export type PurchasableOffer = Awaited<ReturnType<typeof findPurchasableOffers>>[number];
