import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan, can } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { Conflict, Invalid, Refused } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { restartPeriod } from './association';
import { auditOrgIds, loadForChange, TX_OPTIONS } from './load-for-change';
import { resolveResellerById, resolveResellerByMpn, type ResellerRef } from './resolve-reseller';
import { supportContactOptions } from './list-support-contact-options';
import { changeWindowEndsAt, quantityProblem, statusRefusal, withinChangeWindow } from './rules';
import { changeSubscriptionInput, type ChangeSubscriptionInput } from './schemas';
import { emitEvent } from '@/lib/webhooks/events';

const label = (r: ResellerRef | null) => (r ? `${r.legalName} (${r.mpnId})` : null);

/**
 * One Submit of the subscription detail page: licences and upgrade (R7),
 * Reseller (MPN ID) (R8, R1), Designated support contact (R9) — all or
 * nothing, under one optimistic-lock check (R14). Fields left out are kept.
 */
export async function changeSubscription(ctx: Ctx, raw: ChangeSubscriptionInput) {
  if (!can(ctx, 'subscriptions.write') && !can(ctx, 'support.write')) throw new Refused('errors.forbidden');
  const input = parseInput(changeSubscriptionInput, raw);
  return db().$transaction(async (tx) => {
    const now = clock.now();
    const s = await loadForChange(tx, ctx, input.subscriptionId, input.version);
    const quantityChanged = input.quantity !== undefined && input.quantity !== s.quantity;
    const offerChanged = input.offerId !== undefined && input.offerId !== s.offerId;
    const resellerChanged =
      input.resellerMpnId !== undefined
        ? input.resellerMpnId !== s.reseller?.mpnId
        : input.resellerId !== undefined && input.resellerId !== (s.resellerId ?? '');
    const supportChanged =
      input.supportContactOrgId !== undefined && input.supportContactOrgId !== s.supportContactOrgId;
    // Submit without a change writes nothing (and bumps no version).
    if (!quantityChanged && !offerChanged && !resellerChanged && !supportChanged)
      return { subscriptionId: s.id, version: s.version, changed: [] as string[] };
    // Helpdesk agents may change only the support contact (R9).
    if (quantityChanged || offerChanged || resellerChanged) assertCan(ctx, 'subscriptions.write');
    if (supportChanged) assertCan(ctx, 'support.write');
    const refusal = statusRefusal(s.status);
    if (refusal) throw new Refused(refusal, 'R7');

    // R7: upgrades only to the offer's upgrade targets, never down.
    const offer = offerChanged ? s.offer.upgradeTargets.find((o) => o.id === input.offerId) : s.offer;
    if (!offer) throw new Refused('subscriptionDetail.errors.notUpgradeTarget', 'R7', { offer: s.offer.name });
    const quantity = input.quantity ?? s.quantity;
    if (quantityChanged || offerChanged) {
      const problem = quantityProblem(offer, quantity);
      if (problem) throw new Invalid({ quantity: [problem] });
    }
    if (quantity < s.quantity) {
      // Never fewer licences than the tenant has assigned to its users: under the
      // subscription's lock, which an assignment takes too (lib/tenant/licences.ts).
      await tx.$queryRaw`SELECT 1 FROM "Subscription" WHERE id = ${s.id} FOR UPDATE`;
      const assigned = await tx.licenceAssignment.count({ where: { subscriptionId: s.id } });
      if (quantity < assigned)
        throw new Refused('subscriptionDetail.errors.belowAssigned', 'R7', { quantity, assigned });
    }
    if (quantity < s.quantity && !withinChangeWindow(s.termStartedAt, now)) {
      throw new Refused('subscriptionDetail.errors.reduceWindow', 'R7', {
        until: changeWindowEndsAt(s.termStartedAt).toISOString(),
      });
    }

    let reseller: ResellerRef | null = s.reseller;
    if (resellerChanged) {
      if (input.resellerMpnId !== undefined)
        reseller = await resolveResellerByMpn(tx, ctx, s.customer.provider, input.resellerMpnId);
      else if (input.resellerId) reseller = await resolveResellerById(tx, ctx, s.customer.providerId, input.resellerId);
      else if (audienceOf(ctx) === 'reseller') throw new Refused('subscriptionDetail.errors.resellerOnlyItself', 'R8');
      else reseller = null;
    }
    let supportContact = s.supportContactOrg;
    if (supportChanged) {
      const found = (await supportContactOptions(tx, s.customer)).find((o) => o.id === input.supportContactOrgId);
      if (!found) throw new Refused('subscriptionDetail.errors.supportContact', 'R9');
      supportContact = found;
    }

    const { count } = await tx.subscription.updateMany({
      where: { id: s.id, version: s.version },
      data: {
        quantity,
        offerId: offer.id,
        resellerId: reseller?.id ?? null,
        supportContactOrgId: supportContact.id,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new Conflict();
    if (quantityChanged || offerChanged || resellerChanged) {
      await restartPeriod(
        tx,
        s.id,
        reseller?.id ?? null,
        {
          offerId: offer.id,
          quantity,
          unitPriceMinor: offer.unitPriceMinor,
          currency: offer.currency,
          incentiveRateBps: offer.incentiveRateBps,
        },
        now,
      );
    }

    const orgIds = auditOrgIds(s, reseller?.id, supportContact.id);
    const audit = (action: string, before: object, after: object) =>
      recordAudit(tx, ctx, { action, targetType: 'subscription', targetId: s.id, orgIds, before, after });
    if (offerChanged)
      await audit(
        'subscription.upgraded',
        { offerId: s.offerId, offer: s.offer.name },
        { offerId: offer.id, offer: offer.name },
      );
    if (quantity !== s.quantity) await audit('subscription.quantity_changed', { quantity: s.quantity }, { quantity });
    if (resellerChanged)
      await audit(
        'subscription.reseller_changed',
        { resellerId: s.resellerId, reseller: label(s.reseller) },
        { resellerId: reseller?.id ?? null, reseller: label(reseller) },
      );
    if (supportChanged)
      await audit(
        'subscription.support_contact_changed',
        { supportContactOrgId: s.supportContactOrgId, supportContact: s.supportContactOrg.legalName },
        { supportContactOrgId: supportContact.id, supportContact: supportContact.legalName },
      );
    await emitEvent(tx, {
      type: 'subscription.updated',
      subject: { kind: 'subscription', id: s.id },
      data: {
        subscriptionId: s.id,
        customerId: s.customerId,
        changed: {
          ...(offerChanged && { offerId: offer.id }),
          ...(quantity !== s.quantity && { quantity }),
          ...(resellerChanged && { resellerId: reseller?.id ?? null }),
          ...(supportChanged && { supportContactOrgId: supportContact.id }),
        },
      },
      // The reseller no longer credited and a support contact replaced are told too.
      alsoTo: [resellerChanged ? s.resellerId : null, supportChanged ? s.supportContactOrgId : null],
    });
    const changed = [
      offerChanged && 'offer',
      quantity !== s.quantity && 'quantity',
      resellerChanged && 'reseller',
      supportChanged && 'supportContact',
    ].filter((c): c is string => !!c);
    return { subscriptionId: s.id, version: s.version + 1, changed };
  }, TX_OPTIONS);
}
