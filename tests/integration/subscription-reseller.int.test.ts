import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg, makePartnership } from '../factories';
import { makeSubscriptionSetup, periodsOf, readSubscription } from '../factories/subscriptions';
import { db } from '@/lib/db';
import { Refused } from '@/lib/errors';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { verifyResellerMpnId } from '@/lib/subscriptions/verify-reseller-mpn-id';

beforeEach(resetDatabase);

async function reason(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refused);
  return (error as Refused).messageKey;
}

describe('R8 Reseller (MPN ID) of an existing subscription', () => {
  it('from the list, then by MPN ID: each change closes the open period and opens a new one, and is audited', async () => {
    const { provider, resellerA, resellerB, subscription } = await makeSubscriptionSetup();
    const ctx = await makeCtx('ADMIN_AGENT', { organizationId: provider.id });
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, resellerId: resellerB.id });
    expect((await readSubscription(subscription.id)).resellerId).toBe(resellerB.id);
    await changeSubscription(ctx, {
      subscriptionId: subscription.id,
      version: 2,
      resellerMpnId: resellerA.mpnId!,
      resellerId: resellerB.id,
    });
    expect((await readSubscription(subscription.id)).resellerId).toBe(resellerA.id);
    const periods = await periodsOf(subscription.id);
    expect(periods.map((p) => [p.resellerId, p.endedAt === null])).toEqual([
      [resellerA.id, false],
      [resellerB.id, false],
      [resellerA.id, true],
    ]);
    expect(periods[0]!.endedAt).toEqual(periods[1]!.startedAt);
    expect(periods[1]!.endedAt).toEqual(periods[2]!.startedAt);
    const audits = await db().auditEvent.findMany({
      where: { action: 'subscription.reseller_changed' },
      orderBy: { occurredAt: 'asc' },
    });
    expect(audits.map((a) => (a.after as { resellerId: string }).resellerId)).toEqual([resellerB.id, resellerA.id]);
    expect(audits[0]!.orgIds).toEqual(expect.arrayContaining([provider.id, resellerA.id, resellerB.id]));
    // Clearing it closes the period and opens none.
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 3, resellerId: '' });
    expect((await readSubscription(subscription.id)).resellerId).toBeNull();
    expect((await periodsOf(subscription.id)).every((p) => p.endedAt !== null)).toBe(true);
  });

  it('Verify names an active, partnered reseller and gives each other case its reason', async () => {
    const { provider, resellerB, subscription } = await makeSubscriptionSetup();
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    expect(await verifyResellerMpnId(ctx, subscription.id, resellerB.mpnId!)).toEqual({
      id: resellerB.id,
      legalName: resellerB.legalName,
      mpnId: resellerB.mpnId,
    });
    const unpartnered = await makeOrg('INDIRECT_RESELLER');
    const suspended = await makeOrg('INDIRECT_RESELLER', { status: 'SUSPENDED' });
    await makePartnership(provider.id, suspended.id);
    const otherProvider = await makeOrg('INDIRECT_PROVIDER');
    const ended = await makeOrg('INDIRECT_RESELLER');
    await db().partnership.create({
      data: { providerId: provider.id, resellerId: ended.id, state: 'ENDED', endedAt: new Date() },
    });
    expect(await reason(verifyResellerMpnId(ctx, subscription.id, '9999999'))).toBe('subscriptionDetail.mpn.unknown');
    expect(await reason(verifyResellerMpnId(ctx, subscription.id, provider.mpnId!))).toBe(
      'subscriptionDetail.mpn.ownProvider',
    );
    expect(await reason(verifyResellerMpnId(ctx, subscription.id, otherProvider.mpnId!))).toBe(
      'subscriptionDetail.mpn.notReseller',
    );
    expect(await reason(verifyResellerMpnId(ctx, subscription.id, unpartnered.mpnId!))).toBe(
      'subscriptionDetail.mpn.notPartnered',
    );
    expect(await reason(verifyResellerMpnId(ctx, subscription.id, ended.mpnId!))).toBe(
      'subscriptionDetail.mpn.notPartnered',
    );
    expect(await reason(verifyResellerMpnId(ctx, subscription.id, suspended.mpnId!))).toBe(
      'subscriptionDetail.mpn.suspended',
    );
    // Submit applies the same rules: nothing is written.
    for (const mpnId of [provider.mpnId!, unpartnered.mpnId!, suspended.mpnId!]) {
      await expect(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, resellerMpnId: mpnId }),
      ).rejects.toBeInstanceOf(Refused);
    }
    expect(
      await reason(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, resellerId: unpartnered.id }),
      ),
    ).toBe('partnerships.errors.partnershipRequired');
    expect(await readSubscription(subscription.id)).toMatchObject({ version: 1 });
    expect(await db().subscriptionResellerAssociation.count()).toBe(1);
  });

  it('a reseller user (managing, delegated admin) may credit only itself', async () => {
    const { resellerA, resellerB, subscription, provider } = await makeSubscriptionSetup();
    await db().subscription.update({ where: { id: subscription.id }, data: { resellerId: null } });
    const ctx = await makeCtx('ADMIN', { organizationId: resellerA.id });
    expect(
      await reason(changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, resellerId: resellerB.id })),
    ).toBe('subscriptionDetail.errors.resellerOnlyItself');
    expect(
      await reason(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, resellerMpnId: resellerB.mpnId! }),
      ),
    ).toBe('subscriptionDetail.errors.resellerOnlyItself');
    expect(await reason(verifyResellerMpnId(ctx, subscription.id, resellerB.mpnId!))).toBe(
      'subscriptionDetail.errors.resellerOnlyItself',
    );
    expect(await reason(verifyResellerMpnId(ctx, subscription.id, provider.mpnId!))).toBe(
      'subscriptionDetail.mpn.ownProvider',
    );
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, resellerId: resellerA.id });
    expect((await readSubscription(subscription.id)).resellerId).toBe(resellerA.id);
    expect(await reason(changeSubscription(ctx, { subscriptionId: subscription.id, version: 2, resellerId: '' }))).toBe(
      'subscriptionDetail.errors.resellerOnlyItself',
    );
  });

  it('wrong role and wrong tenant: a sales agent is refused, another provider or reseller gets 404', async () => {
    const { provider, resellerB, subscription } = await makeSubscriptionSetup();
    const other = await makeSubscriptionSetup();
    await expect(
      changeSubscription(await makeCtx('SALES_AGENT', { organizationId: provider.id }), {
        subscriptionId: subscription.id,
        version: 1,
        resellerId: resellerB.id,
      }),
    ).rejects.toBeInstanceOf(Refused);
    await expect(
      verifyResellerMpnId(
        await makeCtx('HELPDESK_AGENT', { organizationId: provider.id }),
        subscription.id,
        resellerB.mpnId!,
      ),
    ).rejects.toBeInstanceOf(Refused);
    for (const orgId of [other.provider.id, other.resellerA.id, resellerB.id]) {
      const ctx = await makeCtx('ADMIN', { organizationId: orgId });
      await expect(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, resellerId: resellerB.id }),
      ).rejects.toMatchObject({ message: 'subscription not found' });
      await expect(verifyResellerMpnId(ctx, subscription.id, resellerB.mpnId!)).rejects.toMatchObject({
        message: 'subscription not found',
      });
    }
    expect(await readSubscription(subscription.id)).toMatchObject({ version: 1 });
  });
});
