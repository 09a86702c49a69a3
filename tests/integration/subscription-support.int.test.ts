import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg } from '../factories';
import { makeSubscriptionSetup, periodsOf, readSubscription } from '../factories/subscriptions';
import { db } from '@/lib/db';
import { NotFound, Refused } from '@/lib/errors';
import { subscriptionScope } from '@/lib/authz/scopes';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { listSupportContactOptions } from '@/lib/subscriptions/list-support-contact-options';
import { getSubscriptionDetail } from '@/lib/subscriptions/get-subscription-detail';
import { getTenantOverview } from '@/lib/customers/get-tenant-overview';

beforeEach(resetDatabase);

async function reason(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(Refused);
  return (error as Refused).messageKey;
}

describe('R9 Designated support contact', () => {
  it('options are the provider and the managing reseller with delegated admin; the change shows to the customer and in the reseller’s scope at once', async () => {
    const { provider, resellerA, customer, subscription } = await makeSubscriptionSetup();
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    expect((await listSupportContactOptions(ctx, subscription.id)).map((o) => o.id)).toEqual([
      provider.id,
      resellerA.id,
    ]);
    await changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, supportContactOrgId: resellerA.id });
    expect((await readSubscription(subscription.id)).supportContactOrgId).toBe(resellerA.id);
    // Licences and reseller unchanged: no new incentive period.
    expect(await periodsOf(subscription.id)).toHaveLength(1);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { action: 'subscription.support_contact_changed' } });
    expect(audit.after).toMatchObject({ supportContactOrgId: resellerA.id });
    const customerAdmin = await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id });
    expect((await getTenantOverview(customerAdmin)).subscriptions[0]!.supportContactOrg.legalName).toBe(
      resellerA.legalName,
    );
    // Even without managing the customer any more, the reseller still reads what it supports.
    await db().customer.update({ where: { id: customer.id }, data: { managingResellerId: null } });
    const reseller = await makeCtx('HELPDESK_AGENT', { organizationId: resellerA.id });
    expect(
      await db().subscription.count({ where: { AND: [subscriptionScope(reseller), { id: subscription.id }] } }),
    ).toBe(1);
    expect((await getSubscriptionDetail(reseller, subscription.id)).editable).toBe(false);
  });

  it('a partnered reseller that does not manage the customer, or manages it without delegated admin, is refused', async () => {
    const { provider, resellerA, resellerB, customer, subscription } = await makeSubscriptionSetup();
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    expect(
      await reason(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, supportContactOrgId: resellerB.id }),
      ),
    ).toBe('subscriptionDetail.errors.supportContact');
    const stranger = await makeOrg('INDIRECT_RESELLER');
    expect(
      await reason(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, supportContactOrgId: stranger.id }),
      ),
    ).toBe('subscriptionDetail.errors.supportContact');
    await db().customer.update({ where: { id: customer.id }, data: { resellerDelegatedAdmin: false } });
    expect((await listSupportContactOptions(ctx, subscription.id)).map((o) => o.id)).toEqual([provider.id]);
    expect(
      await reason(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, supportContactOrgId: resellerA.id }),
      ),
    ).toBe('subscriptionDetail.errors.supportContact');
    expect((await readSubscription(subscription.id)).supportContactOrgId).toBe(provider.id);
  });

  it('global admins, admin agents and helpdesk agents may change it; helpdesk only this; sales agents and customers not at all', async () => {
    const { provider, resellerA, customer, subscription } = await makeSubscriptionSetup();
    const helpdesk = await makeCtx('HELPDESK_AGENT', { organizationId: provider.id });
    await changeSubscription(helpdesk, {
      subscriptionId: subscription.id,
      version: 1,
      supportContactOrgId: resellerA.id,
      quantity: 10,
    });
    expect(await readSubscription(subscription.id)).toMatchObject({
      supportContactOrgId: resellerA.id,
      quantity: 10,
      version: 2,
    });
    expect(
      await reason(changeSubscription(helpdesk, { subscriptionId: subscription.id, version: 2, quantity: 12 })),
    ).toBe('errors.forbidden');
    expect(
      await reason(
        changeSubscription(helpdesk, {
          subscriptionId: subscription.id,
          version: 2,
          supportContactOrgId: provider.id,
          quantity: 12,
        }),
      ),
    ).toBe('errors.forbidden');
    // The managing reseller's helpdesk may hand it back to the provider.
    await changeSubscription(await makeCtx('HELPDESK_AGENT', { organizationId: resellerA.id }), {
      subscriptionId: subscription.id,
      version: 2,
      supportContactOrgId: provider.id,
    });
    await changeSubscription(await makeCtx('ADMIN_AGENT', { organizationId: provider.id }), {
      subscriptionId: subscription.id,
      version: 3,
      supportContactOrgId: resellerA.id,
    });
    for (const ctx of [
      await makeCtx('SALES_AGENT', { organizationId: provider.id }),
      await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id }),
      await makeCtx('VENDOR_ADMIN', { organizationId: (await makeOrg('VENDOR')).id }),
    ]) {
      expect(
        await reason(
          changeSubscription(ctx, { subscriptionId: subscription.id, version: 4, supportContactOrgId: provider.id }),
        ),
      ).toBe('errors.forbidden');
      await expect(listSupportContactOptions(ctx, subscription.id)).rejects.toBeInstanceOf(Refused);
    }
    expect(await readSubscription(subscription.id)).toMatchObject({ supportContactOrgId: resellerA.id, version: 4 });
  });

  it('wrong tenant: another provider’s or reseller’s helpdesk gets 404', async () => {
    const { subscription } = await makeSubscriptionSetup();
    const other = await makeSubscriptionSetup();
    for (const orgId of [other.provider.id, other.resellerA.id]) {
      const ctx = await makeCtx('HELPDESK_AGENT', { organizationId: orgId });
      await expect(
        changeSubscription(ctx, { subscriptionId: subscription.id, version: 1, supportContactOrgId: orgId }),
      ).rejects.toBeInstanceOf(NotFound);
      await expect(listSupportContactOptions(ctx, subscription.id)).rejects.toBeInstanceOf(NotFound);
    }
  });
});
