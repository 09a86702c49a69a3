import 'server-only';
import type { Ctx } from '@/lib/authz/context';
import { audienceOf } from '@/lib/authz/context';
import { assertActivePartnership, resellerRef } from '@/lib/partnerships/assert-partnership';
import { Invalid, Refused } from '@/lib/errors';

export type Parties = { providerId: string; reseller: { id: string; legalName: string; mpnId: string | null } | null };

/**
 * R3/R4 with R1: who transacts a new customer's order. A provider for itself,
 * optionally for a partnered reseller; a reseller only for itself, through
 * one of its active providers. The organisation always comes from the session.
 */
export async function resolveParties(ctx: Ctx, input: { resellerId?: string; providerId?: string }): Promise<Parties> {
  const orgId = ctx.orgId!;
  if (audienceOf(ctx) === 'provider') {
    if (input.providerId && input.providerId !== orgId)
      throw new Invalid({ providerId: ['orders.errors.providerNotAllowed'] });
    const reseller = input.resellerId ? await assertActivePartnership(orgId, resellerRef(input.resellerId)) : null;
    return { providerId: orgId, reseller };
  }
  if (input.resellerId && input.resellerId !== orgId) throw new Refused('orders.errors.resellerOnlyItself', 'R4');
  if (!input.providerId) throw new Invalid({ providerId: ['orders.errors.providerRequired'] });
  const reseller = await assertActivePartnership(input.providerId, { id: orgId });
  return { providerId: input.providerId, reseller };
}
