import 'server-only';
import { Conflict, Invalid } from '@/lib/errors';
import { findResellerSubscriptions } from '@/lib/reports/find-reseller-subscriptions';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { cancelSubscription, reactivateSubscription, suspendSubscription } from '@/lib/subscriptions/change-status';
import { getSubscriptionDetail } from '@/lib/subscriptions/get-subscription-detail';
import { decodeCursor } from './cursor';
import { defineOperation } from './operation';
import {
  subscriptionAnswer,
  subscriptionListItem,
  subscriptionListQuery,
  subscriptionPath,
  subscriptionPatchBody,
} from './schemas';

const party = (p: { id: string; legalName: string; mpnId: string | null } | null) =>
  p && { id: p.id, legalName: p.legalName, mpnId: p.mpnId };

/** A subscription as the API answers it, with its version for the ETag. */
async function subscriptionBody(ctx: Parameters<typeof getSubscriptionDetail>[0], subscriptionId: string) {
  const { subscription: s, reduceUntil } = await getSubscriptionDetail(ctx, subscriptionId);
  return {
    body: {
      id: s.id,
      customerId: s.customerId,
      offer: { id: s.offer.id, name: s.offer.name, sku: s.offer.sku },
      quantity: s.quantity,
      status: s.status,
      billingFrequency: s.offer.billingFrequency,
      termStartedAt: s.termStartedAt,
      createdAt: s.createdAt,
      changeWindowEndsAt: reduceUntil,
      reseller: party(s.reseller),
      supportContact: party(s.supportContactOrg)!,
    },
    version: s.version,
  };
}

const STATUS_CHANGES = {
  active: reactivateSubscription,
  suspended: suspendSubscription,
  cancelled: cancelSubscription,
} as const;

// Subscriptions (F5, R7–R9): read where the pages show them; changed by the
// provider of record and a managing reseller with delegated admin, the
// support contact by a helpdesk as well (R9).
export const subscriptionsApi = {
  list: defineOperation({
    method: 'GET',
    path: '/subscriptions',
    operationId: 'listSubscriptions',
    audience: 'reseller',
    summary: "A reseller's subscriptions",
    description:
      'The subscriptions of the customers the reseller manages and those it is the support contact for ' +
      "(the reseller's Subscriptions page). A provider lists a customer's subscriptions instead.",
    tag: 'Subscriptions',
    scope: 'subscriptions.read',
    query: subscriptionListQuery,
    response: subscriptionListItem,
    list: true,
    run: async ({ ctx, query }) => {
      const page = await findResellerSubscriptions(
        ctx,
        { relation: query.relation, status: query.status, q: query.q, after: decodeCursor(query.cursor) },
        query.limit,
      );
      return {
        items: page.rows.map((s) => ({
          id: s.id,
          customerId: s.customer.id,
          offerName: s.offer.name,
          quantity: s.quantity,
          status: s.status,
          reseller: s.reseller && { legalName: s.reseller.legalName, mpnId: s.reseller.mpnId },
          supportContact: { legalName: s.supportContactOrg.legalName },
        })),
        nextCursor: page.nextCursor,
      };
    },
  }),
  get: defineOperation({
    method: 'GET',
    path: '/subscriptions/{subscriptionId}',
    operationId: 'getSubscription',
    summary: 'Get a subscription',
    tag: 'Subscriptions',
    scope: 'subscriptions.read',
    params: subscriptionPath,
    response: subscriptionAnswer,
    run: ({ ctx, params }) => subscriptionBody(ctx, params.subscriptionId),
  }),
  update: defineOperation({
    method: 'PATCH',
    path: '/subscriptions/{subscriptionId}',
    operationId: 'updateSubscription',
    summary: 'Change a subscription',
    description:
      'Licences (R7: fewer only within the change window), an upgrade, the reseller credited (R8), the ' +
      'designated support contact (R9), or — alone — the status (suspend, reactivate, cancel).',
    tag: 'Subscriptions',
    scope: 'subscriptions.write',
    params: subscriptionPath,
    body: subscriptionPatchBody,
    response: subscriptionAnswer,
    ifMatch: true,
    codes: ['change_window_closed', 'quantity_range', 'not_upgrade_target', 'status_alone'],
    run: async ({ ctx, params, body, version }) => {
      const { status, ...changes } = body;
      const expected = Number(version);
      if (!Number.isInteger(expected) || expected < 1) throw new Conflict();
      const ref = { subscriptionId: params.subscriptionId, version: expected };
      if (status) {
        if (Object.values(changes).some((v) => v !== undefined)) throw new Invalid({ status: ['errors.statusAlone'] });
        await STATUS_CHANGES[status](ctx, ref);
      } else {
        await changeSubscription(ctx, { ...ref, ...changes });
      }
      return subscriptionBody(ctx, params.subscriptionId);
    },
  }),
};
