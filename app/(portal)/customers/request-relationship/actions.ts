'use server';
import { revalidatePath } from 'next/cache';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { baseUrl } from '@/lib/http/base-url';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import { revokeRelationshipRequest } from '@/lib/relationships/revoke-relationship-request';
import { setTenantOwner } from '@/lib/relationships/set-tenant-owner';
import { requestIdInput, sendRelationshipRequestInput, tenantOwnerInput } from '@/lib/relationships/schemas';

// F6 / R12 for the provider (customer page) and the reseller (this folder's
// page); startRelationshipRequest parses the fields of the caller's audience.
export const startRelationshipRequestAction = defineAction({
  permission: 'partnerships.write',
  input: z.record(z.string(), z.unknown()),
  run: async (ctx, input) =>
    startRelationshipRequest(ctx, input, { baseUrl: await baseUrl(), locale: await getLocale() }),
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
