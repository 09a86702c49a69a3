'use server';
import { revalidatePath } from 'next/cache';
import { Invalid } from '@/lib/errors';
import { baseUrl } from '@/lib/http/base-url';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { customerDetailsInput } from '@/lib/customers/schemas';
import { isDomainPrefixAvailable } from '@/lib/orders/is-domain-available';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { addSubscriptionsInput, domainCheckInput, newCustomerOrderInput } from '@/lib/orders/schemas';
import { defineAction } from '@/lib/pipeline/define-action';

/** As you type in Domain: is the prefix well formed and free? */
export const checkDomainAction = defineAction({
  permission: 'customers.write',
  input: domainCheckInput,
  run: (ctx, input) => isDomainPrefixAvailable(ctx, input.domainPrefix),
});

/** Next: Subscriptions — the details step checked on the server, domain included. */
export const validateDetailsAction = defineAction({
  permission: 'orders.write',
  input: customerDetailsInput,
  run: async (ctx, input) => {
    const domain = await isDomainPrefixAvailable(ctx, input.domainPrefix);
    if (!domain.available) throw new Invalid({ domainPrefix: [domain.reason ?? 'orders.errors.domainTaken'] });
    return { tenantDomain: domain.tenantDomain };
  },
});

/** Submit (R5, R6): one transaction; the idempotency key makes a second submit return the first order. */
export const placeNewCustomerOrderAction = defineAction({
  permission: 'orders.write',
  input: newCustomerOrderInput,
  run: async (ctx, input) => placeNewCustomerOrder(ctx, { ...input, baseUrl: await baseUrl() }),
});

/** F4: the lines come as one JSON text; each licence error is keyed to its offer (lines.<offerId>). */
export const addSubscriptionsAction = defineAction({
  permission: 'orders.write',
  input: addSubscriptionsInput,
  run: async (ctx, input) => {
    const result = await addSubscriptions(ctx, input);
    revalidatePath('/customers');
    return { added: result.subscriptionIds.length, replayed: result.replayed };
  },
});
