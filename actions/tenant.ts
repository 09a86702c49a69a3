'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/pipeline/define-action';
import { assignLicence, unassignLicence } from '@/lib/tenant/licences';
import { addTenantUser, resetTenantUserPassword, setTenantUserEnabled } from '@/lib/tenant/tenant-users';
import { addTenantUserInput, licenceInput, setTenantUserEnabledInput, tenantUserInput } from '@/lib/tenant/schemas';

// A customer tenant's administration (its users, its licences), by the
// tenant's admin or by a partner user through a delegated admin
// relationship: the domain decides who may act in the tenant
// (lib/tenant/access.ts), so the declared permission is only "signed in".

/** Adds a tenant user; answers the temporary password, which the form shows once. */
export const addTenantUserAction = defineAction({
  permission: 'home.read',
  input: addTenantUserInput,
  echo: ['email', 'name', 'role'],
  run: async (ctx, input) => {
    const result = await addTenantUser(ctx, input);
    revalidatePath('/users');
    revalidatePath(`/customers/${input.customerId}/users`);
    return result;
  },
});

export const resetTenantUserPasswordAction = defineAction({
  permission: 'home.read',
  input: tenantUserInput,
  run: (ctx, input) => resetTenantUserPassword(ctx, input),
});

export const setTenantUserEnabledAction = defineAction({
  permission: 'home.read',
  input: setTenantUserEnabledInput,
  run: async (ctx, input) => {
    await setTenantUserEnabled(ctx, input);
    revalidatePath('/users');
    revalidatePath(`/customers/${input.customerId}/users`);
    return input.enabled === 'true' ? ('enabled' as const) : ('disabled' as const);
  },
});

export const assignLicenceAction = defineAction({
  permission: 'home.read',
  input: licenceInput,
  run: async (ctx, input) => {
    await assignLicence(ctx, input);
    revalidatePath('/licenses');
    revalidatePath(`/customers/${input.customerId}/licenses`);
    return 'assigned' as const;
  },
});

export const unassignLicenceAction = defineAction({
  permission: 'home.read',
  input: licenceInput,
  run: async (ctx, input) => {
    await unassignLicence(ctx, input);
    revalidatePath('/licenses');
    revalidatePath(`/customers/${input.customerId}/licenses`);
    return 'unassigned' as const;
  },
});
