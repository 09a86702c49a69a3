import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { audienceOf } from '@/lib/authz/context';
import { findAuditEvents } from '@/lib/reports/find-audit-events';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';
import { AuditFilters, type AuditSearch } from '@/components/reports/audit-filters';

/** The organisation's audit log (vendor staff: every event), newest first. */
export default async function AuditLogPage({ searchParams }: { searchParams: Promise<AuditSearch> }) {
  const ctx = await requirePageCtx('/audit-log');
  const search = await searchParams;
  const { rows, nextCursor } = await loadOr404(() => findAuditEvents(ctx, search));
  const [t, ta, locale] = await Promise.all([getTranslations('auditLog'), getTranslations('auditActions'), getLocale()]);
  const when = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC', timeZoneName: 'short' });
  const filters = Object.fromEntries(Object.entries(search).filter(([k, v]) => k !== 'after' && typeof v === 'string' && v !== '')) as Record<string, string>;
  const next = new URLSearchParams({ ...filters, ...(nextCursor && { after: nextCursor }) });
  const label = (action: string) => (ta.has(action) ? ta(action) : action);
  const targetLabel = (type: string) => (t.has(`targetTypes.${type}`) ? t(`targetTypes.${type}`) : type);
  return (
    <>
      <PageHeader title={t('title')}>
        <Link href={`/audit-log/export?${new URLSearchParams(filters)}`} prefetch={false} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">{t('export')}</Link>
      </PageHeader>
      <p className="mb-4 text-sm text-slate-700">{audienceOf(ctx) === 'vendor' ? t('introVendor') : t('intro')}</p>
      <AuditFilters search={search} />
      <Table
        caption={t('title')}
        headers={[t('when'), t('actorColumn'), t('action'), t('target'), t('outcome'), t('change')]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        {rows.map((e) => (
          <tr key={e.id}>
            <Td className="whitespace-nowrap">{when.format(e.occurredAt)}</Td>
            <Td>
              <span className="font-medium">{e.actorName ?? t('system')}</span>
              {e.actorOrg ? <span className="block text-xs text-slate-600">{e.actorOrg}</span> : null}
            </Td>
            <Td>{label(e.action)}{label(e.action) !== e.action ? <span className="block text-xs text-slate-600">{e.action}</span> : null}</Td>
            <Td>{targetLabel(e.targetType)}{e.targetId ? (
                <Link
                  href={`/audit-log?${new URLSearchParams({ targetType: e.targetType, targetId: e.targetId })}`}
                  className="block font-mono text-xs text-brand underline"
                  aria-label={t('targetHistory', { target: `${targetLabel(e.targetType)} ${e.targetId}` })}
                >
                  {e.targetId}
                </Link>
              ) : null}</Td>
            <Td><StatusBadge>{t.has(`outcomes.${e.outcome}`) ? t(`outcomes.${e.outcome}`) : e.outcome}</StatusBadge></Td>
            <Td className="max-w-md break-words text-xs">{e.change || '—'}</Td>
          </tr>
        ))}
      </Table>
      {nextCursor ? <p className="mt-4"><Link className="text-brand underline" href={`/audit-log?${next}`}>{t('nextPage')}</Link></p> : null}
    </>
  );
}
