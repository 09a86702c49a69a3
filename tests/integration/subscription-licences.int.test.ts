import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx } from '../factories';
import { HOUR, MINUTE, makeSubscriptionSetup, periodsOf, readSubscription } from '../factories/subscriptions';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { Invalid, Refused } from '@/lib/errors';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { cancelSubscription, reactivateSubscription, suspendSubscription } from '@/lib/subscriptions/change-status';

beforeEach(resetDatabase);
afterEach(() => clock.reset());

async function providerAdmin() {
  const setup = await makeSubscriptionSetup();
  const ctx = await makeCtx('ADMIN', { organizationId: setup.provider.id });
  return { ...setup, ctx };
}

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refused);
  return error as Refused;
}

describe('R7 licences', () => {
  it('adds licences any time on an active subscription, audits and restarts the incentive period', async () => {
    const { ctx, subscription, resellerA } = await providerAdmin();
    clock.advance(400 * HOUR);
    const result = await changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, quantity: 15 });
    expect(result).toMatchObject({ version: 2, changed: ['quantity'] });
    expect(await readSubscription(subscription.id)).toMatchObject({ quantity: 15, version: 2 });
    const periods = await periodsOf(subscription.id);
    expect(periods.map((p) => [p.quantity, p.endedAt === null, p.resellerId])).toEqual([
      [10, false, resellerA.id],
      [15, true, resellerA.id],
    ]);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: 'subscription.quantity_changed', targetId: subscription.id },
    });
    expect([audit.before, audit.after]).toEqual([{ quantity: 10 }, { quantity: 15 }]);
  });

  it('reduces within 168 hours of purchase (167 h 59 m) and refuses after (168 h 1 m) with the rule', async () => {
    const { ctx, subscription } = await providerAdmin();
    clock.advance(167 * HOUR + 59 * MINUTE);
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, quantity: 8 });
    clock.advance(2 * MINUTE);
    const error = await refusal(changeSubscription(ctx, { subscriptionId: subscription.id, version: 2, quantity: 7 }));
    expect([error.messageKey, error.rule]).toEqual(['subscriptionDetail.errors.reduceWindow', 'R7']);
    expect(await readSubscription(subscription.id)).toMatchObject({ quantity: 8, version: 2 });
    // Adding is still allowed after the window.
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 2, quantity: 9 });
  });

  it('the window counts from the current term (renewal), not the first purchase', async () => {
    const { ctx, subscription } = await providerAdmin();
    const renewed = new Date(clock.now().getTime() + 30 * 24 * HOUR);
    await db().subscription.update({ where: { id: subscription.id }, data: { termStartedAt: renewed } });
    clock.advance(30 * 24 * HOUR + 100 * HOUR);
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, quantity: 5 });
    expect((await readSubscription(subscription.id)).quantity).toBe(5);
  });

  it('licences are whole numbers within the offer limits; an Azure plan stays at 1', async () => {
    const { ctx, subscription, offers } = await providerAdmin();
    for (const quantity of [0, 301, 2.5]) {
      await expect(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, quantity }),
      ).rejects.toBeInstanceOf(Invalid);
    }
    await expect(
      changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, quantity: 'many' as unknown as number }),
    ).rejects.toBeInstanceOf(Invalid);
    await db().subscription.update({ where: { id: subscription.id }, data: { offerId: offers.azure.id, quantity: 1 } });
    const error = await changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, quantity: 2 }).catch(
      (e: unknown) => e,
    );
    expect((error as Invalid).fieldErrors.quantity).toEqual([
      { key: 'subscriptionDetail.errors.azureQuantity', values: {} },
    ]);
    expect(await readSubscription(subscription.id)).toMatchObject({ quantity: 1, version: 1 });
  });
});

describe('R7 upgrades', () => {
  it('upgrades only to an upgrade target: Basic → Standard; Standard → Basic is refused', async () => {
    const { ctx, subscription, offers, resellerA } = await providerAdmin();
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, offerId: offers.standard.id });
    expect(await readSubscription(subscription.id)).toMatchObject({
      offerId: offers.standard.id,
      quantity: 10,
      version: 2,
    });
    const open = (await periodsOf(subscription.id)).find((p) => p.endedAt === null)!;
    expect(open).toMatchObject({ offerId: offers.standard.id, unitPriceMinor: 1250, resellerId: resellerA.id });
    const error = await refusal(
      changeSubscription(ctx, { subscriptionId: subscription.id, version: 2, offerId: offers.basic.id }),
    );
    expect([error.messageKey, error.rule]).toEqual(['subscriptionDetail.errors.notUpgradeTarget', 'R7']);
    // Not a target either: an unrelated offer.
    await refusal(changeSubscription(ctx, { subscriptionId: subscription.id, version: 2, offerId: offers.azure.id }));
    expect((await readSubscription(subscription.id)).offerId).toBe(offers.standard.id);
    expect(await db().auditEvent.count({ where: { action: 'subscription.upgraded' } })).toBe(1);
  });

  it('an upgrade and a licence change in one Submit are all or nothing', async () => {
    const { ctx, subscription, offers } = await providerAdmin();
    await expect(
      changeSubscription(ctx, {
        subscriptionId: subscription.id,
        version: 1,
        offerId: offers.standard.id,
        quantity: 500,
      }),
    ).rejects.toBeInstanceOf(Invalid);
    expect(await readSubscription(subscription.id)).toMatchObject({
      offerId: offers.basic.id,
      quantity: 10,
      version: 1,
    });
  });
});

describe('R7 suspend, reactivate, cancel', () => {
  it('suspending keeps billing and turns auto-renew off; every change but reactivating is refused', async () => {
    const { ctx, subscription, offers, resellerA, resellerB } = await providerAdmin();
    await suspendSubscription(ctx, { subscriptionId: subscription.id, version: 1 });
    expect(await readSubscription(subscription.id)).toMatchObject({
      status: 'SUSPENDED',
      autoRenew: false,
      version: 2,
    });
    for (const change of [
      { quantity: 11 },
      { offerId: offers.standard.id },
      { resellerId: resellerB.id },
      { supportContactOrgId: resellerA.id },
    ]) {
      const error = await refusal(changeSubscription(ctx, { subscriptionId: subscription.id, version: 2, ...change }));
      expect(error.messageKey).toBe('subscriptionDetail.errors.suspended');
    }
    expect((await refusal(suspendSubscription(ctx, { subscriptionId: subscription.id, version: 2 }))).messageKey).toBe(
      'subscriptionDetail.errors.suspended',
    );
    expect((await refusal(cancelSubscription(ctx, { subscriptionId: subscription.id, version: 2 }))).messageKey).toBe(
      'subscriptionDetail.errors.suspended',
    );
    await reactivateSubscription(ctx, { subscriptionId: subscription.id, version: 2 });
    expect(await readSubscription(subscription.id)).toMatchObject({
      status: 'ACTIVE',
      autoRenew: true,
      suspendedAt: null,
      version: 3,
    });
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 3, quantity: 11 });
    expect(
      (await refusal(reactivateSubscription(ctx, { subscriptionId: subscription.id, version: 4 }))).messageKey,
    ).toBe('subscriptionDetail.errors.notSuspended');
    const actions = (
      await db().auditEvent.findMany({ where: { targetId: subscription.id }, orderBy: { occurredAt: 'asc' } })
    ).map((e) => e.action);
    expect(actions).toEqual(['subscription.suspended', 'subscription.reactivated', 'subscription.quantity_changed']);
  });

  it('cancels within the window, at once and for good: the incentive period closes, nothing changes it again', async () => {
    const { ctx, subscription } = await providerAdmin();
    clock.advance(167 * HOUR + 59 * MINUTE);
    await cancelSubscription(ctx, { subscriptionId: subscription.id, version: 1 });
    expect(await readSubscription(subscription.id)).toMatchObject({
      status: 'CANCELLED',
      autoRenew: false,
      version: 2,
    });
    expect((await periodsOf(subscription.id)).every((p) => p.endedAt !== null)).toBe(true);
    expect(
      (await refusal(reactivateSubscription(ctx, { subscriptionId: subscription.id, version: 2 }))).messageKey,
    ).toBe('subscriptionDetail.errors.cancelled');
    expect(
      (await refusal(changeSubscription(ctx, { subscriptionId: subscription.id, version: 2, quantity: 12 })))
        .messageKey,
    ).toBe('subscriptionDetail.errors.cancelled');
    expect((await refusal(cancelSubscription(ctx, { subscriptionId: subscription.id, version: 2 }))).messageKey).toBe(
      'subscriptionDetail.errors.cancelled',
    );
  });

  it('refuses to cancel 168 h 1 m after purchase', async () => {
    const { ctx, subscription } = await providerAdmin();
    clock.advance(168 * HOUR + MINUTE);
    const error = await refusal(cancelSubscription(ctx, { subscriptionId: subscription.id, version: 1 }));
    expect([error.messageKey, error.rule]).toEqual(['subscriptionDetail.errors.cancelWindow', 'R7']);
    expect((await readSubscription(subscription.id)).status).toBe('ACTIVE');
  });
});
