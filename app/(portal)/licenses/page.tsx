import { getTranslations } from 'next-intl/server';
import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { assertAudience } from '@/lib/authz/policy';
import { findTenantLicences } from '@/lib/tenant/licences';
import { PageHeader } from '@/components/ui/page-header';
import { LicencesView } from '@/components/tenant/licences-view';

/** Licenses: a customer admin gives the tenant's subscriptions' licences to its users. */
export default async function LicensesPage() {
  const ctx = await requirePageCtx('/licenses');
  const licences = await loadOr404(async () => {
    assertAudience(ctx, 'customer');
    return findTenantLicences(ctx, { customerId: ctx.customerId! });
  });
  const t = await getTranslations('tenant');
  return (
    <>
      <PageHeader title={t('licences')} />
      <LicencesView customerId={ctx.customerId!} tenant={ctx.orgName} licences={licences} canAssign />
    </>
  );
}
