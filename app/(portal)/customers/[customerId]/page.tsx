import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { getCustomerWithRequests } from '@/lib/customers/get-customer';
import { findCustomerSubscriptions } from '@/lib/customers/find-customer-subscriptions';
import { CustomerView, type CustomerSearch } from '@/components/customers/customer-view';

export default async function CustomerPage({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<CustomerSearch>;
}) {
  const { customerId } = await params;
  const search = await searchParams;
  const ctx = await requirePageCtx(`/customers/${customerId}`);
  const [data, subscriptions] = await loadOr404(() =>
    Promise.all([
      getCustomerWithRequests(ctx, customerId),
      findCustomerSubscriptions(ctx, customerId, { after: search.after }),
    ]),
  );
  return <CustomerView ctx={ctx} search={search} data={data} subscriptions={subscriptions} />;
}
