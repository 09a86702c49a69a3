'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { baseUrl } from '@/lib/http/base-url';
import { defineAction } from '@/lib/pipeline/define-action';
import { removeDelegatedAdmin } from '@/lib/relationships/remove-delegated-admin';
import { respondToRelationshipRequest } from '@/lib/relationships/respond-to-relationship-request';
import { revokeRelationshipRequest } from '@/lib/relationships/revoke-relationship-request';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import { setTenantOwner } from '@/lib/relationships/set-tenant-owner';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import {
  removeDelegatedAdminInput,
  requestIdInput,
  respondRelationshipInput,
  sendRelationshipRequestInput,
  tenantOwnerInput,
} from '@/lib/relationships/schemas';

// F6 / R12 for the provider (customer page) and the reseller (its request
// page): no schema here, startRelationshipRequest parses the fields of the
// caller's audience (the provider's and the reseller's forms differ).
export const startRelationshipRequestAction = defineAction({
  permission: 'partnerships.write',
  run: async (ctx, fields) =>
    startRelationshipRequest(ctx, fields, { baseUrl: await baseUrl(), locale: await getLocale() }),
});

export const sendRelationshipRequestAction = defineAction({
  permission: 'partnerships.write',
  input: sendRelationshipRequestInput,
  run: sendRelationshipRequest,
});

export const revokeRelationshipRequestAction = defineAction({
  permission: 'partnerships.write',
  input: requestIdInput,
  run: async (ctx, input) => {
    const result = await revokeRelationshipRequest(ctx, input);
    revalidatePath('/customers', 'layout'); // the customer page and the reseller's request page
    return result;
  },
});

/** R11 on the customer page: the provider of record gives or takes tenant owner. */
export const setTenantOwnerAction = defineAction({
  permission: 'customers.write',
  input: tenantOwnerInput,
  run: async (ctx, input) => {
    const result = await setTenantOwner(ctx, { ...input, grant: input.grant ? 'true' : 'false' });
    revalidatePath(`/customers/${input.customerId}`);
    return result;
  },
});

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

// Any signed-in user may try; respondToRelationshipRequest lets only an admin
// of the customer named in the request answer, and refuses every other
// account with its own message.
export const respondToRelationshipRequestAction = defineAction({
  permission: 'account.self',
  input: respondRelationshipInput,
  run: respondToRelationshipRequest,
});
