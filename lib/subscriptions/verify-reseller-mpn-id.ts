import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { subscriptionAdminScope } from '@/lib/authz/scopes';
import { NotFound } from '@/lib/errors';
import { parseOrderInput } from '@/lib/orders/parse-input';
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
  const input = parseOrderInput(verifyMpnInput, { subscriptionId, mpnId });
  const subscription = await db().subscription.findFirst({
    where: { AND: [subscriptionAdminScope(ctx), { id: input.subscriptionId }] },
    select: { customer: { select: { provider: { select: { id: true, legalName: true, mpnId: true } } } } },
  });
  if (!subscription) throw new NotFound('subscription');
  return resolveResellerByMpn(db(), ctx, subscription.customer.provider, input.mpnId);
}
