import { Fragment } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { can } from '@/lib/authz/policy';
import { audienceOf } from '@/lib/authz/context';
import { findCustomers } from '@/lib/customers/find-customers';
import { listResellerOptions } from '@/lib/partnerships/list-reseller-options';
import { PageHeader } from '@/components/ui/page-header';
import { SearchForm } from '@/components/ui/search-form';
import { AutoSubmitSelect } from '@/components/ui/auto-submit-select';
import { Table, Td } from '@/components/ui/table';
import { ExpandButton } from '@/components/customers/expand-button';
import { ExpandedCustomer } from '@/components/customers/expanded-customer';

type Search = { reseller?: string; q?: string; after?: string; expand?: string };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageCtx('/customers');
  const search = await searchParams;
  const [{ rows, nextCursor }, resellers] = await loadOr404(() =>
    Promise.all([findCustomers(ctx, search), listResellerOptions(ctx)]),
  );
  const [t, tn, tr] = await Promise.all([getTranslations('customers'), getTranslations('newCustomer'), getTranslations('relationships.request')]);
  const next = new URLSearchParams({ ...(search.reseller && { reseller: search.reseller }), ...(search.q && { q: search.q }), ...(nextCursor && { after: nextCursor }) });
  return (
    <>
      <PageHeader title={t('title')}>
        {audienceOf(ctx) === 'reseller' && can(ctx, 'partnerships.write') ? (
          <Link href="/customers/request-relationship" className="ml-auto rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">{tr('button')}</Link>
        ) : null}
        {can(ctx, 'orders.write') ? (
          <Link href="/customers/new" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">{tn('addNewCustomer')}</Link>
        ) : null}
      </PageHeader>
      <SearchForm label={t('search')} defaultValue={search.q}>
        {resellers.length > 0 ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="reseller" className="text-sm font-medium">{t('filterByReseller')}</label>
            <AutoSubmitSelect id="reseller" name="reseller" defaultValue={search.reseller ?? ''} className="rounded border border-slate-400 bg-white px-3 py-2 text-sm">
              <option value="">{t('allResellers')}</option>
              {resellers.map((r) => <option key={r.id} value={r.id}>{r.legalName} ({r.mpnId})</option>)}
            </AutoSubmitSelect>
          </div>
        ) : null}
      </SearchForm>
      <Table
        caption={t('title')}
        headers={[t('details'), t('company'), t('tenantDomain'), t('managingReseller')]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        {rows.map((c) => {
          const expanded = search.expand === c.id;
          return (
            <Fragment key={c.id}>
              <tr>
                <Td className="w-12"><ExpandButton customerId={c.id} expanded={expanded} params={{ reseller: search.reseller, q: search.q, after: search.after }} label={t(expanded ? 'collapse' : 'expand', { company: c.companyName })} /></Td>
                <Td><Link href={`/customers/${c.id}`} className="font-medium text-brand underline">{c.companyName}</Link></Td>
                <Td>{c.tenantDomain}</Td>
                <Td>{c.managingReseller ? `${c.managingReseller.legalName} (${c.managingReseller.mpnId})` : '—'}</Td>
              </tr>
              {expanded ? (
                <tr>
                  <td colSpan={4} className="p-0"><ExpandedCustomer ctx={ctx} customerId={c.id} /></td>
                </tr>
              ) : null}
            </Fragment>
          );
        })}
      </Table>
      {nextCursor ? <p className="mt-4"><Link className="text-brand underline" href={`/customers?${next}`}>{t('nextPage')}</Link></p> : null}
    </>
  );
}
