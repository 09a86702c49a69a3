import { getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { getProviderProfile } from '@/lib/organizations/get-provider-profile';
import { PageHeader } from '@/components/ui/page-header';
import { ProviderProfileForm } from './provider-profile-form';
import { IntlClient } from '@/components/ui/intl-client';

export default async function EditProviderProfilePage({ params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const ctx = await requirePageCtx(`/partners/${orgId}/profile`);
  const org = await loadOr404(async () => {
    assertAudience(ctx, 'vendor');
    assertCan(ctx, 'profiles.manage');
    return getProviderProfile(ctx, orgId);
  });
  const [t, tp] = await Promise.all([getTranslations('profile'), getTranslations('partners')]);
  return (
    <>
      <PageHeader title={t('editTitle', { name: org.legalName })} />
      <p className="mb-2 text-sm text-slate-600">
        {tp('mpnId')}: {org.mpnId} · {org.country} · {tp(`statuses.${org.status}`)}
      </p>
      <p className="mb-6 max-w-3xl text-slate-700">{t(org.status === 'ACTIVE' ? 'editIntro' : 'notListed')}</p>
      <IntlClient namespaces={['profile']}>
        <ProviderProfileForm
          orgId={org.id}
          profile={org.profile}
          version={org.profile?.updatedAt.toISOString() ?? ''}
        />
      </IntlClient>
    </>
  );
}
