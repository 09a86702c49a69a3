'use server';
import { revalidatePath } from 'next/cache';
import { baseUrl } from '@/lib/http/base-url';
import { defineAction } from '@/lib/pipeline/define-action';
import { assignGroup } from '@/lib/admin-relationships/assign-group';
import { requestRelationship } from '@/lib/admin-relationships/request-relationship';
import { respondToRelationship, terminateRelationship } from '@/lib/admin-relationships/respond-to-relationship';
import {
  assignGroupInput,
  relationshipInput,
  requestRelationshipInput,
  respondRelationshipInput,
} from '@/lib/admin-relationships/schemas';

/** A partner requests a delegated admin relationship with a customer; the customer's admins are mailed. */
export const requestRelationshipAction = defineAction({
  permission: 'partnerships.write',
  input: requestRelationshipInput,
  echo: ['name', 'durationDays', 'roles', 'autoExtend'],
  run: async (ctx, input) => {
    const result = await requestRelationship(ctx, { ...input, baseUrl: await baseUrl() });
    revalidatePath(`/customers/${input.customerId}`);
    return result;
  },
});

/** The customer's admin approves or declines a request. */
export const respondRelationshipAction = defineAction({
  permission: 'tenant.manage',
  input: respondRelationshipInput,
  run: async (ctx, input) => {
    const result = await respondToRelationship(ctx, input);
    revalidatePath('/partner-relationships');
    return result.status === 'active' ? ('approved' as const) : ('declined' as const);
  },
});

/** Either side ends a relationship (the domain decides who may: the tenant's admin or the partner's). */
export const terminateRelationshipAction = defineAction({
  permission: 'home.read',
  input: relationshipInput,
  run: async (ctx, input) => {
    await terminateRelationship(ctx, input);
    revalidatePath('/partner-relationships');
    revalidatePath('/customers', 'layout');
    return 'terminated' as const;
  },
});

/** A partner admin gives one of its groups some of an active relationship's roles (none: removes the group). */
export const assignGroupAction = defineAction({
  permission: 'users.manage',
  input: assignGroupInput,
  run: async (ctx, input) => {
    await assignGroup(ctx, input);
    revalidatePath('/customers', 'layout');
    return 'saved' as const;
  },
});
