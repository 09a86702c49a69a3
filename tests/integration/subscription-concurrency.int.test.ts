import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx } from '../factories';
import { makeSubscriptionSetup, periodsOf, readSubscription } from '../factories/subscriptions';
import { db } from '@/lib/db';
import { Conflict } from '@/lib/errors';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { cancelSubscription, suspendSubscription } from '@/lib/subscriptions/change-status';

beforeEach(resetDatabase);

describe('R14 optimistic locking', () => {
  it('the second Submit of a form read at the same version is refused and writes nothing', async () => {
    const { provider, resellerA, resellerB, subscription } = await makeSubscriptionSetup();
    const first = await makeCtx('ADMIN', { organizationId: provider.id });
    const second = await makeCtx('ADMIN_AGENT', { organizationId: resellerA.id });
    await changeSubscription(first, {
      subscriptionId: subscription.id,
      version: 1,
      quantity: 12,
      resellerId: resellerB.id,
    });
    const error = await changeSubscription(second, {
      subscriptionId: subscription.id,
      version: 1,
      quantity: 20,
      supportContactOrgId: resellerA.id,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Conflict);
    expect((error as Conflict).messageKey).toBe('errors.conflict');
    await expect(suspendSubscription(second, { subscriptionId: subscription.id, version: 1 })).rejects.toBeInstanceOf(
      Conflict,
    );
    await expect(cancelSubscription(second, { subscriptionId: subscription.id, version: 1 })).rejects.toBeInstanceOf(
      Conflict,
    );
    expect(await readSubscription(subscription.id)).toMatchObject({
      quantity: 12,
      resellerId: resellerB.id,
      supportContactOrgId: provider.id,
      status: 'ACTIVE',
      version: 2,
    });
    expect(await db().auditEvent.count({ where: { actorUserId: second.userId } })).toBe(0);
  });

  it('two people submit at the same moment: exactly one wins, the other gets the conflict', async () => {
    const { provider, subscription } = await makeSubscriptionSetup();
    const a = await makeCtx('ADMIN', { organizationId: provider.id });
    const b = await makeCtx('ADMIN', { organizationId: provider.id });
    const results = await Promise.allSettled([
      changeSubscription(a, { subscriptionId: subscription.id, version: 1, quantity: 11 }),
      changeSubscription(b, { subscriptionId: subscription.id, version: 1, quantity: 13 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(Conflict);
    expect([11, 13]).toContain((await readSubscription(subscription.id)).quantity);
  });

  it('50 concurrent licence increments: every success counts, none is lost, every refusal is a conflict', async () => {
    const start = 10;
    const { provider, subscription } = await makeSubscriptionSetup(start);
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    // Each request reads the subscription as a form would, then submits +1 on what it read.
    const increment = async () => {
      const read = await readSubscription(subscription.id);
      return changeSubscription(ctx, {
        subscriptionId: subscription.id,
        version: read.version,
        quantity: read.quantity + 1,
      });
    };
    const results = await Promise.allSettled(Array.from({ length: 50 }, increment));
    const successes = results.filter((r) => r.status === 'fulfilled').length;
    const refusals = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(successes).toBeGreaterThanOrEqual(1);
    expect(successes + refusals.length).toBe(50);
    for (const r of refusals) expect(r.reason).toBeInstanceOf(Conflict);
    const after = await readSubscription(subscription.id);
    expect(after.quantity).toBe(start + successes);
    expect(after.version).toBe(1 + successes);
    expect(
      await db().auditEvent.count({ where: { action: 'subscription.quantity_changed', targetId: subscription.id } }),
    ).toBe(successes);
    // One open incentive period, on the final count.
    const open = (await periodsOf(subscription.id)).filter((p) => p.endedAt === null);
    expect(open).toHaveLength(1);
    expect(open[0]!.quantity).toBe(after.quantity);
  });

  it('50 concurrent increments that retry after a conflict all land', async () => {
    const start = 10;
    const { provider, subscription } = await makeSubscriptionSetup(start);
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    let conflicts = 0;
    const incrementWithRetry = async () => {
      for (;;) {
        const read = await readSubscription(subscription.id);
        try {
          return await changeSubscription(ctx, {
            subscriptionId: subscription.id,
            version: read.version,
            quantity: read.quantity + 1,
          });
        } catch (e) {
          if (!(e instanceof Conflict)) throw e;
          conflicts++;
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, incrementWithRetry));
    expect(await readSubscription(subscription.id)).toMatchObject({ quantity: start + 50, version: 51 });
    expect(conflicts).toBeGreaterThan(0);
  }, 120_000);
});
