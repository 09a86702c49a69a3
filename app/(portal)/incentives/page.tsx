import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { getIncentivesReport, listIncentiveResellers } from '@/lib/reports/incentives';
import { formatMoney } from '@/lib/offers/money';
import { formatDate } from '@/lib/format';
import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { Table, Td } from '@/components/ui/table';
import { FilterSelect } from '@/components/reports/filter-select';

type Search = { month?: string; reseller?: string };

/** R8: incentives earned per reseller, month and subscription, from association periods. */
export default async function IncentivesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageCtx('/incentives');
  const search = await searchParams;
  const [report, resellers] = await loadOr404(() => Promise.all([getIncentivesReport(ctx, search), listIncentiveResellers(ctx)]));
  const [t, locale] = await Promise.all([getTranslations('incentives'), getLocale()]);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const number = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const monthHref = (delta: number) => {
    const d = new Date(Date.UTC(report.start.getUTCFullYear(), report.start.getUTCMonth() + delta, 1));
    const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    return `/incentives?${new URLSearchParams({ month, ...(search.reseller && { reseller: search.reseller }) })}`;
  };
  const exportQuery = new URLSearchParams({ month: report.month, ...(search.reseller && { reseller: search.reseller }) });
  return (
    <>
      <PageHeader title={t('title')}>
        <Link href={`/incentives/export?${exportQuery}`} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100" prefetch={false}>{t('export')}</Link>
      </PageHeader>
      <p id="incentives-help" className="mb-4 max-w-4xl text-sm text-slate-700">{t('help')}</p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="month" className="text-sm font-medium">{t('month')}</label>
          <input id="month" name="month" type="month" defaultValue={report.month} required className="rounded border border-slate-400 bg-white px-3 py-2 text-sm" />
        </div>
        {resellers.length > 0 ? (
          <FilterSelect id="reseller" label={t('reseller')} defaultValue={search.reseller ?? ''}>
            <option value="">{t('allResellers')}</option>
            {resellers.map((r) => <option key={r.id} value={r.id}>{r.legalName} ({r.mpnId})</option>)}
          </FilterSelect>
        ) : null}
        <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 text-sm hover:bg-slate-100">{t('show')}</button>
        <Link className="px-2 py-2 text-sm text-brand underline" href={monthHref(-1)}>{t('previousMonth')}</Link>
        <Link className="px-2 py-2 text-sm text-brand underline" href={monthHref(1)}>{t('nextMonth')}</Link>
      </form>
      <Section id="totals" title={t('totals')}>
        <Table caption={t('totals')} headers={[t('reseller'), t('total')]} empty={report.totals.length === 0 ? t('empty') : undefined}>
          {report.totals.map((total) => (
            <tr key={`${total.resellerId}-${total.currency}`}>
              <Td className="font-medium">{total.resellerName}</Td>
              <Td>{money(total.earnedMinor, total.currency)}</Td>
            </tr>
          ))}
        </Table>
      </Section>
      <Section id="details" title={t('details')}>
        {report.truncated ? <p className="mb-2 text-sm text-slate-700">{t('truncated', { shown: report.rows.length, total: report.totalRows })}</p> : null}
        <Table
          caption={t('details')}
          headers={[t('reseller'), t('customerProvider'), t('offer'), t('licences'), t('unitPrice'), t('rate'), t('period'), t('days'), t('earned')]}
          empty={report.rows.length === 0 ? t('empty') : undefined}
        >
          {report.rows.map((r) => (
            <tr key={`${r.resellerId}-${r.subscriptionId}-${r.from.getTime()}-${r.quantity}-${r.unitPriceMinor}-${r.incentiveRateBps}`}>
              <Td>{r.resellerName}<span className="block text-xs text-slate-600">{r.resellerMpnId}</span></Td>
              <Td>{r.customerName}<span className="block text-xs text-slate-600">{r.providerName}</span></Td>
              <Td>{r.offerName}</Td>
              <Td>{r.quantity}</Td>
              <Td>{money(r.unitPriceMinor, r.currency)}</Td>
              <Td>{number.format(r.incentiveRateBps / 100)}%</Td>
              <Td>{formatDate(r.from, locale)} – {formatDate(r.to, locale)}</Td>
              <Td>{number.format(r.days)}</Td>
              <Td className="font-medium">{money(r.earnedMinor, r.currency)}</Td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
