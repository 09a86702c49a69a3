import { getTranslations } from 'next-intl/server';
import { loadOr404 } from '@/lib/auth/page';
import type { Ctx } from '@/lib/authz/context';
import { getTenantOverview } from '@/lib/customers/get-tenant-overview';
import { PageHeader } from '@/components/ui/page-header';
import { SubscriptionTable } from './subscription-table';
import { Section } from '@/components/ui/section';

/** A customer user's overview: the partners that serve it and its subscriptions with support contacts. */
export async function CustomerOverview({ ctx }: { ctx: Ctx }) {
  const t = await getTranslations('overview');
  const customer = await loadOr404(() => getTenantOverview(ctx));
  return (
    <>
      <PageHeader title={customer.companyName} />
      <p className="mb-6 text-sm text-slate-700">{customer.tenantDomain}</p>
      <Section id="partners" title={t('partners')}>
        <ul className="grid gap-3 sm:grid-cols-2">
          <li className="rounded border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">{t('provider')}</p>
            <p className="font-medium">{customer.provider.legalName}</p>
          </li>
          {customer.managingReseller ? (
            <li className="rounded border border-slate-200 bg-white p-4">
              <p className="text-sm text-slate-600">{t('reseller')}</p>
              <p className="font-medium">{customer.managingReseller.legalName}</p>
            </li>
          ) : null}
        </ul>
      </Section>
      <Section id="subscriptions" title={t('subscriptions')} className="">
        <SubscriptionTable subscriptions={customer.subscriptions} />
      </Section>
    </>
  );
}
