import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { findCustomers } from '@/lib/customers/find-customers';
import { CustomersView, type CustomersSearch } from '@/components/customers/customers-view';

export default async function CustomersPage({ searchParams }: { searchParams: Promise<CustomersSearch> }) {
  const ctx = await requirePageCtx('/customers');
  const search = await searchParams;
  // The page and its reseller filter in one statement.
  const list = await loadOr404(() => findCustomers(ctx, search, { filter: true }));
  return <CustomersView ctx={ctx} search={search} list={list} filter={list.filter!} />;
}
