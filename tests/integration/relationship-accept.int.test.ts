import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeOffer, makeOrg, makeSubscription } from '../factories';
import { makeRelationshipChannel } from '../factories/relationships';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { revokeRelationshipRequest } from '@/lib/relationships/revoke-relationship-request';
import {
  respondToRelationshipRequest,
  viewRelationshipRequest,
} from '@/lib/relationships/respond-to-relationship-request';
import { getCustomer } from '@/lib/customers/get-customer';
import { NotFound } from '@/lib/errors';

const options = { baseUrl: 'http://portal.test' };
const DAY = 24 * 60 * 60 * 1000;
beforeEach(() => {
  clock.reset();
  return resetDatabase();
});

async function setup(managedBy: 'A' | null = null, includeDelegatedAdmin = 'on') {
  const channel = await makeRelationshipChannel(managedBy);
  const draft = await startRelationshipRequest(
    channel.providerCtx,
    { customerId: channel.customer.id, resellerId: channel.resellerB.id, includeDelegatedAdmin },
    options,
  );
  return { ...channel, draft, token: draft.link.split('/').pop()! };
}

const accept = (ctx: Ctx, token: string) => respondToRelationshipRequest(ctx, { token, decision: 'accept' });
const customerOf = (id: string) => db().customer.findUniqueOrThrow({ where: { id } });

async function expectRefused(ctx: Ctx | null, token: string, status: string) {
  expect((await viewRelationshipRequest(ctx, token)).status).toBe(status);
  if (ctx)
    await expect(accept(ctx, token)).rejects.toMatchObject({ messageKey: `relationshipRequest.status.${status}` });
}

describe('F6 / R12 accepting a reseller relationship request', () => {
  it('the customer admin sees who asks for what and accepts: the reseller becomes managing reseller with delegated admin', async () => {
    const { adminCtx, token, customer, resellerB, resellerBCtx, provider } = await setup();
    await expect(getCustomer(resellerBCtx, customer.id)).rejects.toBeInstanceOf(NotFound);
    const view = await viewRelationshipRequest(adminCtx, token);
    expect(view).toMatchObject({
      status: 'ready',
      request: {
        provider: { legalName: 'Provider Ltd' },
        reseller: { legalName: 'Reseller B' },
        includeDelegatedAdmin: true,
        customer: { companyName: 'Contoso' },
      },
    });
    expect(await accept(adminCtx, token)).toEqual({ status: 'accepted' });
    expect(await customerOf(customer.id)).toMatchObject({
      managingResellerId: resellerB.id,
      resellerDelegatedAdmin: true,
      resellerTenantOwner: false,
    });
    expect((await getCustomer(resellerBCtx, customer.id)).id).toBe(customer.id);
    const request = await db().customerRelationshipRequest.findFirstOrThrow();
    expect(request).toMatchObject({ state: 'ACCEPTED', respondedById: adminCtx.userId });
    expect(
      await db().auditEvent.count({
        where: { action: 'relationship.accepted', orgIds: { hasEvery: [provider.id, resellerB.id] } },
      }),
    ).toBe(1);
  });

  it('with the checkbox the reseller also gets an approved delegated admin relationship (User and License Administrator, 2 years)', async () => {
    const { adminCtx, token, customer, resellerB } = await setup();
    await accept(adminCtx, token);
    const [relationship] = await db().adminRelationship.findMany({ where: { customerId: customer.id } });
    expect(relationship).toMatchObject({
      partnerOrgId: resellerB.id,
      name: 'Delegated admin: Contoso',
      roles: ['USER_ADMINISTRATOR', 'LICENSE_ADMINISTRATOR'],
      durationDays: 730,
      autoExtend: false,
      approvedById: adminCtx.userId,
    });
    expect(relationship!.endsAt!.getTime() - relationship!.approvedAt!.getTime()).toBe(730 * DAY);
  });

  it('without the checkbox the reseller only sees the customer (no delegated admin)', async () => {
    const { adminCtx, token, customer } = await setup(null, 'false');
    await accept(adminCtx, token);
    expect((await customerOf(customer.id)).resellerDelegatedAdmin).toBe(false);
    expect(await db().adminRelationship.count()).toBe(0);
  });

  it('replaces the previous managing reseller: it loses access and its support contacts revert to the provider (version bumped)', async () => {
    const { adminCtx, token, customer, resellerA, resellerACtx, provider } = await setup('A');
    await db().customer.update({ where: { id: customer.id }, data: { resellerTenantOwner: true } });
    const offer = await makeOffer();
    const supported = await makeSubscription(customer.id, resellerA.id, offer.id);
    const own = await makeSubscription(customer.id, provider.id, offer.id);
    await db().subscription.update({ where: { id: supported.id }, data: { resellerId: resellerA.id } });
    await accept(adminCtx, token);
    await expect(getCustomer(resellerACtx, customer.id)).rejects.toBeInstanceOf(NotFound);
    const after = await db().subscription.findUniqueOrThrow({ where: { id: supported.id } });
    expect(after).toMatchObject({ supportContactOrgId: provider.id, version: 2, resellerId: resellerA.id });
    expect((await db().subscription.findUniqueOrThrow({ where: { id: own.id } })).version).toBe(1);
    expect((await customerOf(customer.id)).resellerTenantOwner).toBe(false);
    expect(
      await db().auditEvent.count({ where: { action: 'relationship.accepted', orgIds: { has: resellerA.id } } }),
    ).toBe(1);
  });

  it('the same link used again is refused; accepting twice as the same admin is harmless', async () => {
    const { adminCtx, token, customer, resellerB } = await setup();
    await accept(adminCtx, token);
    expect(await accept(adminCtx, token)).toEqual({ status: 'alreadyAccepted' });
    await expect(respondToRelationshipRequest(adminCtx, { token, decision: 'decline' })).rejects.toMatchObject({
      messageKey: 'relationshipRequest.status.alreadyAccepted',
    });
    const otherAdmin = await makeCtx('CUSTOMER_ADMIN', {
      customerId: (await makeCustomer((await makeOrg('INDIRECT_PROVIDER')).id)).id,
    });
    await expectRefused(otherAdmin, token, 'used');
    expect((await customerOf(customer.id)).managingResellerId).toBe(resellerB.id);
    expect(await db().auditEvent.count({ where: { action: 'relationship.accepted' } })).toBe(1);
  });

  it('a declined link cannot be accepted afterwards', async () => {
    const { adminCtx, token, customer } = await setup();
    expect(await respondToRelationshipRequest(adminCtx, { token, decision: 'decline' })).toEqual({
      status: 'declined',
    });
    await expectRefused(adminCtx, token, 'used');
    expect((await customerOf(customer.id)).managingResellerId).toBeNull();
  });

  it('wrong customer: an admin of another customer tenant is refused and nothing changes', async () => {
    const { token, customer, provider } = await setup();
    const other = await makeCustomer(provider.id);
    const otherAdmin = await makeCtx('CUSTOMER_ADMIN', { customerId: other.id });
    await expectRefused(otherAdmin, token, 'wrongCustomer');
    expect((await viewRelationshipRequest(otherAdmin, token)).request?.customer).toBeNull();
    expect((await customerOf(customer.id)).managingResellerId).toBeNull();
    expect((await customerOf(other.id)).managingResellerId).toBeNull();
    expect((await db().customerRelationshipRequest.findFirstOrThrow()).state).toBe('PENDING');
  });

  it('not a customer admin: a customer user, the provider, the reseller and vendor staff are refused', async () => {
    const { token, userCtx, providerCtx, resellerBCtx, customer } = await setup();
    const vendor = await makeCtx('VENDOR_ADMIN', { organizationId: (await makeOrg('VENDOR')).id });
    for (const ctx of [userCtx, providerCtx, resellerBCtx, vendor]) await expectRefused(ctx, token, 'notCustomerAdmin');
    expect((await customerOf(customer.id)).managingResellerId).toBeNull();
  });

  it('not signed in: told to sign in; unknown token: invalid', async () => {
    const { token } = await setup();
    await expectRefused(null, token, 'signInRequired');
    expect(await viewRelationshipRequest(null, 'x'.repeat(43))).toEqual({ status: 'invalid', request: null });
  });

  it('expired and revoked links are refused with their own messages', async () => {
    const { adminCtx, token, providerCtx, customer, resellerA } = await setup();
    clock.advance(31 * DAY);
    await expectRefused(adminCtx, token, 'expired');
    clock.reset();
    const second = await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerA.id, includeDelegatedAdmin: 'on' },
      options,
    );
    await revokeRelationshipRequest(providerCtx, { requestId: second.requestId });
    await expectRefused(adminCtx, second.link.split('/').pop()!, 'revoked');
    expect((await customerOf(customer.id)).managingResellerId).toBeNull();
  });

  it('R1 at accept time: a partnership ended since the request cannot be accepted', async () => {
    const { adminCtx, token, customer, resellerB } = await setup();
    await db().partnership.updateMany({
      where: { resellerId: resellerB.id },
      data: { state: 'ENDED', activeMarker: null },
    });
    await expect(accept(adminCtx, token)).rejects.toMatchObject({
      messageKey: 'relationshipRequest.status.partnershipEnded',
      rule: 'R1',
    });
    expect((await customerOf(customer.id)).managingResellerId).toBeNull();
    expect((await db().customerRelationshipRequest.findFirstOrThrow()).state).toBe('PENDING');
  });

  it('a request started by the reseller is accepted the same way', async () => {
    const { resellerBCtx, provider, customer, adminCtx, resellerB } = await makeRelationshipChannel();
    const draft = await startRelationshipRequest(
      resellerBCtx,
      { providerId: provider.id, tenantDomain: customer.tenantDomain, includeDelegatedAdmin: 'on' },
      options,
    );
    await accept(adminCtx, draft.link.split('/').pop()!);
    expect((await customerOf(customer.id)).managingResellerId).toBe(resellerB.id);
  });
});
