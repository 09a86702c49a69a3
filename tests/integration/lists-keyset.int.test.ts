// Keyset pages of the Indirect resellers list, a customer's subscriptions and
// the reseller's subscriptions: every row once, in order, across pages; the
// searches; totals capped; nothing outside the user's reach.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import {
  makeChannel,
  makeCtx,
  makeCustomer,
  makeDemoOffers,
  makeOffer,
  makeOrg,
  makePartnership,
  makeSubscription,
} from '../factories';
import { db } from '@/lib/db';
import { NotFound } from '@/lib/errors';
import { findIndirectResellers, INDIRECT_RESELLERS_PAGE_SIZE } from '@/lib/partnerships/find-indirect-resellers';
import {
  findCustomerSubscriptions,
  CUSTOMER_SUBSCRIPTIONS_PAGE_SIZE,
} from '@/lib/customers/find-customer-subscriptions';
import { findResellerSubscriptions } from '@/lib/reports/find-reseller-subscriptions';

beforeEach(resetDatabase);

async function allPages<T extends { id: string }>(
  load: (after?: string) => Promise<{ rows: T[]; nextCursor: string | null }>,
) {
  const pages: T[][] = [];
  let after: string | undefined;
  for (let i = 0; i < 10; i++) {
    const page = await load(after);
    pages.push(page.rows);
    if (!page.nextCursor) break;
    after = page.nextCursor;
  }
  return pages;
}

describe('Indirect resellers', () => {
  it('pages through every partnership once, active first, with counts per row', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const offer = await makeOffer();
    const resellers: Awaited<ReturnType<typeof makeOrg>>[] = [];
    for (let i = 0; i < INDIRECT_RESELLERS_PAGE_SIZE + 5; i++) {
      const reseller = await makeOrg('INDIRECT_RESELLER', {
        legalName: `Reseller ${String(i).padStart(3, '0')}${i === 7 ? ' 100%_real' : ''}`,
      });
      await makePartnership(provider.id, reseller.id);
      resellers.push(reseller);
    }
    // The first partnership ended: it sorts after every active one.
    await db().partnership.updateMany({
      where: { resellerId: resellers[0]!.id },
      data: { state: 'ENDED', activeMarker: null, endedAt: new Date() },
    });
    const customer = await makeCustomer(provider.id, resellers[3]!.id);
    const sub = await makeSubscription(customer.id, provider.id, offer.id, 9);
    await db().subscription.update({ where: { id: sub.id }, data: { resellerId: resellers[3]!.id } });

    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    const pages = await allPages((after) => findIndirectResellers(ctx, { after }));
    expect(pages.map((p) => p.length)).toEqual([50, 5]);
    const rows = pages.flat();
    expect(new Set(rows.map((r) => r.id)).size).toBe(55);
    expect(rows.at(-1)!.reseller.id).toBe(resellers[0]!.id);
    expect(rows.at(-1)!.state).toBe('ENDED');
    expect(rows.slice(0, -1).every((r) => r.state === 'ACTIVE')).toBe(true);
    expect(rows.find((r) => r.reseller.id === resellers[3]!.id)).toMatchObject({ customers: 1, licences: 9 });

    // Search: anywhere in the name, or the start of the MPN ID; LIKE wildcards are literal.
    expect((await findIndirectResellers(ctx, { q: 'eller 012' })).rows.map((r) => r.reseller.id)).toEqual([
      resellers[12]!.id,
    ]);
    expect((await findIndirectResellers(ctx, { q: resellers[20]!.mpnId! })).rows.map((r) => r.reseller.id)).toEqual([
      resellers[20]!.id,
    ]);
    expect((await findIndirectResellers(ctx, { q: '100%_' })).rows.map((r) => r.reseller.id)).toEqual([
      resellers[7]!.id,
    ]);
    expect((await findIndirectResellers(ctx, { q: '%' })).rows.map((r) => r.reseller.id)).toEqual([resellers[7]!.id]);
    // A hand-edited cursor is ignored (first page), never an error.
    expect((await findIndirectResellers(ctx, { after: 'nonsense' })).rows).toHaveLength(50);

    // Another provider sees none of them, with or without a cursor taken from this list.
    const other = await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_PROVIDER')).id });
    expect((await findIndirectResellers(other, {})).rows).toEqual([]);
    const cursor = (await findIndirectResellers(ctx, {})).nextCursor!;
    expect((await findIndirectResellers(other, { after: cursor })).rows).toEqual([]);
  });
});

describe("a customer's subscriptions", () => {
  it('pages in order of creation with a total, tells whether an Azure plan is live, and is not found out of reach', async () => {
    const { provider, resellerA, customer } = await makeChannel();
    const offers = await makeDemoOffers();
    const base = Date.now() - 3_600_000;
    await db().subscription.createMany({
      data: Array.from({ length: CUSTOMER_SUBSCRIPTIONS_PAGE_SIZE + 3 }, (_, i) => ({
        customerId: customer.id,
        offerId: offers.basic.id,
        quantity: i + 1,
        supportContactOrgId: provider.id,
        purchasedAt: new Date(),
        termStartedAt: new Date(),
        createdAt: new Date(base + Math.floor(i / 2) * 1000), // pairs share a creation time: the id breaks the tie
      })),
    });
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    const first = await findCustomerSubscriptions(ctx, customer.id);
    expect(first).toMatchObject({ total: 53, totalCapped: false, hasAzurePlan: false });
    const pages = await allPages((after) => findCustomerSubscriptions(ctx, customer.id, { after }));
    expect(pages.map((p) => p.length)).toEqual([50, 3]);
    const all = await db().subscription.findMany({
      where: { customerId: customer.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    expect(pages.flat().map((s) => s.id)).toEqual(all.map((s) => s.id));
    expect(pages[0]![0]).toMatchObject({
      offer: { name: 'Microsoft 365 Business Basic', isAzurePlan: false },
      reseller: null,
      supportContactOrg: { legalName: provider.legalName },
    });

    const azure = await makeSubscription(customer.id, provider.id, offers.azure.id, 1);
    expect((await findCustomerSubscriptions(ctx, customer.id)).hasAzurePlan).toBe(true);
    await db().subscription.update({ where: { id: azure.id }, data: { status: 'CANCELLED' } });
    expect((await findCustomerSubscriptions(ctx, customer.id)).hasAzurePlan).toBe(false);

    // The managing reseller sees them; another provider, a stranger reseller and an unknown id get NotFound.
    expect(
      (await findCustomerSubscriptions(await makeCtx('ADMIN', { organizationId: resellerA.id }), customer.id)).total,
    ).toBe(54);
    const other = await makeChannel();
    await expect(
      findCustomerSubscriptions(await makeCtx('ADMIN', { organizationId: other.provider.id }), customer.id),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(
      findCustomerSubscriptions(await makeCtx('ADMIN', { organizationId: other.resellerA.id }), customer.id),
    ).rejects.toBeInstanceOf(NotFound);
    await expect(findCustomerSubscriptions(ctx, 'no-such-customer')).rejects.toBeInstanceOf(NotFound);
    // Counting stops at the cap: "1,000+".
    await db().subscription.createMany({
      data: Array.from({ length: 1000 }, () => ({
        customerId: customer.id,
        offerId: offers.basic.id,
        quantity: 1,
        supportContactOrgId: provider.id,
        purchasedAt: new Date(),
        termStartedAt: new Date(),
      })),
    });
    expect(await findCustomerSubscriptions(ctx, customer.id)).toMatchObject({ total: 1000, totalCapped: true });
    // A customer without subscriptions: an empty page, not "not found".
    expect(await findCustomerSubscriptions(ctx, (await makeCustomer(provider.id)).id)).toMatchObject({
      rows: [],
      total: 0,
      nextCursor: null,
    });
  });
});

describe("the reseller's subscriptions", () => {
  it('pages across managed and supported subscriptions by customer name, even with "|" in a name', async () => {
    const { provider, resellerA } = await makeChannel();
    const offer = await makeOffer();
    const names = Array.from(
      { length: 30 },
      (_, i) => `Co ${String(i).padStart(2, '0')}${i % 5 === 0 ? ' | Ltd' : ''}`,
    );
    for (const [i, name] of names.entries()) {
      // Even customers are managed by the reseller; odd ones only have a subscription it supports.
      const customer = await makeCustomer(provider.id, i % 2 === 0 ? resellerA.id : null, name);
      await makeSubscription(customer.id, i % 2 === 0 ? provider.id : resellerA.id, offer.id);
      await makeSubscription(customer.id, i % 2 === 0 ? resellerA.id : provider.id, offer.id);
    }
    const ctx = await makeCtx('ADMIN', { organizationId: resellerA.id });
    const pages = await allPages((after) => findResellerSubscriptions(ctx, { after }));
    expect(pages.map((p) => p.length)).toEqual([45]);
    const rows = pages.flat();
    // Managed: both subscriptions of 15 customers; supported elsewhere: one of 15.
    expect(rows).toHaveLength(45);
    expect(new Set(rows.map((r) => r.id)).size).toBe(45);
    const order = rows.map((r) => r.customer.companyName);
    expect(order).toEqual([...order].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(rows.filter((r) => r.managed)).toHaveLength(30);
    expect(rows.filter((r) => !r.managed).every((r) => r.supportContact)).toBe(true);
    expect((await findResellerSubscriptions(ctx, { relation: 'support' })).rows).toHaveLength(30);
    expect((await findResellerSubscriptions(ctx, { relation: 'managed' })).rows).toHaveLength(30);
    expect((await findResellerSubscriptions(ctx, { q: '| ltd' })).rows.map((r) => r.customer.companyName)).toEqual([
      'Co 00 | Ltd',
      'Co 00 | Ltd',
      'Co 05 | Ltd',
      'Co 10 | Ltd',
      'Co 10 | Ltd',
      'Co 15 | Ltd',
      'Co 20 | Ltd',
      'Co 20 | Ltd',
      'Co 25 | Ltd',
    ]);
  });

  it('pages of exactly 50 continue from a cursor whose customer name holds "|"', async () => {
    const { provider, resellerA } = await makeChannel();
    const offer = await makeOffer();
    for (let i = 0; i < 26; i++) {
      const customer = await makeCustomer(provider.id, resellerA.id, `Pipe|Co ${String(i).padStart(2, '0')}`);
      await makeSubscription(customer.id, resellerA.id, offer.id);
      await makeSubscription(customer.id, provider.id, offer.id);
    }
    const ctx = await makeCtx('ADMIN', { organizationId: resellerA.id });
    const first = await findResellerSubscriptions(ctx, {});
    expect(first.rows).toHaveLength(50);
    expect(first.nextCursor).toMatch(/^Pipe\|Co 24\|/);
    const second = await findResellerSubscriptions(ctx, { after: first.nextCursor! });
    expect(second.rows.map((r) => r.customer.companyName)).toEqual(['Pipe|Co 25', 'Pipe|Co 25']);
    expect(second.nextCursor).toBeNull();
  });
});
