import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeOffer, makeSubscription } from '../factories';
import { makeRelationshipChannel } from '../factories/relationships';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { removeDelegatedAdmin } from '@/lib/relationships/remove-delegated-admin';
import { getPartnerRelationships } from '@/lib/relationships/get-partner-relationships';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { getCustomer } from '@/lib/customers/get-customer';
import { Conflict, NotFound, Refused } from '@/lib/errors';

beforeEach(() => {
  clock.reset();
  return resetDatabase();
});

describe('R12 the customer admin removes the reseller delegated admin', () => {
  it('at once: the reseller next read is NotFound (404), support contacts revert, incentive periods untouched', async () => {
    const { adminCtx, customer, resellerA, resellerACtx, provider } = await makeRelationshipChannel('A');
    await db().customer.update({ where: { id: customer.id }, data: { resellerTenantOwner: true } });
    const offer = await makeOffer();
    const sub = await makeSubscription(customer.id, resellerA.id, offer.id);
    await db().subscription.update({ where: { id: sub.id }, data: { resellerId: resellerA.id } });
    await db().subscriptionResellerAssociation.create({
      data: {
        subscriptionId: sub.id,
        resellerId: resellerA.id,
        startedAt: new Date(),
        offerId: offer.id,
        quantity: 5,
        unitPriceMinor: 1000,
        currency: 'USD',
        incentiveRateBps: 0,
      },
    });
    expect((await getCustomer(resellerACtx, customer.id)).id).toBe(customer.id);

    expect(await removeDelegatedAdmin(adminCtx, { resellerId: resellerA.id })).toBe('removed');
    await expect(getCustomer(resellerACtx, customer.id)).rejects.toBeInstanceOf(NotFound);
    expect(await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({
      managingResellerId: null,
      resellerTenantOwner: false,
      resellerDelegatedAdmin: true,
    });
    const after = await db().subscription.findUniqueOrThrow({ where: { id: sub.id } });
    expect(after).toMatchObject({ supportContactOrgId: provider.id, version: 2, resellerId: resellerA.id });
    expect(await db().subscriptionResellerAssociation.count({ where: { subscriptionId: sub.id, endedAt: null } })).toBe(
      1,
    );
    expect(
      await db().auditEvent.count({
        where: { action: 'relationship.delegated_admin_removed', orgIds: { hasEvery: [provider.id, resellerA.id] } },
      }),
    ).toBe(1);
  });

  it('the page shows provider, managing reseller and access; pending requests listed', async () => {
    const { adminCtx, customer, resellerB, providerCtx } = await makeRelationshipChannel('A');
    await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerB.id, includeDelegatedAdmin: 'on' },
      { baseUrl: 'http://portal.test' },
    );
    const page = await getPartnerRelationships(adminCtx);
    expect(page).toMatchObject({
      provider: { legalName: 'Provider Ltd' },
      managingReseller: { legalName: 'Reseller A' },
      resellerDelegatedAdmin: true,
      resellerTenantOwner: false,
      canManage: true,
    });
    expect(page.relationshipRequests).toHaveLength(1);
  });

  it('wrong role: a customer user can read the page but cannot remove', async () => {
    const { userCtx, customer, resellerA } = await makeRelationshipChannel('A');
    expect((await getPartnerRelationships(userCtx)).canManage).toBe(false);
    await expect(removeDelegatedAdmin(userCtx, { resellerId: resellerA.id })).rejects.toMatchObject({
      messageKey: 'errors.forbidden',
    });
    expect((await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).managingResellerId).toBe(
      resellerA.id,
    );
  });

  it('wrong role: the provider and the reseller cannot use the customer admin removal (NotFound)', async () => {
    const { providerCtx, resellerACtx, resellerA, customer } = await makeRelationshipChannel('A');
    for (const ctx of [providerCtx, resellerACtx]) {
      await expect(removeDelegatedAdmin(ctx, { resellerId: resellerA.id })).rejects.toBeInstanceOf(Refused);
      await expect(getPartnerRelationships(ctx)).rejects.toBeInstanceOf(Refused);
    }
    expect((await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).managingResellerId).toBe(
      resellerA.id,
    );
  });

  it('wrong tenant: an admin of another customer removes nothing here', async () => {
    const { provider, customer, resellerA } = await makeRelationshipChannel('A');
    const other = await makeCustomer(provider.id, null);
    const otherAdmin = await makeCtx('CUSTOMER_ADMIN', { customerId: other.id });
    await expect(removeDelegatedAdmin(otherAdmin, { resellerId: resellerA.id })).rejects.toMatchObject({
      messageKey: 'partnerRelationships.noReseller',
    });
    expect((await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).managingResellerId).toBe(
      resellerA.id,
    );
  });

  it('a reseller other than the managing one (changed meanwhile) is a conflict and changes nothing', async () => {
    const { adminCtx, customer, resellerA, resellerB } = await makeRelationshipChannel('A');
    await expect(removeDelegatedAdmin(adminCtx, { resellerId: resellerB.id })).rejects.toBeInstanceOf(Conflict);
    expect((await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).managingResellerId).toBe(
      resellerA.id,
    );
  });
});
