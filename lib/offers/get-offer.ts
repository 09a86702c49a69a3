import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import { isPlainId } from '@/lib/validation/text';

/** Vendor staff: one offer as its edit form needs it; updatedAt is the form's version. */
export async function getOffer(ctx: Ctx, offerId: string) {
  assertCan(ctx, 'offers.manage');
  if (!isPlainId(offerId)) throw new NotFound('offer');
  const offer = await db().offer.findUnique({
    where: { id: offerId },
    select: {
      id: true,
      sku: true,
      name: true,
      description: true,
      billingFrequency: true,
      termMonths: true,
      unitPriceMinor: true,
      currency: true,
      minQuantity: true,
      maxQuantity: true,
      isAzurePlan: true,
      incentiveRateBps: true,
      active: true,
      updatedAt: true,
      upgradeTargets: { select: { id: true } },
    },
  });
  if (!offer) throw new NotFound('offer');
  return offer;
}
