import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import type { findAuditEvents } from '@/lib/reports/find-audit-events';
import { dateTimeFormat } from '@/lib/format';
import { PageHeader } from '@/components/ui/page-header';
import { Table } from '@/components/ui/table';
import { AuditFilters, type AuditSearch } from '@/components/reports/audit-filters';
import { AuditRows } from '@/components/reports/audit-rows';
import { labelsOf } from '@/components/ui/row-labels';

export type AuditLogData = Awaited<ReturnType<typeof findAuditEvents>>;

/** The audit log page as it shows a page of events (the page loads them; the bench floor passes fixed ones). */
export async function AuditLogView({
  ctx,
  search,
  data: { rows, nextCursor },
}: {
  ctx: Ctx;
  search: AuditSearch;
  data: AuditLogData;
}) {
  const [t, ta, locale] = await Promise.all([
    getTranslations('auditLog'),
    getTranslations('auditActions'),
    getLocale(),
  ]);
  const when = dateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
    timeZoneName: 'short',
  });
  const filters = Object.fromEntries(
    Object.entries(search).filter(([k, v]) => k !== 'after' && typeof v === 'string' && v !== ''),
  ) as Record<string, string>;
  const next = new URLSearchParams({ ...filters, ...(nextCursor && { after: nextCursor }) });
  const label = (action: string) => (ta.has(action) ? ta(action) : action);
  const targetLabel = (type: string) => (t.has(`targetTypes.${type}`) ? t(`targetTypes.${type}`) : type);
  return (
    <>
      <PageHeader title={t('title')}>
        <Link
          href={`/audit-log/export?${new URLSearchParams(filters)}`}
          className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
        >
          {t('export')}
        </Link>
      </PageHeader>
      <p className="mb-4 text-sm text-slate-700">{audienceOf(ctx) === 'vendor' ? t('introVendor') : t('intro')}</p>
      <AuditFilters search={search} />
      <Table
        caption={t('title')}
        headers={[t('when'), t('actorColumn'), t('action'), t('target'), t('outcome'), t('change')]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        <AuditRows
          rows={rows.map((e) => ({
            id: e.id,
            when: when.format(e.occurredAt),
            actor: e.actorName ?? t('system'),
            actorOrg: e.actorOrg,
            action: e.action,
            targetType: e.targetType,
            targetId: e.targetId,
            outcome: e.outcome,
            change: e.change || '—',
          }))}
          labels={{
            actions: labelsOf(rows, (e) => e.action, label),
            targetTypes: labelsOf(rows, (e) => e.targetType, targetLabel),
            outcomes: labelsOf(
              rows,
              (e) => e.outcome,
              (o) => (t.has(`outcomes.${o}`) ? t(`outcomes.${o}`) : o),
            ),
            // The rows put each target where "{target}" stands.
            targetHistory: t('targetHistory', { target: '{target}' }),
          }}
        />
      </Table>
      {nextCursor ? (
        <p className="mt-4">
          <Link className="lnk" href={`/audit-log?${next}`}>
            {t('nextPage')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
