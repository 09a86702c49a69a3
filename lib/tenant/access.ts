import 'server-only';
import type { Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';

/**
 * What is done inside a customer tenant: read its users and licences, manage
 * its non-admin users, reset their passwords, assign licences, or manage its
 * admins too.
 */
export type TenantAction = 'read' | 'manageUsers' | 'resetPasswords' | 'assignLicences' | 'manageAdmins';

/**
 * Whether the user may act in the tenant: today its own customer admin, for
 * everything. Anyone else gets NotFound, exactly as for a foreign customer
 * (R3). Partners' delegated roles will be decided here too.
 */
export async function assertTenantAccess(ctx: Ctx, customerId: string, _action: TenantAction): Promise<void> {
  if (ctx.customerId && ctx.customerId === customerId && can(ctx, 'tenant.manage')) return;
  throw new NotFound('customer');
}
