import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Conflict, Invalid, NotFound } from '@/lib/errors';
import { checkUpgradeTargets } from './check-upgrade-targets';
import { OFFER_AUDIT_SELECT, toOfferData } from './offer-data';
import { parseInput } from '@/lib/validation/parse-input';
import { updateOfferInput, type UpdateOfferInput } from './schemas';
import { skuTakenOr } from './sku-taken';

/**
 * Vendor staff edit an offer. Existing subscriptions keep pointing at it, so
 * a price change applies from the next purchase and incentive computation on.
 * The form's version (the offer's updatedAt) refuses a second editor's stale
 * save (R14) instead of silently overwriting the first.
 */
export async function updateOffer(
  ctx: Ctx,
  raw: UpdateOfferInput,
): Promise<{ offerId: string; name: string; version: string }> {
  assertCan(ctx, 'offers.manage');
  const { offerId, version, ...input } = parseInput(updateOfferInput, raw);
  const data = toOfferData(input);
  try {
    return await db().$transaction(async (tx) => {
      await checkUpgradeTargets(tx, offerId, input.upgradeTargetIds);
      const before = await tx.offer.findUnique({
        where: { id: offerId },
        select: { ...OFFER_AUDIT_SELECT, updatedAt: true, upgradeTargets: { select: { id: true } } },
      });
      if (!before) throw new NotFound('offer');
      const { updatedAt, upgradeTargets, ...fields } = before;
      if (updatedAt.toISOString() !== version) throw new Conflict();
      if (await tx.offer.findFirst({ where: { sku: data.sku, id: { not: offerId } }, select: { id: true } }))
        throw new Invalid({ sku: ['offers.errors.skuTaken'] });
      // Only from the version read above: a save committed in between is a conflict.
      const { count } = await tx.offer.updateMany({ where: { id: offerId, updatedAt }, data });
      if (count === 0) throw new Conflict();
      const after = await tx.offer.update({
        where: { id: offerId },
        data: { upgradeTargets: { set: input.upgradeTargetIds.map((id) => ({ id })) } },
        select: { name: true, updatedAt: true },
      });
      await recordAudit(tx, ctx, {
        action: 'offer.updated',
        targetType: 'offer',
        targetId: offerId,
        before: { ...fields, upgradeTargetIds: upgradeTargets.map((t) => t.id) },
        after: { ...data, upgradeTargetIds: input.upgradeTargetIds },
      });
      return { offerId, name: after.name, version: after.updatedAt.toISOString() };
    });
  } catch (error) {
    return skuTakenOr(error);
  }
}
