import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Conflict, NotFound } from '@/lib/errors';
import { setOfferActiveInput, type SetOfferActiveInput } from './schemas';
import { parseInput } from '@/lib/validation/parse-input';

/**
 * Vendor staff deactivate or reactivate an offer. Offers are never deleted:
 * a deactivated offer cannot be bought, and subscriptions already on it keep
 * it. Setting the state an offer already has (a double click) records nothing.
 */
export async function setOfferActive(
  ctx: Ctx,
  raw: SetOfferActiveInput,
): Promise<{ offerId: string; name: string; active: boolean; changed: boolean }> {
  assertCan(ctx, 'offers.manage');
  const input = parseInput(setOfferActiveInput, raw);
  return db().$transaction(async (tx) => {
    const offer = await tx.offer.findUnique({
      where: { id: input.offerId },
      select: { id: true, name: true, active: true },
    });
    if (!offer) throw new NotFound('offer');
    if (offer.active === input.active)
      return { offerId: offer.id, name: offer.name, active: offer.active, changed: false };
    const { count } = await tx.offer.updateMany({
      where: { id: offer.id, active: offer.active },
      data: { active: input.active },
    });
    if (count === 0) throw new Conflict();
    await recordAudit(tx, ctx, {
      action: input.active ? 'offer.activated' : 'offer.deactivated',
      targetType: 'offer',
      targetId: offer.id,
      before: { active: offer.active },
      after: { active: input.active },
    });
    return { offerId: offer.id, name: offer.name, active: input.active, changed: true };
  });
}
