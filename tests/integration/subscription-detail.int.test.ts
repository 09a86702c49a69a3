import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg } from '../factories';
import { HOUR, makeSubscriptionSetup } from '../factories/subscriptions';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { NotFound, Refused } from '@/lib/errors';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { cancelSubscription, reactivateSubscription, suspendSubscription } from '@/lib/subscriptions/change-status';
import { getSubscriptionDetail } from '@/lib/subscriptions/get-subscription-detail';

beforeEach(resetDatabase);
afterEach(() => clock.reset());

describe('subscription detail (F5)', () => {
  it('shows offer, upgrade targets, parties, periods, and the history newest first with who did it', async () => {
    const { provider, resellerA, resellerB, offers, subscription } = await makeSubscriptionSetup();
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, quantity: 12 });
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 2, resellerId: resellerB.id });
    const detail = await getSubscriptionDetail(ctx, subscription.id);
    expect(detail.subscription.offer.upgradeTargets.map((o) => o.id)).toEqual([offers.standard.id]);
    expect(detail.subscription.customer.managingReseller?.id).toBe(resellerA.id);
    expect(detail.subscription.reseller?.id).toBe(resellerB.id);
    expect(detail.subscription.resellerAssociations.map((p) => p.resellerId)).toEqual([
      resellerB.id,
      resellerA.id,
      resellerA.id,
    ]);
    expect(detail.history.map((h) => h.action)).toEqual([
      'subscription.reseller_changed',
      'subscription.quantity_changed',
    ]);
    expect(detail.history[0]).toMatchObject({ actorName: 'User ADMIN', actorOrg: provider.legalName });
    expect(detail.may).toMatchObject({
      changeLicences: true,
      reduceLicences: true,
      upgrade: true,
      changeReseller: true,
      changeSupportContact: true,
      suspend: true,
      reactivate: false,
      cancel: true,
    });
    expect(detail.reduceUntil).toEqual(new Date(subscription.termStartedAt.getTime() + 168 * HOUR));
    expect(detail.options.resellers.map((r) => r.id).sort()).toEqual([resellerA.id, resellerB.id].sort());
    expect(detail.options.supportContacts.map((r) => r.id)).toEqual([provider.id, resellerA.id]);
    // Submitting the form unchanged writes nothing.
    expect(
      await changeSubscription(ctx, {
        subscriptionId: subscription.id,
        version: 3,
        quantity: 12,
        resellerId: resellerB.id,
        supportContactOrgId: provider.id,
      }),
    ).toEqual({ subscriptionId: subscription.id, version: 3, changed: [] });
    expect((await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).version).toBe(3);
  });

  it('after 168 hours reducing and cancelling are no longer offered; suspended offers only reactivating', async () => {
    const { provider, subscription } = await makeSubscriptionSetup();
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    clock.advance(168 * HOUR + 60_000);
    let detail = await getSubscriptionDetail(ctx, subscription.id);
    expect(detail.withinWindow).toBe(false);
    expect(detail.may).toMatchObject({ changeLicences: true, reduceLicences: false, cancel: false });
    await suspendSubscription(ctx, { subscriptionId: subscription.id, version: 1 });
    detail = await getSubscriptionDetail(ctx, subscription.id);
    expect(detail.may).toEqual({
      changeLicences: false,
      reduceLicences: false,
      upgrade: false,
      changeReseller: false,
      changeSupportContact: false,
      suspend: false,
      reactivate: true,
      cancel: false,
    });
  });

  it('customers, vendor staff, the supporting reseller and a managing reseller without delegated admin read it but may change nothing', async () => {
    const { provider, resellerA, customer, subscription } = await makeSubscriptionSetup();
    const vendor = await makeOrg('VENDOR');
    const readers = [
      await makeCtx('CUSTOMER_USER', { customerId: customer.id }),
      await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id }),
      await makeCtx('VENDOR_ADMIN', { organizationId: vendor.id }),
    ];
    for (const ctx of readers) {
      const detail = await getSubscriptionDetail(ctx, subscription.id);
      expect(detail.editable).toBe(false);
      expect(Object.values(detail.may).every((v) => v === false)).toBe(true);
      await expect(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, quantity: 11 }),
      ).rejects.toBeInstanceOf(Refused);
      await expect(suspendSubscription(ctx, { subscriptionId: subscription.id, version: 1 })).rejects.toBeInstanceOf(
        Refused,
      );
    }
    await db().customer.update({ where: { id: customer.id }, data: { resellerDelegatedAdmin: false } });
    const reseller = await makeCtx('ADMIN', { organizationId: resellerA.id });
    expect((await getSubscriptionDetail(reseller, subscription.id)).editable).toBe(false);
    await expect(
      changeSubscription(reseller, { subscriptionId: subscription.id, version: 1, quantity: 11 }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(cancelSubscription(reseller, { subscriptionId: subscription.id, version: 1 })).rejects.toBeInstanceOf(
      NotFound,
    );
    expect((await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).version).toBe(1);
    // The provider still changes it.
    await changeSubscription(await makeCtx('ADMIN', { organizationId: provider.id }), {
      subscriptionId: subscription.id,
      version: 1,
      quantity: 11,
    });
  });

  it('the managing reseller with delegated admin changes licences and status', async () => {
    const { resellerA, subscription } = await makeSubscriptionSetup();
    const ctx = await makeCtx('ADMIN_AGENT', { organizationId: resellerA.id });
    expect((await getSubscriptionDetail(ctx, subscription.id)).may.changeLicences).toBe(true);
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, quantity: 11 });
    await suspendSubscription(ctx, { subscriptionId: subscription.id, version: 2 });
    await reactivateSubscription(ctx, { subscriptionId: subscription.id, version: 3 });
    expect(await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).toMatchObject({
      quantity: 11,
      status: 'ACTIVE',
      version: 4,
    });
  });

  it('wrong tenant: another provider, an unrelated reseller, another customer get 404 for the page and every change', async () => {
    const { resellerB, subscription } = await makeSubscriptionSetup();
    const other = await makeSubscriptionSetup();
    const strangers = [
      await makeCtx('ADMIN', { organizationId: other.provider.id }),
      await makeCtx('ADMIN', { organizationId: other.resellerA.id }),
      await makeCtx('ADMIN', { organizationId: resellerB.id }),
      await makeCtx('CUSTOMER_ADMIN', { customerId: other.customer.id }),
    ];
    for (const ctx of strangers) {
      await expect(getSubscriptionDetail(ctx, subscription.id)).rejects.toBeInstanceOf(NotFound);
      if (ctx.customerId) continue;
      await expect(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, quantity: 11 }),
      ).rejects.toBeInstanceOf(NotFound);
      await expect(suspendSubscription(ctx, { subscriptionId: subscription.id, version: 1 })).rejects.toBeInstanceOf(
        NotFound,
      );
      await expect(reactivateSubscription(ctx, { subscriptionId: subscription.id, version: 1 })).rejects.toBeInstanceOf(
        NotFound,
      );
      await expect(cancelSubscription(ctx, { subscriptionId: subscription.id, version: 1 })).rejects.toBeInstanceOf(
        NotFound,
      );
    }
    expect((await db().subscription.findUniqueOrThrow({ where: { id: subscription.id } })).version).toBe(1);
    // A pending provider reads nothing (the page answers 404 to this refusal too).
    const pending = await makeOrg('INDIRECT_PROVIDER', { status: 'PENDING' });
    await expect(
      getSubscriptionDetail(await makeCtx('ADMIN', { organizationId: pending.id }), subscription.id),
    ).rejects.toBeInstanceOf(Refused);
  });
});
