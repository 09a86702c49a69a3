import { loadOr404, requirePageCtx } from '@/lib/auth/page';
import { delegatedRoles, tenantActions } from '@/lib/tenant/access';
import { findTenantUsers, getTenantName } from '@/lib/tenant/tenant-users';
import { TenantTabHeader } from '@/components/tenant/tenant-tab-header';
import { TenantUsersView } from '@/components/tenant/tenant-users-view';

/** A customer's Users tab for a partner user: reached only through a delegated role that allows it (else 404). */
export default async function CustomerUsersTab({
  params,
  searchParams,
}: {
  params: Promise<{ customerId: string }>;
  searchParams: Promise<{ q?: string }>;
}) {
  const { customerId } = await params;
  const { q } = await searchParams;
  const ctx = await requirePageCtx(`/customers/${customerId}/users`);
  const [found, customer, actions, via] = await loadOr404(async () => {
    const found = await findTenantUsers(ctx, { customerId, q });
    return Promise.all([
      found,
      getTenantName(ctx, customerId),
      tenantActions(ctx, customerId),
      delegatedRoles(ctx, customerId),
    ]);
  });
  return (
    <>
      <TenantTabHeader customerId={customerId} customer={customer} tab="users" via={via} />
      <TenantUsersView
        customerId={customerId}
        tenant={customer}
        q={q}
        found={found}
        requireMfa={null}
        allowed={{
          manageUsers: actions.has('manageUsers'),
          resetPasswords: actions.has('resetPasswords'),
          manageAdmins: actions.has('manageAdmins'),
        }}
      />
    </>
  );
}
