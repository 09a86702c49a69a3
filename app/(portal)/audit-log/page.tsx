import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { findAuditEvents } from '@/lib/reports/find-audit-events';
import type { AuditSearch } from '@/components/reports/audit-filters';
import { AuditLogView } from '@/components/reports/audit-log-view';

/** The organisation's audit log (vendor staff: every event), newest first. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const ctx = await requirePageCtx('/audit-log');
  const search = await searchParams;
  const data = await loadOr404(() => findAuditEvents(ctx, search));
  return <AuditLogView ctx={ctx} search={search} data={data} />;
}
