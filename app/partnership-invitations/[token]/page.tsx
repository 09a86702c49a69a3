import { Link } from '@/components/ui/link';
import { openTokenLink } from '@/lib/auth/page';
import { TokenLinkLayout } from '@/components/shell/token-link-layout';
import { getTranslations } from 'next-intl/server';
import { viewInvitation } from '@/lib/partnerships/respond-to-invitation';
import { AcceptInvitationForm } from '@/components/partnerships/accept-invitation-form';
import { IntlClient } from '@/components/ui/intl-client';

/** F2: the page a partnership link opens, for anyone; only R2's reseller admins may accept. */
export default async function PartnershipInvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await openTokenLink((ctx) => viewInvitation(ctx, token));
  if (link.refusedMinutes !== null) return <TokenLinkLayout ctx={link.ctx} refusedMinutes={link.refusedMinutes} />;
  const { ctx, view } = link;
  const t = await getTranslations('partnerships.accept');
  const path = `/partnership-invitations/${token}`;
  return (
    <TokenLinkLayout ctx={ctx} refusedMinutes={null}>
      <h1 className="mb-4 text-2xl font-semibold">{t('title')}</h1>
      {view.provider ? (
        <section className="mb-6 rounded border border-slate-200 bg-white p-4">
          <p className="mb-3 font-medium">
            {t('intro', { provider: view.provider.legalName, mpnId: view.provider.mpnId ?? '' })}
          </p>
          <p className="text-sm">{t('allowsTitle', { provider: view.provider.legalName })}</p>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
            <li>{t('allowsCustomers')}</li>
            <li>{t('allowsOrders')}</li>
            <li>{t('allowsIncentives')}</li>
            <li>{t('allowsSupport')}</li>
          </ul>
        </section>
      ) : null}
      {view.status === 'ready' ? (
        <IntlClient namespaces={['partnerships.accept']}>
          <AcceptInvitationForm token={token} provider={view.provider!.legalName} />
        </IntlClient>
      ) : (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-4">
          <p>{t(view.status)}</p>
          {view.status === 'signInRequired' ? (
            <div className="mt-4 flex flex-col gap-2">
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent(path)}`} className="lnk font-medium">
                {t('signIn')}
              </Link>
              <p className="text-sm">
                {t('noAccount')}{' '}
                <Link href="/enrol" className="lnk">
                  {t('enrol')}
                </Link>
              </p>
            </div>
          ) : null}
          {view.status === 'alreadyAccepted' ? (
            <Link href="/indirect-providers" className="mt-3 inline-block text-brand underline">
              {t('goToProviders')}
            </Link>
          ) : null}
        </div>
      )}
    </TokenLinkLayout>
  );
}
