import { Link } from '@/components/ui/link';
import { openTokenLink } from '@/lib/auth/page';
import { TokenLinkLayout } from '@/components/shell/token-link-layout';
import { getFormatter, getTranslations } from 'next-intl/server';
import { viewRelationshipRequest } from '@/lib/relationships/respond-to-relationship-request';
import { RespondToRelationshipForm } from '@/components/relationships/respond-form';
import { IntlClient } from '@/components/ui/intl-client';

/** F6 / R12: the page a relationship link opens; only the named customer's admin may answer. */
export default async function RelationshipRequestPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await openTokenLink((ctx) => viewRelationshipRequest(ctx, token));
  if (link.refusedMinutes !== null) return <TokenLinkLayout ctx={link.ctx} refusedMinutes={link.refusedMinutes} />;
  const { ctx, view } = link;
  const [t, format] = await Promise.all([getTranslations('relationshipRequest'), getFormatter()]);
  const path = `/relationship-requests/${token}`;
  const r = view.request;
  const names = r
    ? { provider: r.provider.legalName, reseller: r.reseller.legalName, resellerMpnId: r.reseller.mpnId ?? '' }
    : null;
  return (
    <TokenLinkLayout ctx={ctx} refusedMinutes={null}>
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
    </TokenLinkLayout>
  );
}
