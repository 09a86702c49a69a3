// The Indirect resellers list's "Licences" come from ResellerLicenceCount,
// kept by a trigger on Subscription: after any mix of inserts, licence
// changes, status changes, reseller changes and deletes it equals the sum it
// stands for.
import { beforeEach, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeCustomer, makeDemoOffers } from '../factories';
import { db } from '@/lib/db';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';

beforeEach(resetDatabase);

async function counted() {
  const rows = await db().resellerLicenceCount.findMany({ where: { licences: { not: 0 } } });
  return Object.fromEntries(rows.map((r) => [`${r.providerId}/${r.resellerId}`, r.licences]));
}

async function summed() {
  const rows = await db().$queryRaw<{ key: string; n: number }[]>`
    SELECT c."providerId" || '/' || s."resellerId" AS key, sum(s.quantity)::int AS n
      FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId"
     WHERE s.status = 'ACTIVE' AND s."resellerId" IS NOT NULL GROUP BY 1`;
  return Object.fromEntries(rows.map((r) => [r.key, r.n]));
}

it('follows every change of status, licences and reseller, and the list shows it', async () => {
  const a = await makeChannel();
  const b = await makeChannel();
  const offers = await makeDemoOffers();
  const ctx = await makeCtx('ADMIN', { organizationId: a.provider.id });
  const key = () => crypto.randomUUID();
  const added = await addSubscriptions(ctx, {
    customerId: a.customer.id,
    idempotencyKey: key(),
    resellerId: a.resellerB.id,
    lines: [
      { offerId: offers.standard.id, quantity: 7 },
      { offerId: offers.basic.id, quantity: 3 },
    ],
  });
  await addSubscriptions(ctx, {
    customerId: a.customer.id,
    idempotencyKey: key(),
    lines: [{ offerId: offers.basic.id, quantity: 5 }],
  });
  const other = await makeCustomer(b.provider.id, b.resellerA.id);
  await addSubscriptions(await makeCtx('ADMIN', { organizationId: b.provider.id }), {
    customerId: other.id,
    idempotencyKey: key(),
    lines: [{ offerId: offers.basic.id, quantity: 2 }],
  });
  expect(await counted()).toEqual({
    [`${a.provider.id}/${a.resellerB.id}`]: 10,
    [`${a.provider.id}/${a.resellerA.id}`]: 5,
    [`${b.provider.id}/${b.resellerA.id}`]: 2,
  });

  const [first, second] = added.subscriptionIds as [string, string];
  await db().subscription.update({ where: { id: first }, data: { quantity: 9 } });
  expect(await counted()).toEqual(await summed());
  await db().subscription.update({ where: { id: second }, data: { status: 'SUSPENDED' } });
  expect(await counted()).toEqual(await summed());
  await db().subscription.update({ where: { id: second }, data: { status: 'ACTIVE', quantity: 4 } });
  expect(await counted()).toEqual(await summed());
  await db().subscription.update({ where: { id: first }, data: { resellerId: a.resellerA.id } });
  expect(await counted()).toEqual(await summed());
  await db().subscription.update({ where: { id: first }, data: { resellerId: null } });
  expect(await counted()).toEqual(await summed());
  await db().subscription.update({ where: { id: second }, data: { status: 'CANCELLED' } });
  expect(await counted()).toEqual(await summed());
  await db().subscription.updateMany({
    where: { customerId: a.customer.id },
    data: { resellerId: a.resellerB.id, status: 'ACTIVE' },
  });
  expect(await counted()).toEqual(await summed());
  await db().subscriptionResellerAssociation.deleteMany({ where: { subscriptionId: second } });
  await db().subscription.delete({ where: { id: second } });
  expect(await counted()).toEqual(await summed());
  expect(await counted()).toEqual({
    [`${a.provider.id}/${a.resellerB.id}`]: 9 + 5,
    [`${b.provider.id}/${b.resellerA.id}`]: 2,
  });

  const { rows } = await findIndirectResellers(ctx, {});
  expect(rows.find((r) => r.reseller.id === a.resellerB.id)?.licences).toBe(14);
  expect(rows.find((r) => r.reseller.id === a.resellerA.id)?.licences).toBe(0);
});
