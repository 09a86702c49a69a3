'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/pipeline/define-action';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { cancelSubscription, reactivateSubscription, suspendSubscription } from '@/lib/subscriptions/change-status';
import { verifyResellerMpnId } from '@/lib/subscriptions/verify-reseller-mpn-id';
import {
  changeSubscriptionInput,
  subscriptionRef,
  supportContactInput,
  verifyMpnRequest,
} from '@/lib/subscriptions/schemas';

const path = (id: string) => `/subscriptions/${id}`;

/** Submit: licences, upgrade, Reseller (MPN ID), Designated support contact. */
export const changeSubscriptionAction = defineAction({
  permission: 'subscriptions.write',
  input: changeSubscriptionInput,
  run: async (ctx, input) => {
    const result = await changeSubscription(ctx, input);
    revalidatePath(path(result.subscriptionId));
    return result;
  },
});

/** Submit for helpdesk agents (R9): only the designated support contact is sent on. */
export const changeSupportContactAction = defineAction({
  permission: 'support.write',
  input: supportContactInput,
  run: async (ctx, input) => {
    const result = await changeSubscription(ctx, input);
    revalidatePath(path(result.subscriptionId));
    return result;
  },
});

export const verifyMpnAction = defineAction({
  permission: 'subscriptions.write',
  input: verifyMpnRequest,
  run: (ctx, input) => verifyResellerMpnId(ctx, input.subscriptionId, input.mpnId),
});

export const suspendAction = defineAction({
  permission: 'subscriptions.write',
  input: subscriptionRef,
  run: async (ctx, input) => {
    await suspendSubscription(ctx, input);
    revalidatePath(path(input.subscriptionId));
    return 'suspended' as const;
  },
});

export const reactivateAction = defineAction({
  permission: 'subscriptions.write',
  input: subscriptionRef,
  run: async (ctx, input) => {
    await reactivateSubscription(ctx, input);
    revalidatePath(path(input.subscriptionId));
    return 'reactivated' as const;
  },
});

export const cancelAction = defineAction({
  permission: 'subscriptions.write',
  input: subscriptionRef,
  run: async (ctx, input) => {
    await cancelSubscription(ctx, input);
    redirect(`${path(input.subscriptionId)}?cancelled=1`);
  },
});
