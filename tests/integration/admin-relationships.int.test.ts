import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeOrg, makeCustomer } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { findCustomerRelationships, viewRelationshipLink } from '@/lib/admin-relationships/find-relationships';
import { requestRelationship } from '@/lib/admin-relationships/request-relationship';
import { respondToRelationship, terminateRelationship } from '@/lib/admin-relationships/respond-to-relationship';

const BASE = 'https://portal.test';
const DAY = 24 * 3600_000;

beforeEach(resetDatabase);
afterEach(() => clock.reset());

async function setup() {
  const channel = await makeChannel();
  const providerAdmin = await makeCtx('ADMIN', { organizationId: channel.provider.id });
  const resellerAdmin = await makeCtx('ADMIN', { organizationId: channel.resellerA.id });
  const tenantAdmin = await makeCtx('CUSTOMER_ADMIN', { customerId: channel.customer.id });
  return { ...channel, providerAdmin, resellerAdmin, tenantAdmin };
}

const request = (over: Record<string, unknown> = {}) => ({
  name: 'Helpdesk access',
  durationDays: 30,
  roles: ['USER_ADMINISTRATOR', 'LICENSE_ADMINISTRATOR'],
  autoExtend: 'off',
  baseUrl: BASE,
  ...over,
});

describe('delegated admin relationships', () => {
  it("a partner requests, the customer's admin approves from the mailed link; active for its duration, then expired", async () => {
    const { customer, resellerAdmin, tenantAdmin } = await setup();
    const { relationshipId } = await requestRelationship(resellerAdmin, {
      customerId: customer.id,
      ...request(),
    } as never);
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: tenantAdmin.email } });
    const token = /\/admin-relationships\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    expect((await viewRelationshipLink(null, token)).status).toBe('pending');
    expect((await viewRelationshipLink(tenantAdmin, token)).canAnswer).toBe(true);
    expect((await viewRelationshipLink(resellerAdmin, token)).canAnswer).toBe(false);

    await respondToRelationship(tenantAdmin, { relationshipId, decision: 'approve' });
    let [view] = await findCustomerRelationships(tenantAdmin, { customerId: customer.id });
    expect(view).toMatchObject({ status: 'active', daysLeft: 30 });
    [view] = await findCustomerRelationships(resellerAdmin, { customerId: customer.id });
    expect(view!.status).toBe('active');
    clock.advance(30 * DAY);
    [view] = await findCustomerRelationships(tenantAdmin, { customerId: customer.id });
    expect(view!.status).toBe('expired');
    // An expired relationship cannot be revived or ended again.
    await expect(respondToRelationship(tenantAdmin, { relationshipId, decision: 'approve' })).rejects.toBeInstanceOf(
      Refused,
    );
    await expect(terminateRelationship(tenantAdmin, { relationshipId })).rejects.toBeInstanceOf(Refused);
  });

  it('Global Administrator with auto-extend is refused with a clear message, and nothing is stored', async () => {
    const { customer, providerAdmin } = await setup();
    await expect(
      requestRelationship(providerAdmin, {
        customerId: customer.id,
        ...request({ roles: ['GLOBAL_ADMINISTRATOR'], autoExtend: '180' }),
      } as never),
    ).rejects.toMatchObject({ fieldErrors: { autoExtend: ['adminRelationships.errors.autoExtendGlobalAdmin'] } });
    for (const bad of [{ durationDays: 0 }, { durationDays: 731 }, { roles: [] }, { name: 'x'.repeat(51) }])
      await expect(
        requestRelationship(providerAdmin, { customerId: customer.id, ...request(bad) } as never),
      ).rejects.toBeInstanceOf(Invalid);
    expect(await db().adminRelationship.count()).toBe(0);
  });

  it('names are unique per partner; a declined request stays declined; either side terminates', async () => {
    const { customer, providerAdmin, resellerAdmin, tenantAdmin } = await setup();
    const first = await requestRelationship(providerAdmin, { customerId: customer.id, ...request() } as never);
    await expect(
      requestRelationship(providerAdmin, { customerId: customer.id, ...request() } as never),
    ).rejects.toMatchObject({ fieldErrors: { name: ['adminRelationships.errors.nameTaken'] } });
    await requestRelationship(resellerAdmin, { customerId: customer.id, ...request() } as never); // another partner
    await respondToRelationship(tenantAdmin, { relationshipId: first.relationshipId, decision: 'decline' });
    await expect(
      respondToRelationship(tenantAdmin, { relationshipId: first.relationshipId, decision: 'approve' }),
    ).rejects.toBeInstanceOf(Refused);
    const second = await requestRelationship(providerAdmin, {
      customerId: customer.id,
      ...request({ name: 'Second' }),
    } as never);
    await respondToRelationship(tenantAdmin, { relationshipId: second.relationshipId, decision: 'approve' });
    await terminateRelationship(providerAdmin, { relationshipId: second.relationshipId });
    const statuses = (await findCustomerRelationships(tenantAdmin, { customerId: customer.id })).map((r) => [
      r.name,
      r.status,
    ]);
    expect(statuses).toEqual(
      expect.arrayContaining([
        ['Helpdesk access', 'declined'],
        ['Second', 'terminated'],
        ['Helpdesk access', 'pending'],
      ]),
    );
  });

  it('a request not approved in 90 days expires; auto-extend keeps a relationship active past its end', async () => {
    const { customer, providerAdmin, tenantAdmin } = await setup();
    const late = await requestRelationship(providerAdmin, { customerId: customer.id, ...request() } as never);
    const extended = await requestRelationship(providerAdmin, {
      customerId: customer.id,
      ...request({ name: 'Extended', durationDays: 10, autoExtend: '180' }),
    } as never);
    await respondToRelationship(tenantAdmin, { relationshipId: extended.relationshipId, decision: 'approve' });
    clock.advance(90 * DAY);
    const byName = new Map(
      (await findCustomerRelationships(tenantAdmin, { customerId: customer.id })).map((r) => [r.name, r]),
    );
    expect(byName.get('Helpdesk access')!.status).toBe('expired');
    expect(byName.get('Extended')).toMatchObject({ status: 'active', daysLeft: 100 });
    await expect(
      respondToRelationship(tenantAdmin, { relationshipId: late.relationshipId, decision: 'approve' }),
    ).rejects.toBeInstanceOf(Refused);
  });

  it('only partners serving the customer may request; only its own admin answers; foreign ids are not found', async () => {
    const { customer, provider, resellerB, tenantAdmin } = await setup();
    const stranger = await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_RESELLER')).id });
    await expect(
      requestRelationship(stranger, { customerId: customer.id, ...request() } as never),
    ).rejects.toBeInstanceOf(NotFound);
    // A reseller partnered with the customer's provider may ask (the customer decides).
    const partnered = await makeCtx('ADMIN', { organizationId: resellerB.id });
    const { relationshipId } = await requestRelationship(partnered, { customerId: customer.id, ...request() } as never);
    const otherTenant = await makeCtx('CUSTOMER_ADMIN', { customerId: (await makeCustomer(provider.id)).id });
    await expect(respondToRelationship(otherTenant, { relationshipId, decision: 'approve' })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(terminateRelationship(stranger, { relationshipId })).rejects.toBeInstanceOf(NotFound);
    // A partner sees only its own relationships with a customer in its reach: none here.
    expect(await findCustomerRelationships(stranger, { customerId: customer.id })).toEqual([]);
    expect(await findCustomerRelationships(partnered, { customerId: customer.id })).toEqual([]);
    const tenantUser = await makeCtx('CUSTOMER_USER', { customerId: customer.id });
    await expect(respondToRelationship(tenantUser, { relationshipId, decision: 'approve' })).rejects.toBeInstanceOf(
      Refused,
    );
    expect((await findCustomerRelationships(tenantAdmin, { customerId: customer.id }))[0]!.status).toBe('pending');
  });
});
