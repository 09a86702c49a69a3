import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeCustomer, makeOffer, makeOrg, makeSubscription } from '../factories';
import { findCustomers } from '@/lib/customers/find-customers';
import { getCustomer } from '@/lib/customers/get-customer';
import { getTenantOverview } from '@/lib/customers/get-tenant-overview';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { findIndirectProviders } from '@/lib/partnerships/find-indirect-providers';
import { getHomeSummary } from '@/lib/organizations/get-home-summary';
import { NotFound, Refused } from '@/lib/errors';

beforeEach(resetDatabase);

describe('R4 who sees which customers', () => {
  it('a provider sees its own customers, not another provider’s', async () => {
    const a = await makeChannel();
    const b = await makeChannel();
    const ctx = await makeCtx('ADMIN', { organizationId: a.provider.id });
    const { rows } = await findCustomers(ctx, {});
    expect(rows.map((r) => r.id)).toEqual([a.customer.id]);
    await expect(getCustomer(ctx, b.customer.id)).rejects.toBeInstanceOf(NotFound);
  });

  it('a provider filters its customers by indirect reseller', async () => {
    const { provider, resellerA, resellerB, customer } = await makeChannel();
    const other = await makeCustomer(provider.id, resellerB.id);
    const ctx = await makeCtx('SALES_AGENT', { organizationId: provider.id });
    expect((await findCustomers(ctx, { reseller: resellerA.id })).rows.map((r) => r.id)).toEqual([customer.id]);
    expect((await findCustomers(ctx, { reseller: resellerB.id })).rows.map((r) => r.id)).toEqual([other.id]);
  });

  it('a reseller sees only the customers it manages; others answer NotFound (R3)', async () => {
    const { provider, resellerA, resellerB, customer } = await makeChannel();
    const unmanaged = await makeCustomer(provider.id, null);
    const a = await makeCtx('ADMIN', { organizationId: resellerA.id });
    const b = await makeCtx('ADMIN', { organizationId: resellerB.id });
    expect((await findCustomers(a, {})).rows.map((r) => r.id)).toEqual([customer.id]);
    expect((await getCustomer(a, customer.id)).id).toBe(customer.id);
    expect((await findCustomers(b, {})).rows).toEqual([]);
    await expect(getCustomer(b, customer.id)).rejects.toBeInstanceOf(NotFound);
    await expect(getCustomer(a, unmanaged.id)).rejects.toBeInstanceOf(NotFound);
  });

  it('a reseller cannot widen its scope with another reseller’s filter', async () => {
    const { resellerA, resellerB } = await makeChannel();
    const b = await makeCtx('ADMIN', { organizationId: resellerB.id });
    expect((await findCustomers(b, { reseller: resellerA.id })).rows).toEqual([]);
  });

  it('a pending or suspended reseller sees no customers', async () => {
    const { resellerA } = await makeChannel();
    const ctx = await makeCtx('ADMIN', { organizationId: resellerA.id });
    for (const status of ['PENDING', 'SUSPENDED'] as const) {
      await expect(findCustomers({ ...ctx, orgStatus: status }, {})).rejects.toBeInstanceOf(Refused);
    }
  });

  it('a customer user sees its own tenant only', async () => {
    const { customer, provider } = await makeChannel();
    const other = await makeCustomer(provider.id);
    const ctx = await makeCtx('CUSTOMER_USER', { customerId: customer.id });
    expect((await getTenantOverview(ctx)).id).toBe(customer.id);
    await expect(findCustomers(ctx, {})).rejects.toBeInstanceOf(Refused);
    await expect(getCustomer(ctx, other.id)).rejects.toBeInstanceOf(Refused);
  });

  it('vendor staff see every customer', async () => {
    const a = await makeChannel();
    const b = await makeChannel();
    const vendor = await makeOrg('VENDOR');
    const ctx = await makeCtx('VENDOR_ADMIN', { organizationId: vendor.id });
    const ids = (await findCustomers(ctx, {})).rows.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([a.customer.id, b.customer.id]));
  });

  it('pages through customers with a keyset cursor, without gaps or repeats', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER');
    for (let i = 0; i < 53; i++) await makeCustomer(provider.id, null, `Company ${String(i).padStart(2, '0')}`);
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    const first = await findCustomers(ctx, {});
    expect(first.rows).toHaveLength(50);
    const second = await findCustomers(ctx, { after: first.nextCursor! });
    expect(second.rows.map((r) => r.companyName)).toEqual(['Company 50', 'Company 51', 'Company 52']);
    expect(second.nextCursor).toBeNull();
  });
});

describe('partnership and subscription scopes', () => {
  it('a provider lists its resellers with customers and licences; a reseller lists its providers', async () => {
    const { provider, resellerA, resellerB, customer } = await makeChannel();
    const offer = await makeOffer();
    const sub = await makeSubscription(customer.id, provider.id, offer.id, 7);
    const { db } = await import('@/lib/db');
    await db().subscription.update({ where: { id: sub.id }, data: { resellerId: resellerA.id } });
    const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
    const { rows } = await findIndirectResellers(providerCtx);
    const byId = new Map(rows.map((r) => [r.reseller.id, r]));
    expect(byId.get(resellerA.id)).toMatchObject({ customers: 1, licences: 7 });
    expect(byId.get(resellerB.id)).toMatchObject({ customers: 0, licences: 0 });

    const other = await makeChannel();
    const resellerCtx = await makeCtx('ADMIN_AGENT', { organizationId: resellerA.id });
    expect((await findIndirectProviders(resellerCtx)).map((p) => p.provider.id)).toEqual([provider.id]);
    const otherProviderCtx = await makeCtx('ADMIN', { organizationId: other.provider.id });
    expect((await findIndirectResellers(otherProviderCtx)).rows.map((r) => r.reseller.id)).not.toContain(resellerA.id);
  });

  it('home counts only what the user may see', async () => {
    const { provider, resellerA, customer } = await makeChannel();
    await makeChannel();
    const offer = await makeOffer();
    await makeSubscription(customer.id, provider.id, offer.id, 4);
    const summary = await getHomeSummary(await makeCtx('ADMIN', { organizationId: provider.id }));
    expect(summary).toMatchObject({ partnerships: 2, customers: 1, licences: 4 });
    const resellerSummary = await getHomeSummary(await makeCtx('HELPDESK_AGENT', { organizationId: resellerA.id }));
    expect(resellerSummary).toMatchObject({ partnerships: 1, customers: 1, licences: 4 });
  });
});
