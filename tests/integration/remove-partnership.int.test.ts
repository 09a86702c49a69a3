import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import {
  makeChannel,
  makeCtx,
  makeCustomer,
  makeOffer,
  makeOrg,
  makePartnership,
  makeSubscription,
} from '../factories';
import { db } from '@/lib/db';
import { findCustomers } from '@/lib/customers/find-customers';
import { getCustomer } from '@/lib/customers/get-customer';
import { findIndirectProviders } from '@/lib/partnerships/find-indirect-providers';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { previewRemovePartnership, removePartnership } from '@/lib/partnerships/remove-partnership';
import { NotFound, Refused } from '@/lib/errors';

beforeEach(resetDatabase);

async function scenario() {
  const channel = await makeChannel();
  const { provider, resellerA, customer } = channel;
  const offer = await makeOffer();
  const subscription = await makeSubscription(customer.id, resellerA.id, offer.id, 5);
  await db().subscription.update({
    where: { id: subscription.id },
    data: {
      resellerId: resellerA.id,
      resellerAssociations: {
        create: {
          resellerId: resellerA.id,
          startedAt: new Date(Date.now() - 1000),
          offerId: offer.id,
          quantity: 5,
          unitPriceMinor: offer.unitPriceMinor,
          currency: offer.currency,
          incentiveRateBps: offer.incentiveRateBps,
        },
      },
    },
  });
  // The same reseller also works with another provider, which must not be touched.
  const otherProvider = await makeOrg('INDIRECT_PROVIDER');
  await makePartnership(otherProvider.id, resellerA.id);
  const otherCustomer = await makeCustomer(otherProvider.id, resellerA.id);
  const partnership = await db().partnership.findFirstOrThrow({
    where: { providerId: provider.id, resellerId: resellerA.id },
  });
  const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
  const resellerCtx = await makeCtx('ADMIN', { organizationId: resellerA.id });
  return { ...channel, subscription, otherCustomer, partnership, providerCtx, resellerCtx };
}

describe('R10 removing a partnership', () => {
  it('names what will happen before it happens', async () => {
    const { partnership, providerCtx } = await scenario();
    expect(await previewRemovePartnership(providerCtx, { partnershipId: partnership.id })).toMatchObject({
      customers: 1,
      supported: 1,
      credited: 1,
    });
  });

  it('takes the reseller’s access at once; customers, support and incentives fall back to the provider; history stays', async () => {
    const { partnership, providerCtx, resellerCtx, customer, subscription, otherCustomer, provider, resellerA } =
      await scenario();
    expect((await getCustomer(resellerCtx, customer.id)).id).toBe(customer.id);

    expect(await removePartnership(providerCtx, { partnershipId: partnership.id })).toEqual({
      customers: 1,
      supportContacts: 1,
      incentivePeriods: 1,
    });

    await expect(getCustomer(resellerCtx, customer.id)).rejects.toBeInstanceOf(NotFound);
    expect((await findCustomers(resellerCtx, {})).rows.map((r) => r.id)).toEqual([otherCustomer.id]);
    expect((await getCustomer(providerCtx, customer.id)).managingReseller).toBeNull();

    const sub = await db().subscription.findUniqueOrThrow({
      where: { id: subscription.id },
      include: { resellerAssociations: true },
    });
    expect(sub.supportContactOrgId).toBe(provider.id);
    expect(sub.resellerId).toBeNull();
    expect(sub.resellerAssociations).toHaveLength(1);
    expect(sub.resellerAssociations[0]!.endedAt).not.toBeNull();

    const ended = await db().partnership.findUniqueOrThrow({ where: { id: partnership.id } });
    expect(ended).toMatchObject({ state: 'ENDED', endedById: providerCtx.userId });
    expect((await findIndirectProviders(resellerCtx)).find((p) => p.provider.id === provider.id)?.state).toBe('ENDED');
    expect((await findIndirectResellers(providerCtx)).rows.find((r) => r.reseller.id === resellerA.id)?.state).toBe(
      'ENDED',
    );
    // The confirmation after removal names the reseller of the ended partnership, in the same statement as the list.
    expect((await findIndirectResellers(providerCtx, { removed: partnership.id })).removed).toMatchObject({
      id: partnership.id,
      state: 'ENDED',
      reseller: { id: resellerA.id },
    });
    const otherProvider = await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_PROVIDER')).id });
    expect((await findIndirectResellers(otherProvider, { removed: partnership.id })).removed).toBeNull();

    expect((await db().customer.findUniqueOrThrow({ where: { id: otherCustomer.id } })).managingResellerId).toBe(
      resellerA.id,
    );
    const mails = await db().outboxMessage.findMany({ where: { kind: 'partnership-ended' } });
    expect(mails.map((m) => m.to).sort()).toEqual([providerCtx.email, resellerCtx.email].sort());
    expect(await db().auditEvent.count({ where: { action: 'partnership.removed' } })).toBe(1);
  });

  it('cannot be removed twice, by the reseller, by another provider or by a sales agent', async () => {
    const { partnership, providerCtx, resellerCtx, provider } = await scenario();
    const stranger = await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_PROVIDER')).id });
    await expect(removePartnership(resellerCtx, { partnershipId: partnership.id })).rejects.toBeInstanceOf(NotFound);
    await expect(removePartnership(stranger, { partnershipId: partnership.id })).rejects.toBeInstanceOf(NotFound);
    await expect(
      removePartnership(await makeCtx('SALES_AGENT', { organizationId: provider.id }), {
        partnershipId: partnership.id,
      }),
    ).rejects.toBeInstanceOf(Refused);
    expect((await db().partnership.findUniqueOrThrow({ where: { id: partnership.id } })).state).toBe('ACTIVE');
    await removePartnership(providerCtx, { partnershipId: partnership.id });
    await expect(removePartnership(providerCtx, { partnershipId: partnership.id })).rejects.toMatchObject({
      rule: 'R10',
    });
  });
});
