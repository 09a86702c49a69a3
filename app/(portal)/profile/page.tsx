import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { env } from '@/lib/env';
import { getProviderProfile } from '@/lib/organizations/get-provider-profile';
import { PageHeader } from '@/components/ui/page-header';
import { ProviderProfileView } from '@/components/vendor/provider-profile-view';

/** R13: the provider reads its own public profile; only vendor staff edit it. */
export default async function ProfilePage() {
  const ctx = await requirePageCtx('/profile');
  const org = await loadOr404(async () => {
    assertAudience(ctx, 'provider');
    return getProviderProfile(ctx, ctx.orgId ?? '');
  });
  const t = await getTranslations('profile');
  return (
    <>
      <PageHeader title={t('title')} />
      <p className="mb-4 max-w-3xl text-slate-700">
        {org.status === 'ACTIVE' ? t('listedIntro') : t('notListed')}{' '}
        {org.status === 'ACTIVE' ? (
          <Link href="/find-a-provider" className="lnk">
            {t('viewPublic')}
          </Link>
        ) : null}
      </p>
      <p role="note" className="mb-6 max-w-3xl rounded border border-slate-300 bg-slate-50 p-3 text-sm">
        {t('readOnly', { vendor: env.VENDOR_NAME })}
      </p>
      <ProviderProfileView org={org} />
    </>
  );
}
