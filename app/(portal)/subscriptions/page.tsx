import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { findResellerSubscriptions } from '@/lib/reports/find-reseller-subscriptions';
import type { FindResellerSubscriptionsInput } from '@/lib/reports/schemas';
import {
  ResellerSubscriptionsView,
  type ResellerSubscriptionsSearch,
} from '@/components/subscriptions/reseller-subscriptions-view';

/** The reseller's subscriptions: customers it manages, and its support list (R9). */
export default async function SubscriptionsPage({
  searchParams,
}: {
  searchParams: Promise<ResellerSubscriptionsSearch>;
}) {
  const ctx = await requirePageCtx('/subscriptions');
  const search = await searchParams;
  const data = await loadOr404(() => findResellerSubscriptions(ctx, search as FindResellerSubscriptionsInput));
  return <ResellerSubscriptionsView search={search} data={data} />;
}
