import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';
import { formatMoney } from '@/lib/offers/money';
import { formatDate, numberFormat } from '@/lib/format';
import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { Table } from '@/components/ui/table';
import { IncentiveRows, IncentiveTotalRows } from '@/components/reports/incentive-rows';
import { FilterSelect } from '@/components/reports/filter-select';

export type IncentivesSearch = { month?: string; reseller?: string; mpn?: string; after?: string };
export type IncentivesData = Awaited<ReturnType<typeof getIncentivesReport>>;

const field = 'rounded border border-slate-400 bg-white px-3 py-2 text-sm';

/** The incentives page as it shows a report (the page computes it; the bench floor passes a fixed one). */
export async function IncentivesView({ search, report }: { search: IncentivesSearch; report: IncentivesData }) {
  const [t, locale] = await Promise.all([getTranslations('incentives'), getLocale()]);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  const number = numberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = numberFormat(locale);
  // The filter as the links keep it (the month links and the next page).
  const filter: Record<string, string> = search.reseller
    ? { reseller: search.reseller }
    : search.mpn
      ? { mpn: search.mpn }
      : {};
  const monthHref = (delta: number) => {
    const d = new Date(Date.UTC(report.start.getUTCFullYear(), report.start.getUTCMonth() + delta, 1));
    const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
    return `/incentives?${new URLSearchParams({ month, ...filter })}`;
  };
  const pageHref = (after?: string) =>
    `/incentives?${new URLSearchParams({ month: report.month, ...filter, ...(after && { after }) })}`;
  const exportQuery = new URLSearchParams({
    month: report.month,
    ...(report.selected && { reseller: report.selected.id }),
  });
  const resellers = report.resellers;
  return (
    <>
      <PageHeader title={t('title')}>
        {report.unknownReseller ? null : (
          <Link
            href={`/incentives/export?${exportQuery}`}
            className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
          >
            {t('export')}
          </Link>
        )}
      </PageHeader>
      <p id="incentives-help" className="mb-4 max-w-4xl text-sm text-slate-700">
        {t('help')}
      </p>
      <form method="get" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="month" className="text-sm font-medium">
            {t('month')}
          </label>
          <input id="month" name="month" type="month" defaultValue={report.month} required className={field} />
        </div>
        {resellers && resellers.count > 0 ? (
          resellers.options ? (
            <FilterSelect
              id="reseller"
              label={t('reseller')}
              defaultValue={search.reseller ?? report.selected?.id ?? ''}
            >
              <option value="">{t('allResellers')}</option>
              {resellers.options.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.legalName} ({r.mpnId})
                </option>
              ))}
            </FilterSelect>
          ) : (
            <div className="flex flex-col gap-1">
              <label htmlFor="reseller" className="text-sm font-medium">
                {t('reseller')}
              </label>
              <input
                id="reseller"
                name="mpn"
                type="text"
                inputMode="numeric"
                autoComplete="off"
                maxLength={20}
                defaultValue={search.mpn ?? report.selected?.mpnId ?? ''}
                placeholder={t('mpnPlaceholder')}
                aria-describedby="reseller-hint"
                className={`${field} w-48`}
              />
              <span id="reseller-hint" className="text-xs text-slate-600">
                {t('mpnHint')}
              </span>
            </div>
          )
        ) : null}
        <button type="submit" className="rounded border border-slate-400 bg-white px-4 py-2 text-sm hover:bg-slate-100">
          {t('show')}
        </button>
        <Link className="px-2 py-2 text-sm text-brand underline" href={monthHref(-1)}>
          {t('previousMonth')}
        </Link>
        <Link className="px-2 py-2 text-sm text-brand underline" href={monthHref(1)}>
          {t('nextMonth')}
        </Link>
      </form>
      {report.unknownReseller ? (
        <p role="alert" className="mb-4 rounded border border-amber-400 bg-amber-50 px-4 py-2 text-sm text-amber-900">
          {t('unknownReseller', { value: search.reseller ? search.reseller : (search.mpn ?? '') })}
        </p>
      ) : null}
      {report.selected && !resellers?.options ? (
        <p className="mb-4 text-sm text-slate-700">
          {t('selected', { name: report.selected.legalName, mpnId: report.selected.mpnId ?? '' })}{' '}
          <Link className="lnk" href={`/incentives?${new URLSearchParams({ month: report.month })}`}>
            {t('allResellers')}
          </Link>
        </p>
      ) : null}
      <Section id="totals" title={t('totals')}>
        <p className="mb-2 text-sm text-slate-700">{t('totalsHelp')}</p>
        <Table
          caption={t('totals')}
          headers={[t('reseller'), t('total')]}
          empty={report.totals.length === 0 ? t('empty') : undefined}
        >
          <IncentiveTotalRows
            rows={report.totals.map((total) => ({
              key: `${total.resellerId}-${total.currency}`,
              reseller: total.resellerName,
              total: money(total.earnedMinor, total.currency),
            }))}
          />
        </Table>
      </Section>
      <Section id="details" title={t('details')}>
        {resellers && !report.selected && !report.unknownReseller ? (
          <p className="mb-2 text-sm text-slate-700">
            {t('resellerCount', {
              count: resellers.count,
              shown: `${count.format(resellers.count)}${resellers.capped ? '+' : ''}`,
            })}
          </p>
        ) : null}
        <Table
          caption={t('details')}
          headers={[
            t('reseller'),
            t('customerProvider'),
            t('offer'),
            t('licences'),
            t('unitPrice'),
            t('rate'),
            t('period'),
            t('days'),
            t('earned'),
          ]}
          empty={report.rows.length === 0 ? t('empty') : undefined}
        >
          <IncentiveRows
            rows={report.rows.map((r) => ({
              key: [
                r.resellerId,
                r.subscriptionId,
                r.from.getTime(),
                r.quantity,
                r.unitPriceMinor,
                r.incentiveRateBps,
              ].join('-'),
              reseller: r.resellerName,
              resellerMpnId: r.resellerMpnId,
              customer: r.customerName,
              provider: r.providerName,
              offer: r.offerName,
              quantity: r.quantity,
              unitPrice: money(r.unitPriceMinor, r.currency),
              rate: `${number.format(r.incentiveRateBps / 100)}%`,
              period: `${formatDate(r.from, locale)} – ${formatDate(r.to, locale)}`,
              days: number.format(r.days),
              earned: money(r.earnedMinor, r.currency),
            }))}
          />
        </Table>
        {report.partial ? <p className="mt-2 text-sm text-slate-700">{t('partial')}</p> : null}
        {report.nextCursor || search.after ? (
          <nav aria-label={t('pages')} className="mt-4 flex gap-4 text-sm">
            {search.after ? (
              <Link className="lnk" href={pageHref()}>
                {t('firstPage')}
              </Link>
            ) : null}
            {report.nextCursor ? (
              <Link className="lnk" href={pageHref(report.nextCursor)}>
                {t('nextPage')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </Section>
    </>
  );
}
