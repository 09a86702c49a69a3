import { getLocale, getTranslations } from 'next-intl/server';
import { requirePageCtx } from '@/lib/auth/page';
import { audienceOf } from '@/lib/authz/context';
import { getHomeSummary } from '@/lib/organizations/get-home-summary';
import { PageHeader, Stat } from '@/components/ui/page-header';
import { formatTime } from '@/lib/format';
import { CustomerOverview } from '@/components/customers/customer-overview';

export default async function HomePage() {
  const ctx = await requirePageCtx('/');
  if (audienceOf(ctx) === 'customer') return <CustomerOverview ctx={ctx} />;
  const [t, locale] = await Promise.all([getTranslations('home'), getLocale()]);
  const summary = await getHomeSummary(ctx);
  return (
    <>
      <PageHeader title={ctx.orgName} />
      {ctx.orgStatus === 'PENDING' ? (
        <p role="status" className="mb-6 rounded border border-amber-300 bg-amber-50 p-3">
          {t('enrolmentPending')}
        </p>
      ) : null}
      {ctx.orgStatus === 'SUSPENDED' ? (
        <p role="status" className="mb-6 rounded border border-red-300 bg-red-50 p-3">
          {t('suspended')}
        </p>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-3">
        {summary.audience === 'vendor' ? (
          <Stat label={t('pendingPartners')} value={summary.pendingPartners} />
        ) : (
          <Stat label={t(summary.audience === 'provider' ? 'resellers' : 'providers')} value={summary.partnerships} />
        )}
        <Stat label={t('customers')} value={summary.customers} />
        <Stat label={t('licences')} value={summary.licences} />
      </div>
      {summary.asOf ? (
        <p className="mt-3 text-sm text-slate-600">{t('asOf', { time: formatTime(summary.asOf, locale) })}</p>
      ) : null}
    </>
  );
}
