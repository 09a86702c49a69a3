import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';
import { IncentivesView, type IncentivesSearch } from '@/components/reports/incentives-view';

/**
 * R8: incentives earned per reseller, month and subscription, from association
 * periods; pages of 50 rows ordered by reseller, with the totals of the
 * resellers on the page. The reseller filter is a list for up to 100
 * resellers, else a field for an MPN ID.
 */
export default async function IncentivesPage({ searchParams }: { searchParams: Promise<IncentivesSearch> }) {
  const ctx = await requirePageCtx('/incentives');
  const search = await searchParams;
  const report = await loadOr404(() => getIncentivesReport(ctx, search));
  return <IncentivesView search={search} report={report} />;
}
