import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeCustomer, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { makeCreditedSubscription } from '../factories/reports';
import { db } from '@/lib/db';
import { NotFound, Refused } from '@/lib/errors';
import { findResellerSubscriptions } from '@/lib/reports/find-reseller-subscriptions';
import { SUBSCRIPTIONS_PAGE_SIZE } from '@/lib/reports/schemas';

beforeEach(resetDatabase);

async function setup() {
  const { provider, resellerA, resellerB, customer } = await makeChannel();
  const { basic } = await makeDemoOffers();
  const managedByB = await makeCustomer(provider.id, resellerB.id, 'Bravo Bank');
  const direct = await makeCustomer(provider.id, null, 'Charlie Direct');
  const managed = await makeCreditedSubscription(customer.id, provider.id, basic, resellerA.id, 10);
  // R9: A is the designated support contact of a subscription of a customer B manages.
  const supported = await makeCreditedSubscription(managedByB.id, resellerA.id, basic, resellerB.id, 3);
  const unrelated = await makeCreditedSubscription(direct.id, provider.id, basic, null, 2);
  return { provider, resellerA, resellerB, customer, managedByB, managed, supported, unrelated };
}

describe("R9 the reseller's subscriptions and support list", () => {
  it('lists subscriptions of managed customers and those it is the support contact for, saying which', async () => {
    const { resellerA, managed, supported } = await setup();
    const a = await makeCtx('HELPDESK_AGENT', { organizationId: resellerA.id });
    const all = await findResellerSubscriptions(a, {});
    expect(all.rows.map((r) => r.id).sort()).toEqual([managed.id, supported.id].sort());
    expect(all.rows.find((r) => r.id === managed.id)).toMatchObject({ managed: true, supportContact: false });
    expect(all.rows.find((r) => r.id === supported.id)).toMatchObject({
      managed: false,
      supportContact: true,
      supportContactOrg: { id: resellerA.id },
    });
    expect((await findResellerSubscriptions(a, { relation: 'support' })).rows.map((r) => r.id)).toEqual([supported.id]);
    expect((await findResellerSubscriptions(a, { relation: 'managed' })).rows.map((r) => r.id)).toEqual([managed.id]);
  });

  it("setting the support contact puts the subscription in that reseller's support list; moving it away takes it out", async () => {
    const { provider, resellerB, unrelated, supported } = await setup();
    const b = await makeCtx('ADMIN', { organizationId: resellerB.id });
    expect((await findResellerSubscriptions(b, { relation: 'support' })).rows).toEqual([]);
    await db().subscription.update({ where: { id: supported.id }, data: { supportContactOrgId: resellerB.id } });
    expect((await findResellerSubscriptions(b, { relation: 'support' })).rows.map((r) => r.id)).toEqual([supported.id]);
    await db().subscription.update({ where: { id: supported.id }, data: { supportContactOrgId: provider.id } });
    expect((await findResellerSubscriptions(b, { relation: 'support' })).rows).toEqual([]);
    // Still there as a managed customer's subscription, not the unrelated one.
    expect((await findResellerSubscriptions(b, {})).rows.map((r) => r.id)).toEqual([supported.id]);
    expect((await findResellerSubscriptions(b, {})).rows.some((r) => r.id === unrelated.id)).toBe(false);
  });

  it('a customer changing hands moves its subscriptions between the managed list and the support list, each listed once', async () => {
    const { resellerA, resellerB, customer, managedByB, supported } = await setup();
    const a = await makeCtx('ADMIN', { organizationId: resellerA.id });
    const b = await makeCtx('ADMIN', { organizationId: resellerB.id });
    const support = async () =>
      (await findResellerSubscriptions(a, { relation: 'support' })).rows.map((r) => ({ id: r.id, managed: r.managed }));
    expect(await support()).toEqual([{ id: supported.id, managed: false }]);
    // A now manages Bravo Bank: the subscription it supports is a managed one, listed once.
    await db().customer.update({ where: { id: managedByB.id }, data: { managingResellerId: resellerA.id } });
    expect(await support()).toEqual([{ id: supported.id, managed: true }]);
    // Nobody manages it any more: back in A's support list only, and B sees it nowhere.
    await db().customer.update({ where: { id: managedByB.id }, data: { managingResellerId: null } });
    expect(await support()).toEqual([{ id: supported.id, managed: false }]);
    expect((await findResellerSubscriptions(b, {})).rows).toEqual([]);
    // A new subscription of A's own customer, with A as its support contact: once, as managed.
    const { standard } = await makeDemoOffers();
    const created = await db().subscription.create({
      data: {
        customerId: customer.id,
        offerId: standard.id,
        quantity: 1,
        supportContactOrgId: resellerA.id,
        purchasedAt: new Date(),
        termStartedAt: new Date(),
      },
    });
    expect((await support()).filter((r) => r.id === created.id)).toEqual([{ id: created.id, managed: true }]);
    // The column is the database's: a write of another value is put right.
    await db().subscription.update({ where: { id: created.id }, data: { customerManagingResellerId: resellerB.id } });
    expect((await db().subscription.findUniqueOrThrow({ where: { id: created.id } })).customerManagingResellerId).toBe(
      resellerA.id,
    );
  });

  it('filters by status and by customer name or tenant domain', async () => {
    const { resellerA, customer, managed, supported } = await setup();
    await db().subscription.update({ where: { id: supported.id }, data: { status: 'SUSPENDED' } });
    const a = await makeCtx('ADMIN', { organizationId: resellerA.id });
    expect((await findResellerSubscriptions(a, { status: 'SUSPENDED' })).rows.map((r) => r.id)).toEqual([supported.id]);
    expect((await findResellerSubscriptions(a, { q: 'bravo' })).rows.map((r) => r.id)).toEqual([supported.id]);
    expect(
      (await findResellerSubscriptions(a, { q: customer.domainPrefix.toUpperCase() })).rows.map((r) => r.id),
    ).toEqual([managed.id]);
    // A bad filter value is ignored rather than failing.
    expect(
      (await findResellerSubscriptions(a, { status: 'BOGUS' as never, relation: 'x' as never })).rows,
    ).toHaveLength(2);
  });

  it('pages with a keyset cursor ordered by customer name', async () => {
    const { provider, resellerA, customer } = await setup();
    const { standard } = await makeDemoOffers();
    await db().subscription.createMany({
      data: Array.from({ length: SUBSCRIPTIONS_PAGE_SIZE + 5 }, () => ({
        customerId: customer.id,
        offerId: standard.id,
        quantity: 1,
        supportContactOrgId: provider.id,
        purchasedAt: new Date(),
        termStartedAt: new Date(),
      })),
    });
    const a = await makeCtx('ADMIN', { organizationId: resellerA.id });
    const first = await findResellerSubscriptions(a, {});
    expect(first.rows).toHaveLength(SUBSCRIPTIONS_PAGE_SIZE);
    const second = await findResellerSubscriptions(a, { after: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    const ids = [...first.rows, ...second.rows].map((r) => r.id);
    expect(new Set(ids).size).toBe(SUBSCRIPTIONS_PAGE_SIZE + 5 + 2);
    const names = [...first.rows, ...second.rows].map((r) => r.customer.companyName);
    expect(names).toEqual([...names].sort());
  });

  it('wrong tenant and wrong role: other resellers and providers see nothing here; providers, customers and pending resellers get 404/refused', async () => {
    const { provider, resellerA, customer } = await setup();
    const other = await makeOrg('INDIRECT_PROVIDER');
    const stranger = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(other.id, stranger.id);
    expect((await findResellerSubscriptions(await makeCtx('ADMIN', { organizationId: stranger.id }), {})).rows).toEqual(
      [],
    );
    // A cursor naming another reseller's subscription does not reveal it.
    const aSub = (await findResellerSubscriptions(await makeCtx('ADMIN', { organizationId: resellerA.id }), {}))
      .rows[0]!;
    expect(
      (await findResellerSubscriptions(await makeCtx('ADMIN', { organizationId: stranger.id }), { after: aSub.id }))
        .rows,
    ).toEqual([]);
    await expect(
      findResellerSubscriptions(await makeCtx('ADMIN', { organizationId: provider.id }), {}),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      findResellerSubscriptions(await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id }), {}),
    ).rejects.toBeInstanceOf(NotFound);
    const pending = await makeOrg('INDIRECT_RESELLER', { status: 'PENDING' });
    await expect(
      findResellerSubscriptions(await makeCtx('ADMIN', { organizationId: pending.id }), {}),
    ).rejects.toBeInstanceOf(Refused);
  });
});
