'use server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { cancelSubscription, reactivateSubscription, suspendSubscription } from '@/lib/subscriptions/change-status';
import { verifyResellerMpnId } from '@/lib/subscriptions/verify-reseller-mpn-id';
import type { ChangeSubscriptionInput, SubscriptionRef } from '@/lib/subscriptions/schemas';

// The domain functions validate every field (zod) and check scope and rules;
// here only the permission a reviewer expects next to each button.
const anyFields = z.record(z.string(), z.string());
const path = (id: unknown) => `/subscriptions/${String(id)}`;

/** Submit: licences, upgrade, Reseller (MPN ID), Designated support contact. */
export const changeSubscriptionAction = defineAction({
  permission: 'subscriptions.write',
  input: anyFields,
  run: async (ctx, input) => {
    const result = await changeSubscription(ctx, input as unknown as ChangeSubscriptionInput);
    revalidatePath(path(result.subscriptionId));
    return result;
  },
});

/** Submit for helpdesk agents (R9): only the designated support contact is sent. */
export const changeSupportContactAction = defineAction({
  permission: 'support.write',
  input: anyFields,
  run: async (ctx, input) => {
    const result = await changeSubscription(ctx, {
      subscriptionId: input.subscriptionId ?? '',
      version: input.version as unknown as number,
      supportContactOrgId: input.supportContactOrgId,
    });
    revalidatePath(path(result.subscriptionId));
    return result;
  },
});

export const verifyMpnAction = defineAction({
  permission: 'subscriptions.write',
  input: z.object({ subscriptionId: z.string(), mpnId: z.string() }),
  run: (ctx, input) => verifyResellerMpnId(ctx, input.subscriptionId, input.mpnId),
});

export const suspendAction = defineAction({
  permission: 'subscriptions.write',
  input: anyFields,
  run: async (ctx, input) => {
    await suspendSubscription(ctx, input as unknown as SubscriptionRef);
    revalidatePath(path(input.subscriptionId));
    return 'suspended' as const;
  },
});

export const reactivateAction = defineAction({
  permission: 'subscriptions.write',
  input: anyFields,
  run: async (ctx, input) => {
    await reactivateSubscription(ctx, input as unknown as SubscriptionRef);
    revalidatePath(path(input.subscriptionId));
    return 'reactivated' as const;
  },
});

export const cancelAction = defineAction({
  permission: 'subscriptions.write',
  input: anyFields,
  run: async (ctx, input) => {
    await cancelSubscription(ctx, input as unknown as SubscriptionRef);
    redirect(`${path(input.subscriptionId)}?cancelled=1`);
  },
});
