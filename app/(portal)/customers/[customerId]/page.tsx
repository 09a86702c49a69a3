import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { getCustomerWithRequests } from '@/lib/customers/get-customer';
import { findCustomerSubscriptions } from '@/lib/customers/find-customer-subscriptions';
import { CustomerView, type CustomerSearch } from '@/components/customers/customer-view';
import { audienceOf } from '@/lib/authz/context';
import { findCustomerRelationships } from '@/lib/admin-relationships/find-relationships';
import { tenantActions } from '@/lib/tenant/access';
import { can } from '@/lib/authz/policy';
import { findGroups } from '@/lib/groups/manage-groups';
import { AdminRelationshipsSection } from '@/components/admin-relationships/admin-relationships-section';

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
  const partner = audienceOf(ctx) === 'provider' || audienceOf(ctx) === 'reseller';
  const [data, subscriptions, relationships] = await loadOr404(() =>
    Promise.all([
      getCustomerWithRequests(ctx, customerId),
      findCustomerSubscriptions(ctx, customerId, { after: search.after }),
      partner ? findCustomerRelationships(ctx, { customerId }) : Promise.resolve(null),
    ]),
  );
  // Tabs and access assignments only where the partner holds an active relationship (most customers: none).
  const active = relationships?.some((r) => r.status === 'active') ?? false;
  const [actions, groups] = await Promise.all([
    active ? tenantActions(ctx, customerId) : null,
    active && can(ctx, 'users.manage') ? findGroups(ctx) : null,
  ]);
  return (
    <>
      <CustomerView ctx={ctx} search={search} data={data} subscriptions={subscriptions} />
      {relationships ? (
        <AdminRelationshipsSection
          ctx={ctx}
          customerId={customerId}
          customer={data.customer.companyName}
          relationships={relationships}
          tenantTabs={actions?.has('read') ?? false}
          groups={groups}
        />
      ) : null}
    </>
  );
}
