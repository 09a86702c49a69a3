'use server';
import { revalidatePath } from 'next/cache';
import { defineAction } from '@/lib/actions';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { z } from 'zod';

/** The form sends its lines as one JSON text; the domain needs the list to key errors by offer. */
function parseLines(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return [];
  }
}

export const addSubscriptionsAction = defineAction({
  permission: 'orders.write',
  // Only the shape here: addSubscriptions validates every field itself and
  // keys each licence error to its offer (lines.<offerId>), next to its field.
  input: z.object({
    customerId: z.string(),
    idempotencyKey: z.string(),
    resellerId: z.string().optional(),
    lines: z.string().transform(parseLines),
  }),
  run: async (ctx, input) => {
    const result = await addSubscriptions(ctx, input);
    revalidatePath('/customers');
    return { added: result.subscriptionIds.length, replayed: result.replayed };
  },
});
