import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { findResellerSubscriptions } from '@/lib/reports/find-reseller-subscriptions';
import { RELATIONS, SUBSCRIPTION_STATUSES, type FindResellerSubscriptionsInput } from '@/lib/reports/schemas';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { SearchForm } from '@/components/ui/search-form';
import { Table, Td } from '@/components/ui/table';
import { FilterSelect, RelationTag } from '@/components/reports/filter-select';
import { RelationTabs } from '@/components/reports/relation-tabs';

type Search = { relation?: string; status?: string; q?: string; after?: string };

/** The reseller's subscriptions: customers it manages, and its support list (R9). */
export default async function SubscriptionsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageCtx('/subscriptions');
  const search = await searchParams;
  const { rows, nextCursor } = await loadOr404(() => findResellerSubscriptions(ctx, search as FindResellerSubscriptionsInput));
  const t = await getTranslations('subscriptionList');
  const relation = (RELATIONS as readonly string[]).includes(search.relation ?? '') ? search.relation! : 'all';
  const keep = { ...(search.status && { status: search.status }), ...(search.q && { q: search.q }) };
  const next = new URLSearchParams({ ...keep, relation, ...(nextCursor && { after: nextCursor }) });
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 max-w-3xl text-sm text-slate-700">{t('intro')}</p>
      <RelationTabs
        label={t('relation')}
        current={relation}
        tabs={[{ value: 'all', label: t('relationAll') }, { value: 'managed', label: t('relationManaged') }, { value: 'support', label: t('relationSupport') }]}
        href={(value) => `/subscriptions?${new URLSearchParams({ ...keep, relation: value })}`}
      />
      <SearchForm label={t('search')} defaultValue={search.q}>
        {relation !== 'all' ? <input type="hidden" name="relation" value={relation} /> : null}
        <FilterSelect id="status" label={t('status')} defaultValue={search.status ?? ''}>
          <option value="">{t('allStatuses')}</option>
          {SUBSCRIPTION_STATUSES.map((s) => <option key={s} value={s}>{t(`statuses.${s}`)}</option>)}
        </FilterSelect>
      </SearchForm>
      <Table
        caption={t('title')}
        headers={[t('customer'), t('offer'), t('licences'), t('status'), t('reseller'), t('supportContact'), t('yourRole')]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        {rows.map((s) => (
          <tr key={s.id}>
            <Td>
              <span className="font-medium">{s.customer.companyName}</span>
              <span className="block text-xs text-slate-600">{s.customer.tenantDomain}</span>
            </Td>
            <Td>
              <Link href={`/subscriptions/${s.id}`} className="text-brand underline" aria-label={t('open', { customer: s.customer.companyName, offer: s.offer.name })}>{s.offer.name}</Link>
            </Td>
            <Td>{s.quantity}</Td>
            <Td><StatusBadge>{t(`statuses.${s.status}`)}</StatusBadge></Td>
            <Td>{s.reseller ? `${s.reseller.legalName} (${s.reseller.mpnId})` : '—'}</Td>
            <Td>{s.supportContactOrg.legalName}</Td>
            <Td>
              {s.managed ? <RelationTag tone="managed">{t('managed')}</RelationTag> : null}
              {s.supportContact ? <RelationTag tone="support">{t('supportContactBadge')}</RelationTag> : null}
            </Td>
          </tr>
        ))}
      </Table>
      {nextCursor ? <p className="mt-4"><Link className="text-brand underline" href={`/subscriptions?${next}`}>{t('nextPage')}</Link></p> : null}
    </>
  );
}
