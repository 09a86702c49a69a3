import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { audienceOf } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';
import { assertActivePartnership, holdActivePartnership, resellerRef } from '@/lib/partnerships/assert-partnership';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { checkLines, createOrder, findReplay, isUniqueViolation } from './create-order';
import { parseInput } from '@/lib/validation/parse-input';
import { addSubscriptionsInput, type AddSubscriptionsInput } from './schemas';

export type AddedSubscriptions = { orderId: string; subscriptionIds: string[]; replayed: boolean };

async function replayOf(orgId: string, idempotencyKey: string, customerId: string): Promise<AddedSubscriptions | null> {
  const order = await findReplay(orgId, idempotencyKey);
  if (!order) return null;
  // The key belongs to another review: never answer with someone else's order.
  if (order.customerId !== customerId) throw new Invalid({ idempotencyKey: ['orders.errors.idempotencyKeyReused'] });
  return { orderId: order.id, subscriptionIds: order.subscriptions.map((s) => s.id), replayed: true };
}

/**
 * F4: new subscriptions for a customer within the user's reach (else 404),
 * crediting a reseller in an ACTIVE partnership with the customer's provider
 * (R1, R8; default: the managing reseller). A reseller credits only itself.
 * Same R7 checks and idempotency (R5) as a new customer's order.
 */
export async function addSubscriptions(ctx: Ctx, raw: AddSubscriptionsInput): Promise<AddedSubscriptions> {
  assertCan(ctx, 'orders.write');
  const input = parseInput(addSubscriptionsInput, raw);
  const customer = await db().customer.findFirst({
    where: { AND: [{ id: input.customerId }, customerScope(ctx)] },
    select: { id: true, providerId: true, managingResellerId: true },
  });
  if (!customer) throw new NotFound('customer');
  if (audienceOf(ctx) === 'reseller' && input.resellerId && input.resellerId !== ctx.orgId) {
    throw new Refused('orders.errors.resellerOnlyItself', 'R4');
  }
  const resellerId = audienceOf(ctx) === 'reseller' ? ctx.orgId! : (input.resellerId ?? customer.managingResellerId);
  const reseller = resellerId ? await assertActivePartnership(customer.providerId, resellerRef(resellerId)) : null;
  const orgId = ctx.orgId!;
  const earlier = await replayOf(orgId, input.idempotencyKey, customer.id);
  if (earlier) return earlier;
  const offers = await checkLines(input.lines);

  try {
    const created = await db().$transaction(async (tx) => {
      // R1 again, holding the partnership until commit (a concurrent R10 must not leave a subscription credited to an
      // ex-partner).
      if (reseller) await holdActivePartnership(tx, customer.providerId, reseller.id);
      return createOrder(tx, ctx, {
        customerId: customer.id,
        providerId: customer.providerId,
        reseller,
        idempotencyKey: input.idempotencyKey,
        lines: input.lines,
        offers,
        now: clock.now(),
      });
    });
    return { ...created, replayed: false };
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const replay = await replayOf(orgId, input.idempotencyKey, customer.id);
    if (replay) return replay;
    throw error;
  }
}
