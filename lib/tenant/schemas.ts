import { z } from 'zod';
import { searchText } from '@/lib/validation/text';
import { newUserFields } from '@/lib/users/schemas';

// Inputs of a customer tenant's administration: its users and the licences
// of its subscriptions. Every one names the tenant (the customer), so the
// same verbs serve the tenant's admin and, later, a partner acting in it.

const id = z.string().min(1).max(40);
export const TENANT_ROLES = ['CUSTOMER_ADMIN', 'CUSTOMER_USER'] as const;

export const tenantInput = z.object({ customerId: id });
export type TenantInput = z.infer<typeof tenantInput>;

export const findTenantUsersInput = tenantInput.extend({ q: searchText(100) });
export type FindTenantUsersInput = z.infer<typeof findTenantUsersInput>;

export const addTenantUserInput = tenantInput.extend({
  ...newUserFields.shape,
  role: z.enum(TENANT_ROLES, 'users.errors.roleRequired'),
});
export type AddTenantUserInput = z.infer<typeof addTenantUserInput>;

export const tenantUserInput = tenantInput.extend({ userId: id });
export type TenantUserInput = z.infer<typeof tenantUserInput>;

export const setTenantUserEnabledInput = tenantUserInput.extend({ enabled: z.enum(['true', 'false']) });
export type SetTenantUserEnabledInput = z.infer<typeof setTenantUserEnabledInput>;

export const licenceInput = tenantUserInput.extend({ subscriptionId: id });
export type LicenceInput = z.infer<typeof licenceInput>;
