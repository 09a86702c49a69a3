import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getFormatter, getTranslations } from 'next-intl/server';
import { getCtx } from '@/lib/auth/session';
import { navigationFor } from '@/lib/authz/policy';
import { viewRelationshipRequest } from '@/lib/relationships/respond-to-relationship-request';
import { AppHeader } from '@/components/shell/app-header';
import { TooManyAttempts } from '@/components/security/too-many-attempts';
import { countInvalidToken, tokenLinksRefused } from '@/lib/rate-limit/token-links';
import { RespondToRelationshipForm } from '@/components/relationships/respond-form';
import { IntlClient } from '@/components/ui/intl-client';

/** F6 / R12: the page a relationship link opens; only the named customer's admin may answer. */
export default async function RelationshipRequestPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await getCtx();
  if (ctx?.mustChangePassword) redirect('/change-password');
  const refusedMinutes = await tokenLinksRefused();
  if (refusedMinutes !== null) {
    return (
      <>
        <AppHeader orgName={ctx?.orgName} userName={ctx?.name} nav={ctx ? navigationFor(ctx) : []} />
        <TooManyAttempts minutes={refusedMinutes} />
      </>
    );
  }
  const view = await viewRelationshipRequest(ctx, token);
  if (view.status === 'invalid') await countInvalidToken();
  const [t, format] = await Promise.all([getTranslations('relationshipRequest'), getFormatter()]);
  const path = `/relationship-requests/${token}`;
  const r = view.request;
  const names = r
    ? { provider: r.provider.legalName, reseller: r.reseller.legalName, resellerMpnId: r.reseller.mpnId ?? '' }
    : null;
  return (
    <>
      <AppHeader orgName={ctx?.orgName} userName={ctx?.name} nav={ctx ? navigationFor(ctx) : []} />
      <main className="mx-auto max-w-2xl px-4 py-8">
        <h1 className="mb-4 text-2xl font-semibold">{t('title')}</h1>
        {r && names ? (
          <section className="mb-6 rounded border border-slate-200 bg-white p-4">
            <p className="mb-2 font-medium">{t('intro', names)}</p>
            {r.customer ? (
              <p className="mb-3 text-sm">
                {t('forCustomer', { customer: r.customer.companyName, tenantDomain: r.customer.tenantDomain })}
              </p>
            ) : null}
            {view.status === 'ready' || view.status === 'signInRequired' ? (
              <>
                <p className="text-sm">{t('allowsTitle')}</p>
                <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
                  <li>{t(r.includeDelegatedAdmin ? 'allowsDelegated' : 'allowsView', names)}</li>
                  <li>{t('allowsReplace', names)}</li>
                  <li>{t('allowsRemove')}</li>
                </ul>
              </>
            ) : null}
            {view.status === 'ready' ? (
              <p className="mt-3 text-sm text-slate-700">
                {t('expires', { date: format.dateTime(r.expiresAt, { dateStyle: 'medium' }) })}
              </p>
            ) : null}
          </section>
        ) : null}
        {view.status === 'ready' ? (
          <IntlClient namespaces={['relationshipRequest']}>
            <RespondToRelationshipForm token={token} reseller={names!.reseller} />
          </IntlClient>
        ) : (
          <div role="status" className="rounded border border-amber-300 bg-amber-50 p-4">
            <p>{t(`status.${view.status}`)}</p>
            {view.status === 'signInRequired' ? (
              <Link
                href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`}
                className="mt-3 inline-block font-medium text-brand underline"
              >
                {t('signIn')}
              </Link>
            ) : null}
            {view.status === 'alreadyAccepted' ? (
              <Link href="/partner-relationships" className="mt-3 inline-block text-brand underline">
                {t('goToRelationships')}
              </Link>
            ) : null}
          </div>
        )}
      </main>
    </>
  );
}
