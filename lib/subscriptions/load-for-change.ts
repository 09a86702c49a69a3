import 'server-only';
import type { Tx } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { subscriptionAdminScope } from '@/lib/authz/scopes';
import { Conflict, NotFound } from '@/lib/errors';

/**
 * A subscription the user may change (R3: the provider of record, or the
 * managing reseller with delegated admin); anything else is NotFound. A form
 * read at another version is refused at once (R14); the write repeats the
 * check atomically.
 */
export async function loadForChange(tx: Tx, ctx: Ctx, subscriptionId: string, version: number) {
  const subscription = await tx.subscription.findFirst({
    where: { AND: [subscriptionAdminScope(ctx), { id: subscriptionId }] },
    include: {
      offer: {
        include: {
          upgradeTargets: {
            where: { active: true },
            select: {
              id: true,
              name: true,
              minQuantity: true,
              maxQuantity: true,
              isAzurePlan: true,
              unitPriceMinor: true,
              currency: true,
              incentiveRateBps: true,
            },
          },
        },
      },
      customer: {
        select: {
          id: true,
          providerId: true,
          managingResellerId: true,
          resellerDelegatedAdmin: true,
          provider: { select: { id: true, legalName: true, mpnId: true } },
        },
      },
      reseller: { select: { id: true, legalName: true, mpnId: true } },
      supportContactOrg: { select: { id: true, legalName: true } },
    },
  });
  if (!subscription) throw new NotFound('subscription');
  if (subscription.version !== version) throw new Conflict();
  return subscription;
}

export type LoadedSubscription = Awaited<ReturnType<typeof loadForChange>>;

/** Organisations whose audit log shows a change of this subscription. */
export function auditOrgIds(s: LoadedSubscription, ...more: (string | null | undefined)[]) {
  return [s.customer.providerId, s.customer.managingResellerId, s.resellerId, s.supportContactOrgId, ...more];
}

/** Generous waits: many people (or a test's 50 requests) may queue for a connection. */
export const TX_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;
