import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { audienceOf } from '@/lib/authz/context';
import type { findCustomers } from '@/lib/customers/find-customers';
import type { ResellerFilter } from '@/lib/partnerships/list-reseller-options';
import { numberFormat } from '@/lib/format';
import { PageHeader } from '@/components/ui/page-header';
import { SearchForm } from '@/components/ui/search-form';
import { AutoSubmitSelect } from '@/components/ui/auto-submit-select';
import { Table } from '@/components/ui/table';
import { ExpandForm } from '@/components/customers/expand-button';
import { CustomerRows } from '@/components/customers/customer-rows';
import { ExpandedCustomer } from '@/components/customers/expanded-customer';

export type CustomersSearch = {
  reseller?: string;
  q?: string;
  after?: string;
  before?: string;
  last?: string;
  expand?: string;
};
export type CustomersData = Awaited<ReturnType<typeof findCustomers>>;

/** The Customers page as it shows a page of customers (the page loads them; the bench floor passes fixed ones). */
export async function CustomersView({
  ctx,
  search,
  list,
  filter,
}: {
  ctx: Ctx;
  search: CustomersSearch;
  list: CustomersData;
  filter: ResellerFilter;
}) {
  const { rows } = list;
  const [t, tn, tr, locale] = await Promise.all([
    getTranslations('customers'),
    getTranslations('newCustomer'),
    getTranslations('relationships.request'),
    getLocale(),
  ]);
  const filters = { ...(search.reseller && { reseller: search.reseller }), ...(search.q && { q: search.q }) };
  const href = (cursor: Record<string, string>) => `/customers?${new URLSearchParams({ ...filters, ...cursor })}`;
  const paged = Boolean(search.after || search.before || search.last);
  const total = numberFormat(locale).format(list.total);
  const unknownReseller = Boolean(search.reseller) && filter.options === null && !filter.selected;
  return (
    <>
      <PageHeader title={t('title')}>
        {audienceOf(ctx) === 'reseller' && can(ctx, 'partnerships.write') ? (
          <Link
            href="/customers/request-relationship"
            className={
              'ml-auto rounded border border-slate-400 bg-white ' + 'px-4 py-2 text-sm font-medium hover:bg-slate-100'
            }
          >
            {tr('button')}
          </Link>
        ) : null}
        {can(ctx, 'orders.write') ? (
          <Link
            href="/customers/new"
            className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
          >
            {tn('addNewCustomer')}
          </Link>
        ) : null}
      </PageHeader>
      <SearchForm label={t('search')} defaultValue={search.q}>
        {filter.options === null ? (
          // Too many partners for a list: the filter takes the reseller's MPN ID.
          <div className="flex flex-col gap-1">
            <label htmlFor="reseller" className="text-sm font-medium">
              {t('filterByReseller')}
            </label>
            <input
              id="reseller"
              name="reseller"
              inputMode="numeric"
              defaultValue={filter.selected?.mpnId ?? search.reseller ?? ''}
              aria-describedby="reseller-hint"
              className="w-44 rounded border border-slate-400 bg-white px-3 py-2 text-sm"
            />
            <span id="reseller-hint" className="text-xs text-slate-600">
              {filter.selected ? `${filter.selected.legalName} (${filter.selected.mpnId})` : t('resellerMpnHint')}
            </span>
          </div>
        ) : filter.options.length > 0 ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="reseller" className="text-sm font-medium">
              {t('filterByReseller')}
            </label>
            <AutoSubmitSelect
              id="reseller"
              name="reseller"
              defaultValue={filter.selected?.id ?? search.reseller ?? ''}
              className="rounded border border-slate-400 bg-white px-3 py-2 text-sm"
            >
              <option value="">{t('allResellers')}</option>
              {filter.options.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.legalName} ({r.mpnId})
                </option>
              ))}
            </AutoSubmitSelect>
          </div>
        ) : null}
      </SearchForm>
      {unknownReseller ? (
        <p role="status" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {t('unknownReseller')}
        </p>
      ) : null}
      <p className="mb-2 text-sm text-slate-700" aria-live="polite">
        {t(list.totalCapped ? 'totalCapped' : 'total', { total })}
      </p>
      <ExpandForm
        params={{
          reseller: search.reseller,
          q: search.q,
          after: search.after,
          before: search.before,
          last: search.last,
        }}
      />
      <Table
        caption={t('title')}
        headers={[t('details'), t('company'), t('tenantDomain'), t('managingReseller')]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        <CustomerRows
          rows={rows.map((c) => ({
            id: c.id,
            name: c.companyName,
            domain: c.tenantDomain,
            reseller: c.managingReseller ? `${c.managingReseller.legalName} (${c.managingReseller.mpnId})` : '—',
          }))}
          // The rows put each company's name where "{company}" stands.
          labels={{ expand: t('expand', { company: '{company}' }), collapse: t('collapse', { company: '{company}' }) }}
          expandedId={search.expand}
          expanded={
            search.expand && rows.some((c) => c.id === search.expand) ? (
              <ExpandedCustomer ctx={ctx} customerId={search.expand} />
            ) : null
          }
        />
      </Table>
      {list.previousCursor || list.nextCursor || paged ? (
        <nav aria-label={t('pages')} className="mt-4 flex flex-wrap gap-4 text-sm">
          {list.previousCursor ? (
            <Link className="lnk" href={href({})}>
              {t('firstPage')}
            </Link>
          ) : null}
          {list.previousCursor ? (
            <Link className="lnk" href={href({ before: list.previousCursor })}>
              {t('previousPage')}
            </Link>
          ) : null}
          {list.nextCursor ? (
            <Link className="lnk" href={href({ after: list.nextCursor })}>
              {t('nextPage')}
            </Link>
          ) : null}
          {list.nextCursor ? (
            <Link className="lnk" href={href({ last: '1' })}>
              {t('lastPage')}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
