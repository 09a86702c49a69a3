import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import type { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import type { PendingInvitation } from '@/lib/partnerships/find-invitations';
import { formatDate } from '@/lib/format';
import { PageHeader } from '@/components/ui/page-header';
import { SearchForm } from '@/components/ui/search-form';
import { Table } from '@/components/ui/table';
import { RequestPartnership } from '@/components/partnerships/request-partnership';
import { PendingInvitations } from '@/components/partnerships/pending-invitations';
import { ResellerRows } from '@/components/partnerships/reseller-rows';
import { labelsOf } from '@/components/ui/row-labels';
import { IntlClient } from '@/components/ui/intl-client';

export type IndirectResellersSearch = { q?: string; after?: string; removed?: string; done?: string };
export type IndirectResellersData = Awaited<ReturnType<typeof findIndirectResellers>>;
export type PendingInvitationsData = PendingInvitation[];

/**
 * The Indirect resellers page as it shows a page of partnerships (the page loads them; the bench floor passes fixed
 * ones).
 */
export async function IndirectResellersView({
  ctx,
  search: { q, done },
  data: { rows, nextCursor, removed: removedRow },
  invitations,
}: {
  ctx: Ctx;
  search: IndirectResellersSearch;
  data: IndirectResellersData;
  invitations: PendingInvitationsData;
}) {
  const [t, tp, tn, tc, locale] = await Promise.all([
    getTranslations('resellers'),
    getTranslations('partnerships'),
    getTranslations('newCustomer'),
    getTranslations('customers'),
    getLocale(),
  ]);
  const mayChange = can(ctx, 'partnerships.write');
  const mayOrder = can(ctx, 'orders.write');
  const hasActions = mayChange || mayOrder;
  const next = nextCursor ? new URLSearchParams({ ...(q && { q }), after: nextCursor }) : null;
  return (
    <>
      <PageHeader title={t('title')}>
        {mayChange ? (
          <IntlClient namespaces={['partnerships.request']}>
            <RequestPartnership />
          </IntlClient>
        ) : null}
      </PageHeader>
      {removedRow ? (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">
          {tp('remove.removed', { reseller: removedRow.reseller.legalName })}
        </p>
      ) : null}
      {done === 'revoked' || done === 'resent' ? (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">
          {tp(`pending.${done}`)}
        </p>
      ) : null}
      <SearchForm label={t('search')} defaultValue={q} />
      <Table
        caption={t('title')}
        headers={[
          t('name'),
          t('mpnId'),
          t('status'),
          t('customers'),
          t('licences'),
          t('partnerSince'),
          ...(hasActions ? [t('actions')] : []),
        ]}
        empty={rows.length === 0 ? t('empty') : undefined}
      >
        <ResellerRows
          rows={rows.map((r) => ({
            id: r.id,
            resellerId: r.reseller.id,
            name: r.reseller.legalName,
            mpnId: r.reseller.mpnId,
            active: r.state === 'ACTIVE',
            state: r.state,
            customers: r.customers,
            licences: r.licences,
            since: `${formatDate(r.startedAt, locale)}${r.endedAt ? ` – ${formatDate(r.endedAt, locale)}` : ''}`,
          }))}
          actions={
            hasActions
              ? {
                  addNewCustomer: mayOrder ? tn('addNewCustomer') : null,
                  remove: mayChange ? tp('remove.action') : null,
                }
              : null
          }
          // The rows put each reseller's name where "{reseller}" stands.
          labels={{
            states: labelsOf(
              rows,
              (r) => r.state,
              (state) => t(`states.${state}`),
            ),
            viewCustomers: t('viewCustomers', { reseller: '{reseller}' }),
          }}
        />
      </Table>
      {next ? (
        <p className="mt-4">
          <Link className="lnk" href={`/indirect-resellers?${next}`}>
            {tc('nextPage')}
          </Link>
        </p>
      ) : null}
      {mayChange ? <PendingInvitations invitations={invitations} /> : null}
    </>
  );
}
