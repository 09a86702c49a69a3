// Factories for reseller relationship tests: a provider with two partnered
// resellers, a customer (optionally managed) with its admin and user.
import { makeCtx, makeCustomer, makeOrg, makePartnership } from './index';

export async function makeRelationshipChannel(managedBy: 'A' | null = null) {
  const provider = await makeOrg('INDIRECT_PROVIDER', { legalName: 'Provider Ltd' });
  const resellerA = await makeOrg('INDIRECT_RESELLER', { legalName: 'Reseller A' });
  const resellerB = await makeOrg('INDIRECT_RESELLER', { legalName: 'Reseller B' });
  await makePartnership(provider.id, resellerA.id);
  await makePartnership(provider.id, resellerB.id);
  const customer = await makeCustomer(provider.id, managedBy === 'A' ? resellerA.id : null, 'Contoso');
  const [providerCtx, resellerACtx, resellerBCtx, adminCtx, userCtx] = await Promise.all([
    makeCtx('ADMIN', { organizationId: provider.id }),
    makeCtx('ADMIN', { organizationId: resellerA.id }),
    makeCtx('ADMIN', { organizationId: resellerB.id }),
    makeCtx('CUSTOMER_ADMIN', { customerId: customer.id }),
    makeCtx('CUSTOMER_USER', { customerId: customer.id }),
  ]);
  return { provider, resellerA, resellerB, customer, providerCtx, resellerACtx, resellerBCtx, adminCtx, userCtx };
}
