import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience, can } from '@/lib/authz/policy';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { findPendingInvitations } from '@/lib/partnerships/find-invitations';
import { formatDate } from '@/lib/format';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { SearchForm } from '@/components/ui/search-form';
import { Table, Td } from '@/components/ui/table';
import { RequestPartnership } from '@/components/partnerships/request-partnership';
import { PendingInvitations } from '@/components/partnerships/pending-invitations';
import { IntlClient } from '@/components/ui/intl-client';

type Search = { q?: string; after?: string; removed?: string; done?: string };

export default async function IndirectResellersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageCtx('/indirect-resellers');
  const { q, after, removed, done } = await searchParams;
  const [{ rows, nextCursor, removed: removedRow }, invitations] = await loadOr404(async () => {
    assertAudience(ctx, 'provider');
    return Promise.all([findIndirectResellers(ctx, { q, after, removed }), findPendingInvitations(ctx)]);
  });
  const [t, tp, tn, tc, locale] = await Promise.all([
    getTranslations('resellers'), getTranslations('partnerships'), getTranslations('newCustomer'), getTranslations('customers'), getLocale(),
  ]);
  const mayChange = can(ctx, 'partnerships.write');
  const mayOrder = can(ctx, 'orders.write');
  const hasActions = mayChange || mayOrder;
  const next = nextCursor ? new URLSearchParams({ ...(q && { q }), after: nextCursor }) : null;
  return (
    <>
      <PageHeader title={t('title')}>{mayChange ? <IntlClient namespaces={['partnerships']}><RequestPartnership /></IntlClient> : null}</PageHeader>
      {removedRow ? <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{tp('remove.removed', { reseller: removedRow.reseller.legalName })}</p> : null}
      {done === 'revoked' || done === 'resent' ? <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{tp(`pending.${done}`)}</p> : null}
      <SearchForm label={t('search')} defaultValue={q} />
      <Table
        caption={t('title')}
        headers={[t('name'), t('mpnId'), t('status'), t('customers'), t('licences'), t('partnerSince'), ...(hasActions ? [t('actions')] : [])]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="font-medium">{r.reseller.legalName}</Td>
            <Td>{r.reseller.mpnId}</Td>
            <Td><StatusBadge>{t(`states.${r.state}`)}</StatusBadge></Td>
            <Td>
              {r.state === 'ACTIVE' ? (
                <Link className="text-brand underline" href={`/customers?reseller=${r.reseller.id}`} aria-label={t('viewCustomers', { reseller: r.reseller.legalName })}>{r.customers}</Link>
              ) : r.customers}
            </Td>
            <Td>{r.licences}</Td>
            <Td>{formatDate(r.startedAt, locale)}{r.endedAt ? ` – ${formatDate(r.endedAt, locale)}` : ''}</Td>
            {hasActions ? (
              <Td>
                {r.state === 'ACTIVE' ? (
                  <div className="flex flex-wrap gap-x-4 gap-y-1">
                    {mayOrder ? <Link className="text-sm text-brand underline" href={`/customers/new?reseller=${r.reseller.id}`}>{tn('addNewCustomer')}</Link> : null}
                    {mayChange ? <Link className="text-sm text-red-800 underline" href={`/indirect-resellers/${r.id}/remove`}>{tp('remove.action')}</Link> : null}
                  </div>
                ) : null}
              </Td>
            ) : null}
          </tr>
        ))}
      </Table>
      {next ? <p className="mt-4"><Link className="text-brand underline" href={`/indirect-resellers?${next}`}>{tc('nextPage')}</Link></p> : null}
      {mayChange ? <PendingInvitations invitations={invitations} /> : null}
    </>
  );
}
