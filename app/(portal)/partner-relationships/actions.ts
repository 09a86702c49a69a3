'use server';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions';
import { removeDelegatedAdmin } from '@/lib/relationships/remove-delegated-admin';
import { setTenantOwner } from '@/lib/relationships/set-tenant-owner';
import { removeDelegatedAdminInput, tenantOwnerInput } from '@/lib/relationships/schemas';

/** R12: the customer admin removes the managing reseller's delegated admin, at once. */
export const removeDelegatedAdminAction = defineAction({
  permission: 'tenant.manage',
  input: removeDelegatedAdminInput,
  run: async (ctx, input) => {
    await removeDelegatedAdmin(ctx, input);
    redirect('/partner-relationships?done=removed');
  },
});

/** R11: the customer admin removes the reseller's tenant owner permissions. */
export const removeTenantOwnerAction = defineAction({
  permission: 'tenant.manage',
  input: tenantOwnerInput,
  run: async (ctx, input) => {
    await setTenantOwner(ctx, { ...input, grant: 'false' });
    redirect('/partner-relationships?done=tenantOwner');
  },
});
