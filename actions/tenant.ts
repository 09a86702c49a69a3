'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/pipeline/define-action';
import { assignLicence, unassignLicence } from '@/lib/tenant/licences';
import { addTenantUser, resetTenantUserPassword, setTenantUserEnabled } from '@/lib/tenant/tenant-users';
import { addTenantUserInput, licenceInput, setTenantUserEnabledInput, tenantUserInput } from '@/lib/tenant/schemas';

// A customer tenant's administration (its users, its licences). The domain
// decides who may act in the tenant; the permission here is the tenant
// admin's own, which the domain checks again.

/** Adds a tenant user; answers the temporary password, which the form shows once. */
export const addTenantUserAction = defineAction({
  permission: 'tenant.manage',
  input: addTenantUserInput,
  echo: ['email', 'name', 'role'],
  run: async (ctx, input) => {
    const result = await addTenantUser(ctx, input);
    revalidatePath('/users');
    return result;
  },
});

export const resetTenantUserPasswordAction = defineAction({
  permission: 'tenant.manage',
  input: tenantUserInput,
  run: (ctx, input) => resetTenantUserPassword(ctx, input),
});

export const setTenantUserEnabledAction = defineAction({
  permission: 'tenant.manage',
  input: setTenantUserEnabledInput,
  run: async (ctx, input) => {
    await setTenantUserEnabled(ctx, input);
    revalidatePath('/users');
    return input.enabled === 'true' ? ('enabled' as const) : ('disabled' as const);
  },
});

export const assignLicenceAction = defineAction({
  permission: 'tenant.manage',
  input: licenceInput,
  run: async (ctx, input) => {
    await assignLicence(ctx, input);
    revalidatePath('/licenses');
    return 'assigned' as const;
  },
});

export const unassignLicenceAction = defineAction({
  permission: 'tenant.manage',
  input: licenceInput,
  run: async (ctx, input) => {
    await unassignLicence(ctx, input);
    revalidatePath('/licenses');
    return 'unassigned' as const;
  },
});
