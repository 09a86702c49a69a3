import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeDemoOffers, makeOrg, makeSubscription } from '../factories';
import { makeRelationshipChannel } from '../factories/relationships';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { setTenantOwner } from '@/lib/relationships/set-tenant-owner';
import { getCustomer } from '@/lib/customers/get-customer';
import { getPartnerRelationships } from '@/lib/relationships/get-partner-relationships';
import { Conflict, NotFound, Refused } from '@/lib/errors';

beforeEach(() => {
  clock.reset();
  return resetDatabase();
});

async function setup(withAzure = true) {
  const channel = await makeRelationshipChannel('A');
  const offers = await makeDemoOffers();
  const azure = withAzure ? await makeSubscription(channel.customer.id, channel.provider.id, offers.azure.id, 1) : null;
  return { ...channel, offers, azure };
}
const owner = async (id: string) => (await db().customer.findUniqueOrThrow({ where: { id } })).resellerTenantOwner;

describe('R11 Azure tenant owner', () => {
  it('the provider of record gives it; shown to provider, reseller and customer; audited', async () => {
    const { providerCtx, resellerACtx, adminCtx, customer, resellerA, provider } = await setup();
    expect(
      await setTenantOwner(providerCtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'true' }),
    ).toBe('given');
    expect((await getCustomer(providerCtx, customer.id)).resellerTenantOwner).toBe(true);
    expect((await getCustomer(resellerACtx, customer.id)).resellerTenantOwner).toBe(true);
    expect((await getPartnerRelationships(adminCtx)).resellerTenantOwner).toBe(true);
    expect(
      await db().auditEvent.count({
        where: { action: 'customer.tenant_owner_given', orgIds: { hasEvery: [provider.id, resellerA.id] } },
      }),
    ).toBe(1);
    expect(
      await setTenantOwner(providerCtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'false' }),
    ).toBe('taken');
    expect(await owner(customer.id)).toBe(false);
  });

  it('refused without an Azure plan subscription, or with only a cancelled one', async () => {
    const { providerCtx, customer, resellerA, offers } = await setup(false);
    await makeSubscription(customer.id, resellerA.id, offers.basic.id);
    await expect(
      setTenantOwner(providerCtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'true' }),
    ).rejects.toMatchObject({ messageKey: 'relationships.tenantOwner.noAzurePlan', rule: 'R11' });
    const azure = await makeSubscription(customer.id, resellerA.id, offers.azure.id, 1);
    await db().subscription.update({ where: { id: azure.id }, data: { status: 'CANCELLED' } });
    await expect(
      setTenantOwner(providerCtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'true' }),
    ).rejects.toMatchObject({ rule: 'R11' });
    expect(await owner(customer.id)).toBe(false);
  });

  it('refused without a managing reseller', async () => {
    const { providerCtx, customer, resellerA } = await setup();
    await db().customer.update({ where: { id: customer.id }, data: { managingResellerId: null } });
    await expect(
      setTenantOwner(providerCtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'true' }),
    ).rejects.toMatchObject({ messageKey: 'relationships.tenantOwner.noReseller', rule: 'R11' });
    expect(await owner(customer.id)).toBe(false);
  });

  it('naming a reseller that is not (or no longer) the managing one is a conflict', async () => {
    const { providerCtx, customer, resellerB } = await setup();
    await expect(
      setTenantOwner(providerCtx, { customerId: customer.id, resellerId: resellerB.id, grant: 'true' }),
    ).rejects.toBeInstanceOf(Conflict);
    expect(await owner(customer.id)).toBe(false);
  });

  it('the customer admin removes it, but cannot give it; a customer user cannot remove it', async () => {
    const { providerCtx, adminCtx, userCtx, customer, resellerA } = await setup();
    await setTenantOwner(providerCtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'true' });
    await expect(
      setTenantOwner(userCtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'false' }),
    ).rejects.toMatchObject({ messageKey: 'errors.forbidden' });
    expect(await owner(customer.id)).toBe(true);
    expect(await setTenantOwner(adminCtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'false' })).toBe(
      'taken',
    );
    expect(await owner(customer.id)).toBe(false);
    await expect(
      setTenantOwner(adminCtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'true' }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await owner(customer.id)).toBe(false);
  });

  it('wrong role: the managing reseller itself, a provider helpdesk agent and vendor staff cannot change it', async () => {
    const { resellerACtx, provider, customer, resellerA } = await setup();
    const helpdesk = await makeCtx('HELPDESK_AGENT', { organizationId: provider.id });
    const vendor = await makeCtx('VENDOR_ADMIN', { organizationId: (await makeOrg('VENDOR')).id });
    await expect(
      setTenantOwner(resellerACtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'true' }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      setTenantOwner(helpdesk, { customerId: customer.id, resellerId: resellerA.id, grant: 'true' }),
    ).rejects.toBeInstanceOf(Refused);
    await expect(
      setTenantOwner(vendor, { customerId: customer.id, resellerId: resellerA.id, grant: 'true' }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await owner(customer.id)).toBe(false);
  });

  it('wrong tenant: another provider and another customer admin get NotFound', async () => {
    const { customer, resellerA, providerCtx } = await setup();
    await setTenantOwner(providerCtx, { customerId: customer.id, resellerId: resellerA.id, grant: 'true' });
    const otherProvider = await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_PROVIDER')).id });
    await expect(
      setTenantOwner(otherProvider, { customerId: customer.id, resellerId: resellerA.id, grant: 'false' }),
    ).rejects.toBeInstanceOf(NotFound);
    const { adminCtx: otherAdmin } = await makeRelationshipChannel('A');
    await expect(
      setTenantOwner(otherAdmin, { customerId: customer.id, resellerId: resellerA.id, grant: 'false' }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await owner(customer.id)).toBe(true);
  });
});
