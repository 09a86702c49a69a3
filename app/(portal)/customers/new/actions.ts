'use server';
import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { Invalid } from '@/lib/errors';
import { baseUrl } from '@/lib/http/base-url';
import { customerDetailsInput } from '@/lib/customers/schemas';
import { newCustomerOrderInput } from '@/lib/orders/schemas';
import { isDomainPrefixAvailable } from '@/lib/orders/is-domain-available';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';

/** As you type in Domain: is the prefix well formed and free? */
export const checkDomainAction = defineAction({
  permission: 'customers.write',
  input: z.object({ domainPrefix: z.string().max(100) }),
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
