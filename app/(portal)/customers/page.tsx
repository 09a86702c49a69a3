import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { findCustomers } from '@/lib/customers/find-customers';
import { findResellerFilter } from '@/lib/partnerships/list-reseller-options';
import { CustomersView, type CustomersSearch } from '@/components/customers/customers-view';

export default async function CustomersPage({ searchParams }: { searchParams: Promise<CustomersSearch> }) {
  const ctx = await requirePageCtx('/customers');
  const search = await searchParams;
  const [list, filter] = await loadOr404(() => Promise.all([findCustomers(ctx, search), findResellerFilter(ctx, search.reseller)]));
  return <CustomersView ctx={ctx} search={search} list={list} filter={filter} />;
}
