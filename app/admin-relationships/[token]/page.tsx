import { getTranslations } from 'next-intl/server';
import { openTokenLink } from '@/lib/auth/page';
import { viewRelationshipLink } from '@/lib/admin-relationships/find-relationships';
import { TokenLinkLayout } from '@/components/shell/token-link-layout';
import { IntlClient } from '@/components/ui/intl-client';
import { Link } from '@/components/ui/link';
import { RelationshipsTable } from '@/components/admin-relationships/relationships-table';

/** The approval link mailed to a customer's admins: the partner, roles and duration, then Approve or Decline. */
export default async function AdminRelationshipLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await openTokenLink((ctx) => viewRelationshipLink(ctx, token));
  if (link.refusedMinutes !== null) return <TokenLinkLayout ctx={link.ctx} refusedMinutes={link.refusedMinutes} />;
  const { ctx, view } = link;
  const t = await getTranslations('adminRelationships');
  const r = view.relationship;
  return (
    <TokenLinkLayout ctx={ctx} refusedMinutes={null}>
      <h1 className="mb-4 text-2xl font-semibold">{t('approvalTitle')}</h1>
      {r ? (
        <section className="mb-6 rounded border border-slate-200 bg-white p-4 text-sm">
          <p className="mb-2 font-medium">
            {t('approvalIntro', {
              partner: `${r.partner.legalName} (${r.partner.mpnId})`,
              customer: r.customer.companyName,
              days: t('days', { count: r.durationDays }),
            })}
          </p>
          <ul className="list-disc pl-6">
            {r.roles.map((role) => (
              <li key={role}>{t(`roleNames.${role}`)}</li>
            ))}
          </ul>
          {r.autoExtend ? <p className="mt-2">{t('autoExtendOn')}</p> : null}
        </section>
      ) : (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-4">
          {t('linkInvalid')}
        </p>
      )}
      {r && view.canAnswer ? (
        <IntlClient namespaces={['adminRelationships']}>
          <RelationshipsTable relationships={[r]} side="customer" canAct />
        </IntlClient>
      ) : null}
      {r && !view.canAnswer && view.status === 'pending' ? (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-4">
          <p>{t('signInToAnswer', { customer: r.customer.companyName })}</p>
          <Link
            href={`/sign-in?callbackUrl=${encodeURIComponent(`/admin-relationships/${token}`)}`}
            className="lnk mt-2 inline-block font-medium"
          >
            {t('signIn')}
          </Link>
        </div>
      ) : null}
      {r && view.status !== 'pending' ? (
        <p role="status" className="rounded border border-slate-200 bg-white p-4">
          {t('linkDone', { status: t(`statuses.${view.status}`) })}
        </p>
      ) : null}
    </TokenLinkLayout>
  );
}
