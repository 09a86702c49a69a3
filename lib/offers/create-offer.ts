import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Invalid } from '@/lib/errors';
import { checkUpgradeTargets } from './check-upgrade-targets';
import { toOfferData } from './offer-data';
import { parseInput } from '@/lib/validation/parse-input';
import { createOfferInput, type CreateOfferInput } from './schemas';
import { skuTakenOr } from './sku-taken';

/** Vendor staff add an offer to the catalog (SPEC §4 offer catalog); the SKU is unique. */
export async function createOffer(ctx: Ctx, raw: CreateOfferInput): Promise<{ offerId: string; name: string }> {
  assertCan(ctx, 'offers.manage');
  const input = parseInput(createOfferInput, raw);
  const data = toOfferData(input);
  try {
    return await db().$transaction(async (tx) => {
      await checkUpgradeTargets(tx, null, input.upgradeTargetIds);
      if (await tx.offer.findUnique({ where: { sku: data.sku }, select: { id: true } }))
        throw new Invalid({ sku: ['offers.errors.skuTaken'] });
      const offer = await tx.offer.create({
        data: { ...data, upgradeTargets: { connect: input.upgradeTargetIds.map((id) => ({ id })) } },
        select: { id: true, name: true },
      });
      await recordAudit(tx, ctx, {
        action: 'offer.created',
        targetType: 'offer',
        targetId: offer.id,
        after: { ...data, upgradeTargetIds: input.upgradeTargetIds },
      });
      return { offerId: offer.id, name: offer.name };
    });
  } catch (error) {
    return skuTakenOr(error);
  }
}
