import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { findTenantLicences } from '@/lib/tenant/licences';
import { getTenantName } from '@/lib/tenant/tenant-users';
import { delegatedRoles, tenantActions } from '@/lib/tenant/access';
import { TenantTabHeader } from '@/components/tenant/tenant-tab-header';
import { LicencesView } from '@/components/tenant/licences-view';

/** A customer's Licenses tab for a partner user: reached only through a delegated role that allows it (else 404). */
export default async function CustomerLicensesTab({ params }: { params: Promise<{ customerId: string }> }) {
  const { customerId } = await params;
  const ctx = await requirePageCtx(`/customers/${customerId}/licenses`);
  const [licences, customer, actions, via] = await loadOr404(async () => {
    const licences = await findTenantLicences(ctx, { customerId });
    return Promise.all([
      licences,
      getTenantName(ctx, customerId),
      tenantActions(ctx, customerId),
      delegatedRoles(ctx, customerId),
    ]);
  });
  return (
    <>
      <TenantTabHeader customerId={customerId} customer={customer} tab="licences" via={via} />
      <LicencesView
        customerId={customerId}
        tenant={customer}
        licences={licences}
        canAssign={actions.has('assignLicences')}
      />
    </>
  );
}
