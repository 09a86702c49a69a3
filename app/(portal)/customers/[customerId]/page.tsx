import { FactList } from '@/components/ui/fact-list';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { can } from '@/lib/authz/policy';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { getCustomer } from '@/lib/customers/get-customer';
import { formatDate } from '@/lib/format';
import { PageHeader } from '@/components/ui/page-header';
import { SubscriptionTable } from '@/components/customers/subscription-table';
import { Section } from '@/components/ui/section';

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ customerId: string }>; searchParams: Promise<{ saved?: string }> }) {
  const { customerId } = await params;
  const { saved } = await searchParams;
  const ctx = await requirePageCtx(`/customers/${customerId}`);
  const customer = await loadOr404(() => getCustomer(ctx, customerId));
  const [t, te, locale] = await Promise.all([getTranslations('customer'), getTranslations('customerEdit'), getLocale()]);
  const address = [customer.addressLine1, customer.addressLine2, customer.city, customer.region, customer.postalCode, customer.country].filter(Boolean).join(', ');
  const facts: [string, string][] = [
    [t('tenantDomain'), customer.tenantDomain],
    [t('address'), address],
    [t('contact'), `${customer.contactFirstName} ${customer.contactLastName} · ${customer.contactEmail}${customer.contactPhone ? ` · ${customer.contactPhone}` : ''}`],
    [t('provider'), `${customer.provider.legalName} (${customer.provider.mpnId})`],
    [t('managingReseller'), customer.managingReseller ? `${customer.managingReseller.legalName} (${customer.managingReseller.mpnId})` : t('none')],
    [t('tenantOwner'), customer.resellerTenantOwner && customer.managingReseller ? customer.managingReseller.legalName : t('none')],
    [t('created'), formatDate(customer.createdAt, locale)],
  ];
  return (
    <>
      <PageHeader title={customer.companyName}>
        {can(ctx, 'customers.write') ? <Link href={`/customers/${customer.id}/edit`} className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-100">{te('edit')}</Link> : null}
      </PageHeader>
      {saved ? <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">{te('saved')}</p> : null}
      <Section id="account" title={t('accountInfo')}>
        <FactList facts={facts} />
      </Section>
      <Section id="subscriptions" title={t('subscriptions')} className="">
        <SubscriptionTable subscriptions={customer.subscriptions} />
      </Section>
    </>
  );
}
