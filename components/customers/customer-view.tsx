import { FactList } from '@/components/ui/fact-list';
import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/authz/policy';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import type { getCustomerWithRequests } from '@/lib/customers/get-customer';
import type { findCustomerSubscriptions } from '@/lib/customers/find-customer-subscriptions';
import { formatDate } from '@/lib/format';
import { PageHeader } from '@/components/ui/page-header';
import { SubscriptionTable } from '@/components/customers/subscription-table';
import { Section } from '@/components/ui/section';
import { RequestRelationshipForm } from '@/components/relationships/request-relationship-form';
import { PendingRelationshipRequests } from '@/components/relationships/pending-requests';
import { TenantOwnerControl } from '@/components/relationships/tenant-owner-control';
import { IntlClient } from '@/components/ui/intl-client';

export type CustomerSearch = { saved?: string; after?: string };
export type CustomerData = Awaited<ReturnType<typeof getCustomerWithRequests>>;
export type CustomerSubscriptionsData = Awaited<ReturnType<typeof findCustomerSubscriptions>>;

/**
 * A customer's page: account info, reseller relationship, subscriptions (the
 * page loads them; the bench floor passes fixed ones). `data.resellers`: the
 * provider's reseller options for a relationship request, when it may send one.
 */
export async function CustomerView({
  ctx,
  search: { saved, after },
  data: { customer, requests, resellers },
  subscriptions,
}: {
  ctx: Ctx;
  search: CustomerSearch;
  data: CustomerData;
  subscriptions: CustomerSubscriptionsData;
}) {
  const audience = audienceOf(ctx);
  const [t, te, tr, tc, locale] = await Promise.all([
    getTranslations('customer'),
    getTranslations('customerEdit'),
    getTranslations('relationships'),
    getTranslations('customers'),
    getLocale(),
  ]);
  const hasAzurePlan = subscriptions.hasAzurePlan;
  const paged = subscriptions.nextCursor !== null || Boolean(after);
  const delegation = customer.managingReseller
    ? tr(customer.resellerDelegatedAdmin ? 'access.delegatedAdmin' : 'access.viewOnly')
    : '';
  const address = [
    customer.addressLine1,
    customer.addressLine2,
    customer.city,
    customer.region,
    customer.postalCode,
    customer.country,
  ]
    .filter(Boolean)
    .join(', ');
  const facts: [string, string][] = [
    [t('tenantDomain'), customer.tenantDomain],
    [t('address'), address],
    [
      t('contact'),
      `${customer.contactFirstName} ${customer.contactLastName} · ${customer.contactEmail}${
        customer.contactPhone ? ` · ${customer.contactPhone}` : ''
      }`,
    ],
    [t('provider'), `${customer.provider.legalName} (${customer.provider.mpnId})`],
    [
      t('managingReseller'),
      customer.managingReseller
        ? `${customer.managingReseller.legalName} (${customer.managingReseller.mpnId}) · ${delegation}`
        : t('none'),
    ],
    // R11: the SPEC label "tenant owner" / "テナント所有者", shown to provider, reseller and vendor alike.
    [
      tr('tenantOwner.label'),
      customer.resellerTenantOwner && customer.managingReseller ? customer.managingReseller.legalName : t('none'),
    ],
    [t('created'), formatDate(customer.createdAt, locale)],
  ];
  return (
    <>
      <PageHeader title={customer.companyName}>
        {can(ctx, 'customers.write') ? (
          <Link
            href={`/customers/${customer.id}/edit`}
            className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100"
          >
            {te('edit')}
          </Link>
        ) : null}
      </PageHeader>
      {saved ? (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">
          {te('saved')}
        </p>
      ) : null}
      <Section id="account" title={t('accountInfo')}>
        <FactList facts={facts} />
        {audience === 'provider' && can(ctx, 'customers.write') ? (
          <TenantOwnerControl
            customerId={customer.id}
            reseller={customer.managingReseller}
            held={customer.resellerTenantOwner}
            hasAzurePlan={hasAzurePlan}
          />
        ) : null}
      </Section>
      {audience === 'provider' && can(ctx, 'partnerships.write') ? (
        <Section id="reseller-relationship" title={tr('request.section')}>
          <p className="mb-4 text-sm text-slate-700">{tr('request.sectionIntro')}</p>
          <IntlClient namespaces={['relationships.request']}>
            <RequestRelationshipForm
              mode="provider"
              customerId={customer.id}
              resellers={resellers}
              defaultResellerId={resellers?.find((r) => r.id !== customer.managingReseller?.id)?.id}
            />
          </IntlClient>
          <PendingRelationshipRequests requests={requests} canRevoke />
        </Section>
      ) : requests.length > 0 ? (
        <Section id="reseller-relationship" title={tr('request.section')}>
          <PendingRelationshipRequests requests={requests} canRevoke={can(ctx, 'partnerships.write')} />
        </Section>
      ) : null}
      <Section id="subscriptions" title={t('subscriptions')} className="">
        {paged ? (
          <p className="mb-2 text-sm text-slate-700">
            {t('subscriptionsShowing', {
              shown: subscriptions.rows.length,
              total: subscriptions.total,
              capped: subscriptions.totalCapped ? 'yes' : 'no',
            })}
          </p>
        ) : null}
        <SubscriptionTable subscriptions={subscriptions.rows} />
        {subscriptions.nextCursor ? (
          <p className="mt-4">
            <Link
              className="lnk"
              href={`/customers/${customer.id}?${new URLSearchParams({
                after: subscriptions.nextCursor,
              })}#subscriptions-heading`}
            >
              {tc('nextPage')}
            </Link>
          </p>
        ) : null}
      </Section>
    </>
  );
}
