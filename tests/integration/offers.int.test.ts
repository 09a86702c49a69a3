import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeOffer, makeOrg, makeSubscription } from '../factories';
import { editOf, fieldErrors, offer, snapshot, staff } from './offers-helpers';
import { db } from '@/lib/db';
import { createOffer } from '@/lib/offers/create-offer';
import { findOffers } from '@/lib/offers/find-offers';
import { getOffer } from '@/lib/offers/get-offer';
import { setOfferActive } from '@/lib/offers/set-offer-active';
import { updateOffer } from '@/lib/offers/update-offer';
import type { UpdateOfferInput } from '@/lib/offers/schemas';
import { Conflict, Refused } from '@/lib/errors';

// Duplicate SKUs, invalid numbers and Azure plans: offers-validation.int.test.ts.
beforeEach(resetDatabase);

describe('offer catalog', () => {
  it('vendor staff add an offer: price in minor units, rate in basis points, upgrade targets, audited', async () => {
    const ctx = await staff();
    const target = await makeOffer();
    const { offerId } = await createOffer(
      ctx,
      offer({ sku: ' m365-new ', unitPrice: '19.99', incentiveRate: '7.25', upgradeTargetIds: [target.id] }),
    );
    const saved = await db().offer.findUniqueOrThrow({ where: { id: offerId }, include: { upgradeTargets: true } });
    expect(saved).toMatchObject({
      sku: 'M365-NEW',
      unitPriceMinor: 1999,
      incentiveRateBps: 725,
      currency: 'USD',
      active: true,
    });
    expect(saved.upgradeTargets.map((t) => t.id)).toEqual([target.id]);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'offer.created', targetId: offerId } });
    expect(audit).toMatchObject({
      actorUserId: ctx.userId,
      targetType: 'offer',
      after: { sku: 'M365-NEW', unitPriceMinor: 1999, upgradeTargetIds: [target.id] },
    });
    expect((await findOffers(ctx)).map((o) => o.sku)).toContain('M365-NEW');
  });

  it('a provider admin (or anyone but vendor staff) is refused every verb and nothing changes', async () => {
    const existing = await makeOffer();
    const callers = [
      await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_PROVIDER')).id }),
      await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_RESELLER')).id }),
    ];
    const before = await snapshot();
    for (const ctx of callers) {
      await expect(findOffers(ctx)).rejects.toBeInstanceOf(Refused);
      await expect(getOffer(ctx, existing.id)).rejects.toBeInstanceOf(Refused);
      await expect(createOffer(ctx, offer())).rejects.toBeInstanceOf(Refused);
      await expect(
        updateOffer(ctx, {
          ...offer(),
          offerId: existing.id,
          version: existing.updatedAt.toISOString(),
        } as UpdateOfferInput),
      ).rejects.toBeInstanceOf(Refused);
      await expect(setOfferActive(ctx, { offerId: existing.id, active: false })).rejects.toBeInstanceOf(Refused);
    }
    expect(await snapshot()).toEqual(before);
    expect(await db().auditEvent.count()).toBe(0);
  });

  it('an offer cannot target itself, nor an offer that already leads back to it', async () => {
    const ctx = await staff();
    const e3 = await createOffer(ctx, offer());
    const premium = await createOffer(ctx, offer({ upgradeTargetIds: [e3.offerId] }));
    const basic = await createOffer(ctx, offer({ upgradeTargetIds: [premium.offerId] }));
    const before = await snapshot();
    expect(
      await fieldErrors(updateOffer(ctx, await editOf(ctx, basic.offerId, { upgradeTargetIds: [basic.offerId] }))),
    ).toEqual({ upgradeTargetIds: ['offers.errors.upgradeSelf'] });
    // E3 → Basic would close Basic → Premium → E3 → Basic.
    expect(
      await fieldErrors(updateOffer(ctx, await editOf(ctx, e3.offerId, { upgradeTargetIds: [basic.offerId] }))),
    ).toEqual({ upgradeTargetIds: ['offers.errors.upgradeCycle'] });
    expect(
      await fieldErrors(updateOffer(ctx, await editOf(ctx, premium.offerId, { upgradeTargetIds: [basic.offerId] }))),
    ).toEqual({ upgradeTargetIds: ['offers.errors.upgradeCycle'] });
    expect(await fieldErrors(createOffer(ctx, offer({ upgradeTargetIds: ['no-such-offer'] })))).toEqual({
      upgradeTargetIds: ['offers.errors.upgradeUnknown'],
    });
    expect(await snapshot()).toEqual(before);
    // A shortcut that keeps the graph acyclic is fine: Basic → E3 directly.
    await updateOffer(ctx, await editOf(ctx, basic.offerId, { upgradeTargetIds: [premium.offerId, e3.offerId] }));
    expect((await getOffer(ctx, basic.offerId)).upgradeTargets.map((t) => t.id).sort()).toEqual(
      [premium.offerId, e3.offerId].sort(),
    );
  });

  it('deactivating keeps existing subscriptions on the offer; reactivating makes it active again; both audited', async () => {
    const ctx = await staff();
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const customer = await makeCustomer(provider.id);
    const { offerId } = await createOffer(ctx, offer());
    const sub = await makeSubscription(customer.id, provider.id, offerId);
    expect(await setOfferActive(ctx, { offerId, active: false })).toMatchObject({ active: false, changed: true });
    expect(await db().offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({ active: false });
    expect(await db().subscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({
      offerId,
      status: 'ACTIVE',
      quantity: sub.quantity,
    });
    // A double click changes nothing and records nothing.
    expect(await setOfferActive(ctx, { offerId, active: false })).toMatchObject({ changed: false });
    await setOfferActive(ctx, { offerId, active: true });
    const events = await db().auditEvent.findMany({
      where: { targetId: offerId },
      orderBy: { occurredAt: 'asc' },
      select: { action: true, before: true, after: true },
    });
    expect(events).toEqual([
      expect.objectContaining({ action: 'offer.created' }),
      { action: 'offer.deactivated', before: { active: true }, after: { active: false } },
      { action: 'offer.activated', before: { active: false }, after: { active: true } },
    ]);
  });

  it('a second editor with a stale form is refused (R14), never silently overwriting the first; the edit is audited', async () => {
    const ctx = await staff();
    const other = await staff();
    const { offerId } = await createOffer(ctx, offer({ unitPrice: '6.00' }));
    const opened = await editOf(ctx, offerId);
    const first = await updateOffer(ctx, { ...opened, unitPrice: '7.00' });
    await expect(updateOffer(other, { ...opened, unitPrice: '8.00' })).rejects.toBeInstanceOf(Conflict);
    expect((await db().offer.findUniqueOrThrow({ where: { id: offerId } })).unitPriceMinor).toBe(700);
    await updateOffer(other, { ...opened, unitPrice: '8.00', version: first.version });
    expect((await db().offer.findUniqueOrThrow({ where: { id: offerId } })).unitPriceMinor).toBe(800);
    const updates = await db().auditEvent.findMany({
      where: { action: 'offer.updated', targetId: offerId },
      orderBy: { occurredAt: 'asc' },
    });
    expect(updates).toHaveLength(2);
    expect(updates[0]).toMatchObject({
      actorUserId: ctx.userId,
      before: { unitPriceMinor: 600 },
      after: { unitPriceMinor: 700 },
    });
  });

  it('two saves of the same form at once: exactly one wins, the other is a Conflict', async () => {
    const ctx = await staff();
    const { offerId } = await createOffer(ctx, offer({ unitPrice: '6.00' }));
    const opened = await editOf(ctx, offerId);
    const results = await Promise.allSettled([
      updateOffer(ctx, { ...opened, unitPrice: '7.00' }),
      updateOffer(ctx, { ...opened, unitPrice: '8.00' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason).toBeInstanceOf(Conflict);
    expect(await db().auditEvent.count({ where: { action: 'offer.updated', targetId: offerId } })).toBe(1);
  });
});
