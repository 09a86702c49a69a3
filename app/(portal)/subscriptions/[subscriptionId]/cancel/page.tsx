import { Link } from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { getSubscriptionDetail } from '@/lib/subscriptions/get-subscription-detail';
import { PageHeader } from '@/components/ui/page-header';
import { CancelSubscriptionForm } from '@/components/subscriptions/cancel-subscription-form';
import { formatDateTime } from '@/components/subscriptions/format';

/** R7: cancelling asks first, and says it is immediate and final. */
export default async function CancelSubscriptionPage({ params }: { params: Promise<{ subscriptionId: string }> }) {
  const { subscriptionId } = await params;
  const ctx = await requirePageCtx(`/subscriptions/${subscriptionId}/cancel`);
  const detail = await loadOr404(() => getSubscriptionDetail(ctx, subscriptionId));
  if (!detail.editable) notFound();
  const [t, locale] = await Promise.all([getTranslations('subscriptionDetail'), getLocale()]);
  const s = detail.subscription;
  const back = `/subscriptions/${s.id}`;
  const reason =
    s.status === 'CANCELLED'
      ? t('errors.cancelled')
      : s.status === 'SUSPENDED'
        ? t('errors.suspended')
        : !detail.withinWindow
          ? t('cancelClosed', { date: formatDateTime(detail.reduceUntil, locale) })
          : null;
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('cancelTitle', { offer: s.offer.name, customer: s.customer.companyName })} />
      {reason || !detail.may.cancel ? (
        <p role="alert" className="mb-6 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {reason ?? t('errors.cancelWindow')}
        </p>
      ) : (
        <>
          <p className="mb-6">{t('cancelBody', { count: s.quantity })}</p>
          <div className="flex gap-3">
            <CancelSubscriptionForm subscriptionId={s.id} version={s.version} label={t('cancelConfirm')} />
            <Link
              href={back}
              className={
                'self-start rounded border border-slate-400 bg-white ' +
                'px-4 py-2 text-sm font-medium hover:bg-slate-100'
              }
            >
              {t('keep')}
            </Link>
          </div>
        </>
      )}
      {reason ? (
        <Link href={back} className="lnk">
          {t('keep')}
        </Link>
      ) : null}
    </div>
  );
}
