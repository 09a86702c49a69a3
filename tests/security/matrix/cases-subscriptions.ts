// Matrix cases of a subscription: its page, changes (licences, reseller,
// support contact, status) and Verify.
import { getSubscriptionDetail } from '@/lib/subscriptions/get-subscription-detail';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { verifyResellerMpnId } from '@/lib/subscriptions/verify-reseller-mpn-id';
import { cancelSubscription, reactivateSubscription, suspendSubscription } from '@/lib/subscriptions/change-status';
import { type Case, PARTNERS, versionOf, staleSide } from './cases-kit';

export const SUBSCRIPTION_CASES: Case[] = [
  {
    fn: 'lib/subscriptions/get-subscription-detail#getSubscriptionDetail',
    kind: 'id',
    vendorWide: true,
    grant: { permission: 'subscriptions.read', audiences: ['vendor', ...PARTNERS, 'customer'] },
    call: (ctx, id) => getSubscriptionDetail(ctx, id),
    own: (w) => w.ours.subscription,
  },
  {
    fn: 'lib/subscriptions/change-subscription#changeSubscription',
    kind: 'id',
    grant: { permission: 'subscriptions.write', audiences: PARTNERS },
    call: (ctx, id, side) => changeSubscription(ctx, { subscriptionId: id, version: versionOf(side), quantity: 5 }),
    own: (w) => w.ours.subscription,
    ownSide: staleSide,
  },
  {
    fn: 'lib/subscriptions/change-subscription#changeSubscription',
    variant: 'designated support contact',
    kind: 'id',
    grant: { permission: 'support.write', audiences: PARTNERS },
    call: (ctx, id, side, w) =>
      changeSubscription(ctx, { subscriptionId: id, version: versionOf(side), supportContactOrgId: w.ours.providerId }),
    own: (w) => w.ours.subscription,
    ownSide: staleSide,
  },
  {
    fn: 'lib/subscriptions/verify-reseller-mpn-id#verifyResellerMpnId',
    kind: 'id',
    grant: { permission: 'subscriptions.write', audiences: PARTNERS },
    call: (ctx, id) => verifyResellerMpnId(ctx, id, '5200002'),
    own: (w) => w.ours.subscription,
  },
  {
    fn: 'lib/subscriptions/change-status#suspendSubscription',
    kind: 'id',
    grant: { permission: 'subscriptions.write', audiences: PARTNERS },
    call: (ctx, id, side) => suspendSubscription(ctx, { subscriptionId: id, version: versionOf(side) }),
    own: (w) => w.ours.subscription,
    ownSide: staleSide,
  },
  {
    fn: 'lib/subscriptions/change-status#reactivateSubscription',
    kind: 'id',
    grant: { permission: 'subscriptions.write', audiences: PARTNERS },
    call: (ctx, id, side) => reactivateSubscription(ctx, { subscriptionId: id, version: versionOf(side) }),
    own: (w) => w.ours.subscription,
    ownSide: staleSide,
  },
  {
    fn: 'lib/subscriptions/change-status#cancelSubscription',
    kind: 'id',
    grant: { permission: 'subscriptions.write', audiences: PARTNERS },
    call: (ctx, id, side) => cancelSubscription(ctx, { subscriptionId: id, version: versionOf(side) }),
    own: (w) => w.ours.subscription,
    ownSide: staleSide,
  },
];
