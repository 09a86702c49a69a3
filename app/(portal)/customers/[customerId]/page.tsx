import { can } from '@/lib/authz/policy';
import { audienceOf } from '@/lib/authz/context';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { getCustomerWithRequests } from '@/lib/customers/get-customer';
import { findCustomerSubscriptions } from '@/lib/customers/find-customer-subscriptions';
import { findResellerFilter } from '@/lib/partnerships/list-reseller-options';
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
  // All at once: the reseller options do not wait for the customer (they are
  // awaited only once the customer is found; a refusal answers 404 first).
  const options =
    audienceOf(ctx) === 'provider' && can(ctx, 'partnerships.write')
      ? findResellerFilter(ctx).then((f) => f.options)
      : Promise.resolve([]);
  options.catch(() => undefined); // not left unhandled when the customer answers 404 first
  const [data, subscriptions] = await loadOr404(() =>
    Promise.all([
      getCustomerWithRequests(ctx, customerId),
      findCustomerSubscriptions(ctx, customerId, { after: search.after }),
    ]),
  );
  return <CustomerView ctx={ctx} search={search} data={data} subscriptions={subscriptions} resellers={await options} />;
}
