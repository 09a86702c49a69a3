import { Link } from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { audienceOf } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { getSubscriptionDetail } from '@/lib/subscriptions/get-subscription-detail';
import { formatDate } from '@/lib/format';
import { FactList } from '@/components/ui/fact-list';
import { PageHeader, StatusBadge } from '@/components/ui/page-header';
import { Section } from '@/components/ui/section';
import { SubscriptionChangeForm } from '@/components/subscriptions/subscription-change-form';
import { StatusActions } from '@/components/subscriptions/status-actions';
import { SubscriptionHistory } from '@/components/subscriptions/subscription-history';
import { AssociationPeriods } from '@/components/subscriptions/association-periods';
import { formatDateTime } from '@/components/subscriptions/format';
import { IntlClient } from '@/components/ui/intl-client';

type Party = {
  legalName: string;
  mpnId: string | null;
  contactEmail?: string | null;
  contactPhone?: string | null;
} | null;

/** F5: a subscription's details, every change to it (R7, R8, R9, R14) and its history. */
export default async function SubscriptionPage({
  params,
  searchParams,
}: {
  params: Promise<{ subscriptionId: string }>;
  searchParams: Promise<{ cancelled?: string }>;
}) {
  const { subscriptionId } = await params;
  const { cancelled } = await searchParams;
  const ctx = await requirePageCtx(`/subscriptions/${subscriptionId}`);
  const detail = await loadOr404(() => getSubscriptionDetail(ctx, subscriptionId));
  const [t, ts, locale] = await Promise.all([
    getTranslations('subscriptionDetail'),
    getTranslations('subscriptions'),
    getLocale(),
  ]);
  const { subscription: s, may, history } = detail;
  const party = (p: Party) => (p ? (p.mpnId ? `${p.legalName} (${p.mpnId})` : p.legalName) : t('none'));
  const contact = [s.supportContactOrg.contactEmail, s.supportContactOrg.contactPhone].filter(Boolean).join(' · ');
  const isCustomer = audienceOf(ctx) === 'customer';
  const facts: [string, string][] = [
    [t('customer'), `${s.customer.companyName} (${s.customer.tenantDomain})`],
    [t('offer'), s.offer.name],
    [t('licences'), String(s.quantity)],
    [t('status'), ts(`statuses.${s.status}`)],
    [t('autoRenew'), s.autoRenew ? t('on') : t('off')],
    [t('purchased'), formatDate(s.purchasedAt, locale)],
    [t('termStarted'), formatDate(s.termStartedAt, locale)],
    [t('renews'), s.status === 'CANCELLED' ? '—' : formatDate(s.renewsAt, locale)],
    [t('reseller'), party(s.reseller)],
    [t('supportContact'), contact ? `${s.supportContactOrg.legalName} · ${contact}` : s.supportContactOrg.legalName],
    [t('provider'), party(s.customer.provider)],
    [t('managingReseller'), s.customer.managingReseller ? party(s.customer.managingReseller) : t('none')],
  ];
  const until = formatDateTime(detail.reduceUntil, locale);
  const windowNote = detail.withinWindow ? t('reduceUntil', { date: until }) : t('reduceClosed', { date: until });
  const write = can(ctx, 'subscriptions.write');
  const showStatus = may.suspend || may.reactivate || may.cancel;
  const customerHref = isCustomer ? '/' : `/customers/${s.customer.id}`;
  return (
    <>
      <PageHeader title={s.offer.name}>
        <StatusBadge>{ts(`statuses.${s.status}`)}</StatusBadge>
      </PageHeader>
      <p className="-mt-4 mb-6 text-sm">
        <Link href={customerHref} className="lnk">
          {s.customer.companyName}
        </Link>
      </p>
      {cancelled ? (
        <p role="status" className="mb-4 rounded border border-green-300 bg-green-50 p-3 text-sm">
          {t('cancelledDone')}
        </p>
      ) : null}
      {s.status === 'SUSPENDED' ? (
        <p className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm">{t('suspendedNote')}</p>
      ) : null}
      {s.status === 'CANCELLED' && s.cancelledAt ? (
        <p className="mb-4 rounded border border-slate-300 bg-slate-50 p-3 text-sm">
          {t('cancelledNote', { date: formatDate(s.cancelledAt, locale) })}
        </p>
      ) : null}
      {!detail.editable && s.status !== 'CANCELLED' ? (
        <p className="mb-4 text-sm text-slate-700">{t('readOnly')}</p>
      ) : null}
      <Section id="details" title={t('details')}>
        <FactList facts={facts} />
      </Section>
      {detail.editable && s.status !== 'CANCELLED' ? (
        <Section id="change" title={t('changeTitle')}>
          <IntlClient namespaces={['subscriptionDetail']}>
            <SubscriptionChangeForm
              subscriptionId={s.id}
              version={s.version}
              quantity={s.quantity}
              offer={{
                name: s.offer.name,
                minQuantity: s.offer.minQuantity,
                maxQuantity: s.offer.maxQuantity,
                isAzurePlan: s.offer.isAzurePlan,
              }}
              upgradeTargets={s.offer.upgradeTargets.map((o) => ({ id: o.id, name: o.name }))}
              reseller={s.reseller}
              resellers={detail.options.resellers}
              supportContactOrgId={s.supportContactOrgId}
              supportContacts={
                detail.options.supportContacts.some((o) => o.id === s.supportContactOrgId)
                  ? detail.options.supportContacts
                  : [s.supportContactOrg, ...detail.options.supportContacts]
              }
              may={{
                changeLicences: detail.form.write,
                upgrade: detail.form.write,
                changeReseller: detail.form.write,
                changeSupportContact: detail.form.support,
              }}
              write={write}
              windowNote={windowNote}
            />
          </IntlClient>
        </Section>
      ) : null}
      {showStatus ? (
        <Section id="status" title={t('statusTitle')}>
          <StatusActions
            subscriptionId={s.id}
            version={s.version}
            may={may}
            cancelClosed={
              write && s.status === 'ACTIVE' && !detail.withinWindow ? t('cancelClosed', { date: until }) : null
            }
          />
        </Section>
      ) : null}
      {isCustomer ? null : (
        <Section id="periods" title={t('periodsTitle')}>
          <AssociationPeriods periods={s.resellerAssociations} />
        </Section>
      )}
      <Section id="history" title={t('historyTitle')}>
        <SubscriptionHistory events={history} />
      </Section>
    </>
  );
}
