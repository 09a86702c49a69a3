import 'server-only';
import { isPlainId } from '@/lib/validation/text';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertCan, can } from '@/lib/authz/policy';
import { subscriptionAdminScope, subscriptionScope } from '@/lib/authz/scopes';
import { NotFound } from '@/lib/errors';
import { resellerOptions, supportContactOptions } from './list-support-contact-options';
import { changeWindowEndsAt, withinChangeWindow } from './rules';

const party = { select: { id: true, legalName: true, mpnId: true, contactEmail: true, contactPhone: true } } as const;
const HISTORY_LIMIT = 100;

/**
 * The subscription detail page (F5): the subscription in the user's read
 * scope (R3, R9), its association periods and history (audit events, newest
 * first), and what this user may change now (R7, R8, R9) with the deadline
 * for reducing licences or cancelling.
 */
export async function getSubscriptionDetail(ctx: Ctx, subscriptionId: string) {
  assertCan(ctx, 'subscriptions.read');
  if (!isPlainId(subscriptionId)) throw new NotFound('subscription');
  const s = await db().subscription.findFirst({
    where: { AND: [subscriptionScope(ctx), { id: subscriptionId }] },
    include: {
      offer: {
        include: {
          upgradeTargets: {
            where: { active: true },
            orderBy: { name: 'asc' },
            select: { id: true, name: true, minQuantity: true, maxQuantity: true },
          },
        },
      },
      customer: {
        select: {
          id: true,
          companyName: true,
          tenantDomain: true,
          providerId: true,
          managingResellerId: true,
          resellerDelegatedAdmin: true,
          provider: party,
          managingReseller: party,
        },
      },
      reseller: party,
      supportContactOrg: party,
      resellerAssociations: {
        orderBy: [{ startedAt: 'desc' }, { endedAt: { sort: 'desc', nulls: 'first' } }],
        take: HISTORY_LIMIT,
        include: { reseller: { select: { legalName: true, mpnId: true } }, offer: { select: { name: true } } },
      },
    },
  });
  if (!s) throw new NotFound('subscription');
  const [events, administered] = await Promise.all([
    db().auditEvent.findMany({
      where: { targetType: 'subscription', targetId: s.id },
      orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
      take: HISTORY_LIMIT,
    }),
    db().subscription.count({ where: { AND: [subscriptionAdminScope(ctx), { id: s.id }] } }),
  ]);
  const history = await withActors(events);
  const now = clock.now();
  const active = s.status === 'ACTIVE';
  const write = administered > 0 && can(ctx, 'subscriptions.write');
  const support = administered > 0 && can(ctx, 'support.write');
  const reduceUntil = changeWindowEndsAt(s.termStartedAt);
  const withinWindow = withinChangeWindow(s.termStartedAt, now);
  const may = {
    changeLicences: write && active,
    reduceLicences: write && active && withinWindow,
    upgrade: write && active && s.offer.upgradeTargets.length > 0,
    changeReseller: write && active,
    changeSupportContact: support && active,
    suspend: write && active,
    reactivate: write && s.status === 'SUSPENDED',
    cancel: write && active && withinWindow,
  };
  const [resellers, supportContacts] = await Promise.all([
    write ? resellerOptions(db(), ctx, s.customer.providerId) : Promise.resolve([]),
    support ? supportContactOptions(db(), s.customer) : Promise.resolve([]),
  ]);
  // The form follows the permission; the status rules answer on Submit with their reason (R7).
  const form = { write, support };
  return {
    subscription: s,
    history,
    may,
    form,
    editable: write || support,
    reduceUntil,
    withinWindow,
    options: { resellers, supportContacts },
  };
}

export type SubscriptionDetail = Awaited<ReturnType<typeof getSubscriptionDetail>>;

/**
 * Audit events with who acted: the user's name and organisation (or customer tenant). Two queries for the whole page.
 */
async function withActors<E extends { actorUserId: string | null; actorOrgId: string | null }>(events: E[]) {
  const userIds = [...new Set(events.map((e) => e.actorUserId).filter((id): id is string => !!id))];
  const users = userIds.length
    ? await db().user.findMany({
        where: { id: { in: userIds } },
        select: {
          id: true,
          name: true,
          organization: { select: { legalName: true } },
          customer: { select: { companyName: true } },
        },
      })
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return events.map((e) => {
    const user = e.actorUserId ? byId.get(e.actorUserId) : undefined;
    return {
      ...e,
      actorName: user?.name ?? null,
      actorOrg: user?.organization?.legalName ?? user?.customer?.companyName ?? null,
    };
  });
}
