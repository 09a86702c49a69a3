// The customer page's one statement (getCustomerWithRequests): the customer
// with its parties, the pending requests the user may read (the same as
// findCustomerRequests) and a provider's reseller options.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx } from '../factories';
import { makeRelationshipChannel } from '../factories/relationships';
import { clock } from '@/lib/clock';
import { getCustomerWithRequests } from '@/lib/customers/get-customer';
import { findCustomerRequests } from '@/lib/relationships/find-customer-requests';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { NotFound } from '@/lib/errors';

const options = { baseUrl: 'http://portal.test' };
beforeEach(() => {
  clock.reset();
  return resetDatabase();
});

describe('the customer page', () => {
  it('reads the customer with its provider and managing reseller', async () => {
    const { customer, provider, resellerA, providerCtx, resellerACtx } = await makeRelationshipChannel('A');
    const page = await getCustomerWithRequests(providerCtx, customer.id);
    expect(page.customer).toMatchObject({
      id: customer.id,
      companyName: 'Contoso',
      tenantDomain: customer.tenantDomain,
      provider: { id: provider.id, legalName: 'Provider Ltd', mpnId: provider.mpnId },
      managingReseller: { id: resellerA.id, legalName: 'Reseller A', mpnId: resellerA.mpnId },
      resellerDelegatedAdmin: customer.resellerDelegatedAdmin,
    });
    expect(page.customer.createdAt).toBeInstanceOf(Date);
    expect(page.customer.createdAt.getTime()).toBe(customer.createdAt.getTime());
    expect((await getCustomerWithRequests(resellerACtx, customer.id)).customer.id).toBe(customer.id);
  });

  it('shows each user the pending requests findCustomerRequests gives it, unexpired, newest first', async () => {
    const { customer, provider, resellerA, providerCtx, resellerBCtx } = await makeRelationshipChannel();
    await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerA.id, includeDelegatedAdmin: 'on' },
      options,
    );
    clock.advance(60_000);
    const fromB = await startRelationshipRequest(
      resellerBCtx,
      { providerId: provider.id, tenantDomain: customer.tenantDomain },
      options,
    );
    const provided = await getCustomerWithRequests(providerCtx, customer.id);
    expect(provided.requests).toEqual(await findCustomerRequests(providerCtx, customer.id));
    expect(provided.requests.map((r) => r.reseller.legalName)).toEqual(['Reseller B', 'Reseller A']);
    expect(provided.requests[0]).toMatchObject({ id: fromB.requestId, includeDelegatedAdmin: false });
    expect(provided.requests[0]!.expiresAt).toBeInstanceOf(Date);
    // Past their expiry they are gone from the page.
    clock.advance(31 * 86_400_000);
    expect((await getCustomerWithRequests(providerCtx, customer.id)).requests).toEqual([]);
  });

  it('shows a managing reseller only its own requests', async () => {
    const { customer, resellerB, providerCtx, resellerACtx } = await makeRelationshipChannel('A');
    await startRelationshipRequest(providerCtx, { customerId: customer.id, resellerId: resellerB.id }, options);
    expect((await getCustomerWithRequests(providerCtx, customer.id)).requests).toHaveLength(1);
    expect((await getCustomerWithRequests(resellerACtx, customer.id)).requests).toEqual([]);
  });

  it('gives the reseller options to a provider who may send a request, and to nobody else', async () => {
    const { customer, provider, resellerA, resellerB, providerCtx, resellerACtx } = await makeRelationshipChannel('A');
    const page = await getCustomerWithRequests(providerCtx, customer.id);
    expect(page.resellers?.map((r) => r.id).sort()).toEqual([resellerA.id, resellerB.id].sort());
    const viewer = await makeCtx('SALES_AGENT', { organizationId: provider.id });
    expect((await getCustomerWithRequests(viewer, customer.id)).resellers).toEqual([]);
    expect((await getCustomerWithRequests(resellerACtx, customer.id)).resellers).toEqual([]);
  });

  it('answers NotFound outside the user reach, and for an id that is not one', async () => {
    const { customer, resellerBCtx, providerCtx } = await makeRelationshipChannel('A');
    await expect(getCustomerWithRequests(resellerBCtx, customer.id)).rejects.toBeInstanceOf(NotFound);
    await expect(getCustomerWithRequests(providerCtx, `${customer.id}'--`)).rejects.toBeInstanceOf(NotFound);
  });
});
