import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import type { findResellerSubscriptions } from '@/lib/reports/find-reseller-subscriptions';
import { RELATIONS, SUBSCRIPTION_STATUSES } from '@/lib/reports/schemas';
import { PageHeader } from '@/components/ui/page-header';
import { SearchForm } from '@/components/ui/search-form';
import { Table } from '@/components/ui/table';
import { FilterSelect } from '@/components/reports/filter-select';
import { ResellerSubscriptionRows } from '@/components/subscriptions/reseller-subscription-rows';
import { RelationTabs } from '@/components/reports/relation-tabs';

export type ResellerSubscriptionsSearch = { relation?: string; status?: string; q?: string; after?: string };
export type ResellerSubscriptionsData = Awaited<ReturnType<typeof findResellerSubscriptions>>;

/**
 * The reseller's Subscriptions page as it shows a page of them (the page loads them; the bench floor passes fixed
 * ones).
 */
export async function ResellerSubscriptionsView({
  search,
  data: { rows, nextCursor },
}: {
  search: ResellerSubscriptionsSearch;
  data: ResellerSubscriptionsData;
}) {
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
        tabs={[
          { value: 'all', label: t('relationAll') },
          { value: 'managed', label: t('relationManaged') },
          { value: 'support', label: t('relationSupport') },
        ]}
        href={(value) => `/subscriptions?${new URLSearchParams({ ...keep, relation: value })}`}
      />
      <SearchForm label={t('search')} defaultValue={search.q}>
        {relation !== 'all' ? <input type="hidden" name="relation" value={relation} /> : null}
        <FilterSelect id="status" label={t('status')} defaultValue={search.status ?? ''}>
          <option value="">{t('allStatuses')}</option>
          {SUBSCRIPTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </FilterSelect>
      </SearchForm>
      <Table
        caption={t('title')}
        headers={[
          t('customer'),
          t('offer'),
          t('licences'),
          t('status'),
          t('reseller'),
          t('supportContact'),
          t('yourRole'),
        ]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        <ResellerSubscriptionRows
          rows={rows.map((s) => ({
            id: s.id,
            customer: s.customer.companyName,
            tenantDomain: s.customer.tenantDomain,
            offer: s.offer.name,
            quantity: s.quantity,
            status: t(`statuses.${s.status}`),
            reseller: s.reseller ? `${s.reseller.legalName} (${s.reseller.mpnId})` : '—',
            supportContact: s.supportContactOrg.legalName,
            managed: s.managed,
            isSupportContact: s.supportContact,
          }))}
          // The rows put each customer and offer where "{customer}" and "{offer}" stand.
          labels={{
            managed: t('managed'),
            support: t('supportContactBadge'),
            open: t('open', { customer: '{customer}', offer: '{offer}' }),
          }}
        />
      </Table>
      {nextCursor ? (
        <p className="mt-4">
          <Link className="lnk" href={`/subscriptions?${next}`}>
            {t('nextPage')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
