'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { z } from 'zod';

export const addSubscriptionsAction = defineAction({
  permission: 'orders.write',
  // Only the shape here: addSubscriptions validates every field itself and
  // keys each licence error to its offer (lines.<offerId>), next to its field.
  input: z.object({ customerId: z.string(), idempotencyKey: z.string(), resellerId: z.string().optional(), lines: z.string() }),
  run: async (ctx, input) => {
    const result = await addSubscriptions(ctx, input);
    revalidatePath('/customers');
    return { added: result.subscriptionIds.length, replayed: result.replayed };
  },
});
