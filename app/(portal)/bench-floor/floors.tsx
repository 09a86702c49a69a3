import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { Ctx } from '@/lib/authz/context';
import { requirePageCtx } from '@/lib/auth/page';
import { readEnv } from '@/lib/env/schema';
import { CustomersView } from '@/components/customers/customers-view';
import { CustomerView } from '@/components/customers/customer-view';
import { IndirectResellersView } from '@/components/partnerships/indirect-resellers-view';
import { ResellerSubscriptionsView } from '@/components/subscriptions/reseller-subscriptions-view';
import { AuditLogView } from '@/components/reports/audit-log-view';
import { IncentivesView } from '@/components/reports/incentives-view';
import * as fixed from './fixed-data';

// The benchmark's floors (`npm run bench`), one per list layout: the very view
// the list's page renders (page header, filters, table, row components,
// paging links), given 50 fixed rows instead of the list's data, so each
// list's figures beside its floor are what its own data costs. They query
// nothing themselves (the portal layout still reads the session, as on every
// page; the view reads it from the same request cache). The search
// parameters pass through to the view as on the list (tabs, filters, links).
// Served only when PC_BENCH=1.

type Search = Record<string, string | undefined>;

const FLOORS: Record<string, (ctx: Ctx, search: Search) => React.ReactNode> = {
  customers: (ctx, { expand: _expanded, ...search }) => (
    <CustomersView
      ctx={ctx}
      search={search}
      list={fixed.customers.list}
      filter={search.reseller ? fixed.customers.filteredBy : fixed.customers.filter}
    />
  ),
  customer: (ctx, search) => (
    <CustomerView
      ctx={ctx}
      search={search}
      data={fixed.customer.data}
      subscriptions={fixed.customer.subscriptions}
      resellers={null}
    />
  ),
  'indirect-resellers': (ctx, search) => (
    <IndirectResellersView ctx={ctx} search={search} data={fixed.indirectResellers} invitations={[]} />
  ),
  subscriptions: (_ctx, search) => <ResellerSubscriptionsView search={search} data={fixed.resellerSubscriptions} />,
  'audit-log': (ctx, search) => <AuditLogView ctx={ctx} search={search} data={fixed.auditLog} />,
  incentives: (_ctx, search) => <IncentivesView search={search} report={fixed.incentives} />,
};

/** A list layout's floor, as the bench opens it. */
export async function renderFloor(layout: string, searchParams: Promise<Search>) {
  // Rendered per request like the lists (they read the session and the URL).
  await connection();
  const floor = Object.hasOwn(FLOORS, layout) ? FLOORS[layout] : undefined; // not a name inherited from Object
  if (!readEnv('PC_BENCH') || !floor) notFound();
  const ctx = await requirePageCtx('/bench-floor');
  return floor(ctx, await searchParams);
}
