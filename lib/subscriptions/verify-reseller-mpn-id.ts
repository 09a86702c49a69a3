import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { subscriptionAdminScope } from '@/lib/authz/scopes';
import { NotFound, Refused } from '@/lib/errors';
import { limiters, waitMinutes } from '@/lib/rate-limit/limiter';
import { parseInput } from '@/lib/validation/parse-input';
import { resolveResellerByMpn } from './resolve-reseller';
import { verifyMpnInput } from './schemas';

/**
 * **Verify** next to "Indirect reseller not in the list? Enter MPN ID" (R8):
 * the reseller's name when it may be credited on this subscription, or a
 * refusal naming the reason (unknown, not a reseller, not partnered,
 * suspended, the provider's own MPN ID). Reads only.
 */
export async function verifyResellerMpnId(ctx: Ctx, subscriptionId: string, mpnId: string) {
  assertCan(ctx, 'subscriptions.write');
  // Every Verify counts (20 in 15 minutes per user): MPN IDs cannot be enumerated.
  const blocked = await limiters.verifyMpnUser.consume(ctx.userId);
  if (blocked) throw new Refused('errors.tooManyAttempts', undefined, { minutes: waitMinutes(blocked) });
  const input = parseInput(verifyMpnInput, { subscriptionId, mpnId });
  const subscription = await db().subscription.findFirst({
    where: { AND: [subscriptionAdminScope(ctx), { id: input.subscriptionId }] },
    select: { customer: { select: { provider: { select: { id: true, legalName: true, mpnId: true } } } } },
  });
  if (!subscription) throw new NotFound('subscription');
  return resolveResellerByMpn(db(), ctx, subscription.customer.provider, input.mpnId);
}
