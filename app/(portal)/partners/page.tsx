import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { can } from '@/lib/authz/policy';
import { findPartners } from '@/lib/organizations/find-partners';
import { formatDate } from '@/lib/format';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Table, Td } from '@/components/ui/table';
import { SearchForm } from '@/components/ui/search-form';
import { AutoSubmitSelect } from '@/components/ui/auto-submit-select';
import { PartnerStatusForm } from '@/components/vendor/partner-status-form';
import { setPartnerStatusAction } from '@/actions/organizations';
import { IntlClient } from '@/components/ui/intl-client';

type Search = { q?: string; status?: string; after?: string };

export default async function PartnersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageCtx('/partners');
  const search = await searchParams;
  const { rows: partners, nextCursor } = await loadOr404(() => findPartners(ctx, search));
  const filters = { ...(search.q && { q: search.q }), ...(search.status && { status: search.status }) };
  const [t, ta, locale] = await Promise.all([
    getTranslations('partners'),
    getTranslations('partnerAdmin'),
    getLocale(),
  ]);
  const manage = can(ctx, 'partners.manage');
  const editProfiles = can(ctx, 'profiles.manage');
  return (
    <>
      <PageHeader title={t('title')} />
      <SearchForm label={t('search')} defaultValue={search.q}>
        <div className="flex flex-col gap-1">
          <label htmlFor="status" className="text-sm font-medium">
            {t('status')}
          </label>
          <AutoSubmitSelect
            id="status"
            name="status"
            defaultValue={search.status ?? ''}
            className="rounded border border-slate-400 bg-white px-3 py-2 text-sm"
          >
            <option value="">{t('allStatuses')}</option>
            {(['PENDING', 'ACTIVE', 'SUSPENDED'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`statuses.${s}`)}
              </option>
            ))}
          </AutoSubmitSelect>
        </div>
      </SearchForm>
      <IntlClient namespaces={['partnerAdmin']}>
        <Table
          caption={t('title')}
          empty={partners.length === 0 ? t('empty') : undefined}
          headers={[t('name'), t('kind'), t('mpnId'), t('country'), t('status'), t('enrolled'), ta('actions')]}
        >
          {partners.map((p) => (
            <tr key={p.id}>
              <Td className="font-medium">{p.legalName}</Td>
              <Td>{t(`kinds.${p.kind}`)}</Td>
              <Td>{p.mpnId}</Td>
              <Td>{p.country}</Td>
              <Td>
                <StatusBadge>{t(`statuses.${p.status}`)}</StatusBadge>
              </Td>
              <Td>{formatDate(p.createdAt, locale)}</Td>
              <Td>
                <div className="flex flex-wrap items-center gap-3">
                  {manage ? (
                    <PartnerStatusForm
                      orgId={p.id}
                      name={p.legalName}
                      status={p.status}
                      action={setPartnerStatusAction}
                    />
                  ) : null}
                  {editProfiles && p.kind === 'INDIRECT_PROVIDER' ? (
                    <Link
                      href={`/partners/${p.id}/profile`}
                      className="lnk text-sm"
                      aria-label={ta('editProfileNamed', { name: p.legalName })}
                    >
                      {ta('editProfile')}
                    </Link>
                  ) : null}
                </div>
              </Td>
            </tr>
          ))}
        </Table>
      </IntlClient>
      <nav aria-label={t('title')} className="mt-4 flex gap-4 text-sm">
        {search.after ? (
          <Link className="lnk" href={`/partners?${new URLSearchParams(filters)}`}>
            {t('firstPage')}
          </Link>
        ) : null}
        {nextCursor ? (
          <Link className="lnk" href={`/partners?${new URLSearchParams({ ...filters, after: nextCursor })}`}>
            {t('nextPage')}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
