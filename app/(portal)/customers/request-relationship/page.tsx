import { getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { listRequestProviders } from '@/lib/relationships/find-customer-requests';
import { PageHeader } from '@/components/ui/page-header';
import { RequestRelationshipForm } from '@/components/relationships/request-relationship-form';

/** F6 / R12 for a reseller: name one of its providers and that provider's customer by tenant domain. */
export default async function RequestRelationshipPage() {
  const ctx = await requirePageCtx('/customers/request-relationship');
  const providers = await loadOr404(async () => {
    assertAudience(ctx, 'reseller');
    assertCan(ctx, 'partnerships.write');
    return listRequestProviders(ctx);
  });
  const t = await getTranslations('relationships.request');
  return (
    <div className="max-w-2xl">
      <PageHeader title={t('pageTitle')} />
      <p className="mb-6 text-sm text-slate-700">{t('pageIntro')}</p>
      <RequestRelationshipForm mode="reseller" providers={providers} />
    </div>
  );
}
