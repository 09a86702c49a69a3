import { Link } from '@/components/ui/link';
import { getFormatter, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { getPartnerRelationships } from '@/lib/relationships/get-partner-relationships';
import { findCustomerRelationships } from '@/lib/admin-relationships/find-relationships';
import { can } from '@/lib/authz/policy';
import { IntlClient } from '@/components/ui/intl-client';
import { RelationshipsTable } from '@/components/admin-relationships/relationships-table';
import { PageHeader } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { RelationshipActionForm } from '@/components/relationships/relationship-action-form';
import { removeDelegatedAdminAction, removeTenantOwnerAction } from '@/actions/relationships';

type Search = { confirm?: string; done?: string };

function Badge({ children }: { children: string }) {
  return <li className="rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">{children}</li>;
}

/** The customer's partners: provider of record, managing reseller and their access (R3, R11, R12). */
export default async function PartnerRelationshipsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const ctx = await requirePageCtx('/partner-relationships');
  const { confirm, done } = await searchParams;
  const [data, adminRelationships] = await loadOr404(() =>
    Promise.all([getPartnerRelationships(ctx), findCustomerRelationships(ctx, { customerId: ctx.customerId ?? '' })]),
  );
  const [t, ta, tt, tg, format] = await Promise.all([
    getTranslations('partnerRelationships'),
    getTranslations('relationships.access'),
    getTranslations('relationships.tenantOwner'),
    getTranslations('adminRelationships'),
    getFormatter(),
  ]);
  const reseller = data.managingReseller;
  const confirming = confirm === 'remove' && reseller && data.canManage;
  const contact = (o: { contactEmail: string | null; contactPhone: string | null }) =>
    [o.contactEmail, o.contactPhone].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-6 text-sm text-slate-700">{t('intro', { company: data.companyName })}</p>
      {done === 'removed' ? (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">
          {t('removed')}
        </p>
      ) : null}
      {done === 'tenantOwner' ? (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">
          {t('tenantOwnerRemoved')}
        </p>
      ) : null}
      <ul className="mb-8 grid gap-4 md:grid-cols-2">
        <li className="rounded border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">{t('provider')}</p>
          <p className="font-medium">
            {data.provider.legalName} ({data.provider.mpnId})
          </p>
          <p className="mt-1 text-sm text-slate-700">
            {t('contact')}: {contact(data.provider)}
          </p>
          <p className="mt-2 text-sm">
            {t('access')}: {t('providerAccess')}
          </p>
        </li>
        <li className="rounded border border-slate-200 bg-white p-4">
          <p className="text-sm text-slate-600">{t('reseller')}</p>
          {reseller ? (
            <>
              <p className="font-medium">
                {reseller.legalName} ({reseller.mpnId})
              </p>
              <p className="mt-1 text-sm text-slate-700">
                {t('contact')}: {contact(reseller)}
              </p>
              <div className="mt-2 flex items-center gap-2 text-sm">
                <span>{t('access')}:</span>
                <ul className="flex gap-2" aria-label={t('access')}>
                  <Badge>{ta(data.resellerDelegatedAdmin ? 'delegatedAdmin' : 'viewOnly')}</Badge>
                  {data.resellerTenantOwner ? <Badge>{ta('tenantOwner')}</Badge> : null}
                </ul>
              </div>
              {data.canManage && !confirming ? (
                <div className="mt-4 flex flex-wrap gap-3">
                  <Link
                    href="/partner-relationships?confirm=remove"
                    className={
                      'rounded border border-red-700 bg-white px-4 py-2 ' +
                      'text-sm font-medium text-red-800 hover:bg-red-50'
                    }
                  >
                    {t('removeDelegatedAdmin')}
                  </Link>
                  {data.resellerTenantOwner ? (
                    <RelationshipActionForm
                      action={removeTenantOwnerAction}
                      fields={{ customerId: data.id, resellerId: reseller.id, grant: 'false' }}
                      label={tt('take')}
                    />
                  ) : null}
                </div>
              ) : null}
            </>
          ) : (
            <p className="mt-1 text-sm">{t('noReseller')}</p>
          )}
        </li>
      </ul>
      {confirming ? (
        <Section id="confirm" title={t('confirmTitle', { reseller: reseller.legalName })}>
          <div className="max-w-2xl rounded border border-red-300 bg-red-50 p-4">
            <p className="mb-2 font-medium">{t('confirmAt')}</p>
            <ul className="mb-4 list-disc space-y-1 pl-6 text-sm">
              <li>{t('confirmAccess', { reseller: reseller.legalName })}</li>
              {data.resellerTenantOwner ? <li>{t('confirmTenantOwner')}</li> : null}
              <li>{t('confirmSupport', { provider: data.provider.legalName })}</li>
              <li>{t('confirmHistory')}</li>
            </ul>
            <div className="flex gap-3">
              <RelationshipActionForm
                action={removeDelegatedAdminAction}
                fields={{ resellerId: reseller.id }}
                label={t('removeDelegatedAdmin')}
                danger
              />
              <Link
                href="/partner-relationships"
                className={
                  'self-start rounded border border-slate-400 bg-white ' +
                  'px-4 py-2 text-sm font-medium hover:bg-slate-100'
                }
              >
                {t('cancel')}
              </Link>
            </div>
          </div>
        </Section>
      ) : null}
      {!data.canManage ? <p className="mb-6 text-sm text-slate-700">{t('readOnly')}</p> : null}
      {data.relationshipRequests.length > 0 ? (
        <Section id="pending" title={t('pending')}>
          <ul className="space-y-2">
            {data.relationshipRequests.map((r) => (
              <li key={r.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
                {t('pendingItem', {
                  provider: r.provider.legalName,
                  reseller: `${r.reseller.legalName} (${r.reseller.mpnId})`,
                  access: ta(r.includeDelegatedAdmin ? 'delegatedAdmin' : 'viewOnly'),
                  date: format.dateTime(r.expiresAt, { dateStyle: 'medium' }),
                })}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      <Section id="admin-relationships" title={tg('title')}>
        <p className="mb-3 max-w-3xl text-sm text-slate-700">{tg('customerIntro')}</p>
        <IntlClient namespaces={['adminRelationships']}>
          <RelationshipsTable relationships={adminRelationships} side="customer" canAct={can(ctx, 'tenant.manage')} />
        </IntlClient>
      </Section>
    </>
  );
}
