import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeOrg, makePartnership } from '../factories';
import { makeRelationshipChannel } from '../factories/relationships';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import {
  findCustomerRequests,
  findResellerRequests,
  listRequestProviders,
} from '@/lib/relationships/find-customer-requests';
import { Invalid, NotFound, Refused } from '@/lib/errors';

// Sending and revoking a request: relationship-requests-send.int.test.ts.
const options = { baseUrl: 'http://portal.test' };
beforeEach(() => {
  clock.reset();
  return resetDatabase();
});

describe('F6 / R12 starting a reseller relationship request', () => {
  it('the provider of record names a partnered reseller: draft with link, pending request stored with only the token hash', async () => {
    const { providerCtx, customer, resellerA, provider, adminCtx } = await makeRelationshipChannel();
    const draft = await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerA.id, includeDelegatedAdmin: 'on' },
      options,
    );
    expect(draft.link).toMatch(/^http:\/\/portal\.test\/relationship-requests\/[A-Za-z0-9_-]{43}$/);
    expect(draft.subject).toBe('Reseller A requests a reseller relationship with Contoso');
    expect(draft.body).toContain(draft.link);
    expect(draft.body).toContain('with delegated administration privileges');
    expect(draft.recipientEmail).toBe(adminCtx.email);
    const stored = await db().customerRelationshipRequest.findUniqueOrThrow({ where: { id: draft.requestId } });
    expect(stored).toMatchObject({
      state: 'PENDING',
      providerId: provider.id,
      resellerId: resellerA.id,
      customerId: customer.id,
      includeDelegatedAdmin: true,
    });
    expect(stored.tokenHash).not.toContain(draft.link.split('/').pop());
    expect(
      await db().auditEvent.count({
        where: { action: 'relationship.request_created', orgIds: { hasEvery: [provider.id, resellerA.id] } },
      }),
    ).toBe(1);
    // Nothing changes on the customer until the admin accepts.
    expect((await db().customer.findUniqueOrThrow({ where: { id: customer.id } })).managingResellerId).toBeNull();
  });

  it('the checkbox unticked asks for view-only access, in the user language', async () => {
    const { providerCtx, customer, resellerA } = await makeRelationshipChannel();
    const draft = await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerA.id },
      { ...options, locale: 'ja' },
    );
    expect(draft.subject).toBe('Reseller A から Contoso へのリセラー関係の要求');
    expect(draft.body).toContain('代理管理者特権なし');
    expect(
      (await db().customerRelationshipRequest.findUniqueOrThrow({ where: { id: draft.requestId } }))
        .includeDelegatedAdmin,
    ).toBe(false);
  });

  it('R1: a reseller without an ACTIVE partnership with the provider is refused', async () => {
    const { providerCtx, customer, resellerA } = await makeRelationshipChannel();
    const stranger = await makeOrg('INDIRECT_RESELLER');
    await expect(
      startRelationshipRequest(
        providerCtx,
        { customerId: customer.id, resellerId: stranger.id, includeDelegatedAdmin: 'on' },
        options,
      ),
    ).rejects.toMatchObject({ messageKey: 'partnerships.errors.partnershipRequired', rule: 'R1' });
    await db().partnership.updateMany({
      where: { resellerId: resellerA.id },
      data: { state: 'ENDED', activeMarker: null },
    });
    await expect(
      startRelationshipRequest(
        providerCtx,
        { customerId: customer.id, resellerId: resellerA.id, includeDelegatedAdmin: 'on' },
        options,
      ),
    ).rejects.toMatchObject({ rule: 'R1' });
    expect(await db().customerRelationshipRequest.count()).toBe(0);
  });

  it('wrong tenant: another provider cannot request on this customer (NotFound)', async () => {
    const { customer, resellerA } = await makeRelationshipChannel();
    const other = await makeOrg('INDIRECT_PROVIDER');
    await makePartnership(other.id, resellerA.id);
    const otherCtx = await makeCtx('ADMIN', { organizationId: other.id });
    await expect(
      startRelationshipRequest(
        otherCtx,
        { customerId: customer.id, resellerId: resellerA.id, includeDelegatedAdmin: 'on' },
        options,
      ),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await db().customerRelationshipRequest.count()).toBe(0);
  });

  it('wrong role: a sales agent, a customer admin and vendor staff cannot request', async () => {
    const { provider, customer, resellerA, adminCtx } = await makeRelationshipChannel();
    const sales = await makeCtx('SALES_AGENT', { organizationId: provider.id });
    const vendor = await makeCtx('VENDOR_ADMIN', { organizationId: (await makeOrg('VENDOR')).id });
    for (const ctx of [sales, adminCtx, vendor]) {
      await expect(
        startRelationshipRequest(ctx, { customerId: customer.id, resellerId: resellerA.id }, options),
      ).rejects.toBeInstanceOf(Refused);
    }
    expect(await db().customerRelationshipRequest.count()).toBe(0);
  });

  it('refuses a request for the reseller that already manages the customer with the same privileges', async () => {
    const { providerCtx, customer, resellerA } = await makeRelationshipChannel('A');
    await expect(
      startRelationshipRequest(
        providerCtx,
        { customerId: customer.id, resellerId: resellerA.id, includeDelegatedAdmin: 'on' },
        options,
      ),
    ).rejects.toMatchObject({ messageKey: 'relationships.errors.alreadyManaging' });
    // Asking for view-only access is a different relationship and allowed.
    const viewOnly = await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerA.id },
      options,
    );
    expect(await db().customerRelationshipRequest.findMany()).toMatchObject([
      {
        id: viewOnly.requestId,
        state: 'PENDING',
        resellerId: resellerA.id,
        customerId: customer.id,
        includeDelegatedAdmin: false,
      },
    ]);
  });

  it('a reseller names its ACTIVE provider and the customer by tenant domain', async () => {
    const { resellerBCtx, customer, provider, resellerB } = await makeRelationshipChannel();
    const draft = await startRelationshipRequest(
      resellerBCtx,
      {
        providerId: provider.id,
        tenantDomain: ` ${customer.tenantDomain.toUpperCase()} `,
        includeDelegatedAdmin: 'on',
      },
      options,
    );
    const stored = await db().customerRelationshipRequest.findUniqueOrThrow({ where: { id: draft.requestId } });
    expect(stored).toMatchObject({
      providerId: provider.id,
      resellerId: resellerB.id,
      customerId: customer.id,
      createdById: resellerBCtx.userId,
    });
  });

  it('a reseller lists only its own pending requests and its ACTIVE providers', async () => {
    const { resellerBCtx, resellerACtx, customer, provider, providerCtx, resellerA } = await makeRelationshipChannel();
    await startRelationshipRequest(
      resellerBCtx,
      { providerId: provider.id, tenantDomain: customer.tenantDomain, includeDelegatedAdmin: 'on' },
      options,
    );
    await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerA.id, includeDelegatedAdmin: 'on' },
      options,
    );
    expect((await findResellerRequests(resellerBCtx)).map((r) => r.customer.tenantDomain)).toEqual([
      customer.tenantDomain,
    ]);
    expect(await findResellerRequests(resellerACtx)).toHaveLength(1);
    expect(await findResellerRequests(providerCtx)).toEqual([]);
    expect((await listRequestProviders(resellerBCtx)).map((p) => p.id)).toEqual([provider.id]);
    // A reseller does not read a customer it does not manage through the customer page's list.
    expect(await findCustomerRequests(resellerBCtx, customer.id)).toEqual([]);
  });

  it('a reseller: unknown tenant domain, a provider it is not partnered with, or another provider customer are refused', async () => {
    const { resellerBCtx, provider } = await makeRelationshipChannel();
    await expect(
      startRelationshipRequest(
        resellerBCtx,
        { providerId: provider.id, tenantDomain: 'nobody.onmicrosoft.example', includeDelegatedAdmin: 'on' },
        options,
      ),
    ).rejects.toMatchObject({ fieldErrors: { tenantDomain: ['relationships.errors.customerNotFound'] } });
    const other = await makeOrg('INDIRECT_PROVIDER');
    const otherCustomer = await makeCustomer(other.id);
    await expect(
      startRelationshipRequest(
        resellerBCtx,
        { providerId: other.id, tenantDomain: otherCustomer.tenantDomain, includeDelegatedAdmin: 'on' },
        options,
      ),
    ).rejects.toMatchObject({ fieldErrors: { providerId: ['partnerships.errors.partnershipRequired'] } });
    // Its own provider, but the customer belongs to another provider.
    await expect(
      startRelationshipRequest(
        resellerBCtx,
        { providerId: provider.id, tenantDomain: otherCustomer.tenantDomain, includeDelegatedAdmin: 'on' },
        options,
      ),
    ).rejects.toBeInstanceOf(Invalid);
    expect(await db().customerRelationshipRequest.count()).toBe(0);
    expect(await db().auditEvent.count({ where: { action: 'relationship.request_created' } })).toBe(0);
  });

  it('a helpdesk agent of a reseller cannot request (wrong role)', async () => {
    const { resellerB, customer, provider } = await makeRelationshipChannel();
    const helpdesk = await makeCtx('HELPDESK_AGENT', { organizationId: resellerB.id });
    await expect(
      startRelationshipRequest(helpdesk, { providerId: provider.id, tenantDomain: customer.tenantDomain }, options),
    ).rejects.toMatchObject({ messageKey: 'errors.forbidden' });
  });
});
