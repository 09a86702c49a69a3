import 'server-only';
import { db, type Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { Conflict, Refused } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import type { Prisma } from '@/lib/generated/prisma/client';
import { closeOpenPeriod } from './association';
import { auditOrgIds, loadForChange, TX_OPTIONS, type LoadedSubscription } from './load-for-change';
import { statusRefusal, withinChangeWindow } from './rules';
import { subscriptionRef, type SubscriptionRef } from './schemas';
import { emitEvent } from '@/lib/webhooks/events';

type Step = {
  action: string;
  /** Refuses when the subscription may not take this step now (R7). */
  check: (s: LoadedSubscription, now: Date) => void;
  data: (now: Date) => Prisma.SubscriptionUpdateManyMutationInput;
  after?: (tx: Tx, s: LoadedSubscription, now: Date) => Promise<unknown>;
};

async function step(ctx: Ctx, raw: SubscriptionRef, { action, check, data, after }: Step) {
  assertCan(ctx, 'subscriptions.write');
  const input = parseInput(subscriptionRef, raw);
  return db().$transaction(async (tx) => {
    const now = clock.now();
    const s = await loadForChange(tx, ctx, input.subscriptionId, input.version);
    check(s, now);
    const { count } = await tx.subscription.updateMany({
      where: { id: s.id, version: s.version },
      data: { ...data(now), version: { increment: 1 } },
    });
    if (count === 0) throw new Conflict();
    await after?.(tx, s, now);
    const status = await tx.subscription.findUniqueOrThrow({
      where: { id: s.id },
      select: { status: true, autoRenew: true, version: true },
    });
    await recordAudit(tx, ctx, {
      action,
      targetType: 'subscription',
      targetId: s.id,
      orgIds: auditOrgIds(s),
      before: { status: s.status, autoRenew: s.autoRenew },
      after: { status: status.status, autoRenew: status.autoRenew },
    });
    await emitEvent(tx, {
      type: 'subscription.updated',
      subject: { kind: 'subscription', id: s.id },
      data: {
        subscriptionId: s.id,
        customerId: s.customerId,
        changed: { status: status.status, autoRenew: status.autoRenew },
      },
    });
    return { subscriptionId: s.id, version: status.version };
  }, TX_OPTIONS);
}

function mustBeActive(s: LoadedSubscription) {
  const refusal = statusRefusal(s.status);
  if (refusal) throw new Refused(refusal, 'R7');
}

/** R7: billing continues, auto-renew is turned off; only reactivating changes it again. */
export function suspendSubscription(ctx: Ctx, raw: SubscriptionRef) {
  return step(ctx, raw, {
    action: 'subscription.suspended',
    check: mustBeActive,
    data: (now) => ({ status: 'SUSPENDED', suspendedAt: now, autoRenew: false }),
  });
}

/** R7: the one change a suspended subscription takes; auto-renew is turned back on. */
export function reactivateSubscription(ctx: Ctx, raw: SubscriptionRef) {
  return step(ctx, raw, {
    action: 'subscription.reactivated',
    check: (s) => {
      if (s.status !== 'SUSPENDED')
        throw new Refused(
          s.status === 'CANCELLED' ? 'subscriptionDetail.errors.cancelled' : 'subscriptionDetail.errors.notSuspended',
          'R7',
        );
    },
    data: () => ({ status: 'ACTIVE', suspendedAt: null, autoRenew: true }),
  });
}

/** R7: immediate and final, within 168 hours of purchase or renewal; the incentive period closes (R8). */
export function cancelSubscription(ctx: Ctx, raw: SubscriptionRef) {
  return step(ctx, raw, {
    action: 'subscription.cancelled',
    check: (s, now) => {
      mustBeActive(s);
      if (!withinChangeWindow(s.termStartedAt, now)) throw new Refused('subscriptionDetail.errors.cancelWindow', 'R7');
    },
    data: (now) => ({ status: 'CANCELLED', cancelledAt: now, autoRenew: false, renewsAt: null }),
    after: (tx, s, now) => closeOpenPeriod(tx, s.id, now),
  });
}
