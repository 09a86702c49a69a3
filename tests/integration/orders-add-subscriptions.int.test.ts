import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeCustomer, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { db } from '@/lib/db';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';

beforeEach(resetDatabase);

/** Woodgrove-like: a customer of the provider managed by reseller A; reseller B also partnered; C not. */
async function scenario() {
  const channel = await makeChannel();
  const offers = await makeDemoOffers();
  const unpartnered = await makeOrg('INDIRECT_RESELLER');
  const otherProvider = await makeOrg('INDIRECT_PROVIDER');
  await makePartnership(otherProvider.id, unpartnered.id);
  const foreignCustomer = await makeCustomer(otherProvider.id, unpartnered.id);
  const providerCtx = await makeCtx('ADMIN', { organizationId: channel.provider.id });
  return { ...channel, offers, unpartnered, foreignCustomer, providerCtx };
}
const key = () => crypto.randomUUID();

describe('F4 adding subscriptions to a customer', () => {
  it('adds 3 licences crediting a partnered reseller, with an association period and audit', async () => {
    const { providerCtx, customer, provider, resellerB, offers } = await scenario();
    const added = await addSubscriptions(providerCtx, {
      customerId: customer.id,
      idempotencyKey: key(),
      resellerId: resellerB.id,
      lines: [{ offerId: offers.standard.id, quantity: 3 }],
    });
    expect(added).toMatchObject({ replayed: false, subscriptionIds: [expect.any(String)] });
    const sub = await db().subscription.findUniqueOrThrow({
      where: { id: added.subscriptionIds[0] },
      include: { resellerAssociations: true, order: { include: { lines: true } } },
    });
    expect(sub).toMatchObject({
      customerId: customer.id,
      quantity: 3,
      status: 'ACTIVE',
      resellerId: resellerB.id,
      supportContactOrgId: provider.id,
    });
    expect(sub.resellerAssociations).toMatchObject([{ resellerId: resellerB.id, endedAt: null }]);
    expect(sub.order!.lines).toMatchObject([{ quantity: 3, resellerMpnId: resellerB.mpnId }]);
    expect(await db().auditEvent.count({ where: { action: { in: ['order.placed', 'subscription.created'] } } })).toBe(
      2,
    );
  });

  it('credits a reseller typed by its MPN ID, and refuses an MPN ID outside the partnerships (R1)', async () => {
    const { providerCtx, customer, resellerB, unpartnered, offers } = await scenario();
    const lines = [{ offerId: offers.standard.id, quantity: 2 }];
    const added = await addSubscriptions(providerCtx, {
      customerId: customer.id,
      idempotencyKey: key(),
      resellerId: resellerB.mpnId!,
      lines,
    });
    expect(await db().subscription.findUniqueOrThrow({ where: { id: added.subscriptionIds[0] } })).toMatchObject({
      resellerId: resellerB.id,
    });
    await expect(
      addSubscriptions(providerCtx, {
        customerId: customer.id,
        idempotencyKey: key(),
        resellerId: unpartnered.mpnId!,
        lines,
      }),
    ).rejects.toMatchObject({ rule: 'R1' });
  });

  it('credits the managing reseller by default, and a reseller only ever itself', async () => {
    const { providerCtx, customer, resellerA, resellerB, offers } = await scenario();
    const lines = [{ offerId: offers.basic.id, quantity: 2 }];
    const byProvider = await addSubscriptions(providerCtx, { customerId: customer.id, idempotencyKey: key(), lines });
    expect(
      (await db().subscription.findUniqueOrThrow({ where: { id: byProvider.subscriptionIds[0] } })).resellerId,
    ).toBe(resellerA.id);
    const resellerCtx = await makeCtx('ADMIN_AGENT', { organizationId: resellerA.id });
    await expect(
      addSubscriptions(resellerCtx, {
        customerId: customer.id,
        idempotencyKey: key(),
        resellerId: resellerB.id,
        lines,
      }),
    ).rejects.toMatchObject({ rule: 'R4' });
    const byReseller = await addSubscriptions(resellerCtx, { customerId: customer.id, idempotencyKey: key(), lines });
    expect(
      (await db().subscription.findUniqueOrThrow({ where: { id: byReseller.subscriptionIds[0] } })).resellerId,
    ).toBe(resellerA.id);
  });

  it('R5: the same submission twice, even at once, adds the subscriptions once', async () => {
    const { providerCtx, customer, offers } = await scenario();
    const input = {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [{ offerId: offers.basic.id, quantity: 2 }],
    };
    const [a, b] = await Promise.all([addSubscriptions(providerCtx, input), addSubscriptions(providerCtx, input)]);
    expect(a.orderId).toBe(b.orderId);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    expect(await addSubscriptions(providerCtx, input)).toEqual({ ...a, replayed: true });
    expect(await db().subscription.count()).toBe(1);
    await expect(
      addSubscriptions(providerCtx, { ...input, customerId: (await makeCustomer(customer.providerId)).id }),
    ).rejects.toBeInstanceOf(Invalid);
  });

  it('R3/R4: a customer of another provider is not found; R1: a non-partnered reseller is refused', async () => {
    const { providerCtx, customer, foreignCustomer, unpartnered, resellerB, offers } = await scenario();
    const lines = [{ offerId: offers.basic.id, quantity: 1 }];
    await expect(
      addSubscriptions(providerCtx, { customerId: foreignCustomer.id, idempotencyKey: key(), lines }),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      addSubscriptions(providerCtx, {
        customerId: customer.id,
        idempotencyKey: key(),
        resellerId: unpartnered.id,
        lines,
      }),
    ).rejects.toMatchObject({ rule: 'R1' });
    const otherReseller = await makeCtx('ADMIN', { organizationId: resellerB.id });
    await expect(
      addSubscriptions(otherReseller, { customerId: customer.id, idempotencyKey: key(), lines }),
    ).rejects.toBeInstanceOf(NotFound);
    const helpdesk = await makeCtx('HELPDESK_AGENT', { organizationId: customer.providerId });
    await expect(
      addSubscriptions(helpdesk, { customerId: customer.id, idempotencyKey: key(), lines }),
    ).rejects.toBeInstanceOf(Refused);
    expect(await db().subscription.count()).toBe(0);
    expect(await db().order.count()).toBe(0);
  });

  it('R7: refuses 301 licences and a retired offer, line by line', async () => {
    const { providerCtx, customer, offers } = await scenario();
    const lines = [
      { offerId: offers.basic.id, quantity: 301 },
      { offerId: offers.retired.id, quantity: 1 },
    ];
    await expect(
      addSubscriptions(providerCtx, { customerId: customer.id, idempotencyKey: key(), lines }),
    ).rejects.toMatchObject({
      fieldErrors: {
        [`lines.${offers.basic.id}`]: ['orders.errors.quantityRange'],
        [`lines.${offers.retired.id}`]: ['orders.errors.offerInactive'],
      },
    });
    expect(await db().order.count()).toBe(0);
  });
});
