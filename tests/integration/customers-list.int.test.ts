// The Customers list at size: keyset paging both ways (first, next, previous,
// last), the capped total, the reseller filter by id or MPN ID, and the search
// anywhere in the name or tenant domain with LIKE's wildcards taken literally.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeCustomer, makeOrg, makePartners, makePartnership } from '../factories';
import { db } from '@/lib/db';
import { SEARCH_WALK, findCustomers } from '@/lib/customers/find-customers';
import { COUNT_CAP, PAGE_SIZE } from '@/lib/customers/schemas';
import { FILTER_OPTIONS_MAX, findResellerFilter } from '@/lib/partnerships/list-reseller-options';

beforeEach(resetDatabase);

/** `n` customers of `providerId` in one statement, named "Bulk 0000" … (so name order is index order). */
async function bulkCustomers(providerId: string, n: number, managingResellerId: string | null = null) {
  const tag = Math.random().toString(36).slice(2, 8);
  await db().$executeRaw`
    INSERT INTO "Customer" (id, "companyName", "domainPrefix", "tenantDomain", "addressLine1", city, "postalCode", country,
                            "contactFirstName", "contactLastName", "contactEmail", "providerId", "managingResellerId", "updatedAt")
    SELECT 'bulk' || ${tag} || g, 'Bulk ' || lpad(g::text, 4, '0'), 'b' || ${tag} || g, 'b' || ${tag} || g || '.onmicrosoft.example',
           '1 Main St', 'Seattle', '98101', 'US', 'Pat', 'Doe', 'pat@test.example', ${providerId}, ${managingResellerId}, now()
      FROM generate_series(1, ${n}) g`;
}

describe('Customers list paging', () => {
  it('walks every customer once forwards, and the last page backwards gives the same pages', async () => {
    const { provider } = await makeChannel();
    await bulkCustomers(provider.id, 2 * PAGE_SIZE + 7);
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    const all = await db().customer.findMany({
      where: { providerId: provider.id },
      orderBy: [{ companyName: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    expect(all).toHaveLength(2 * PAGE_SIZE + 8);

    const first = await findCustomers(ctx, {});
    expect(first.rows).toHaveLength(PAGE_SIZE);
    expect(first.previousCursor).toBeNull();
    const second = await findCustomers(ctx, { after: first.nextCursor! });
    const third = await findCustomers(ctx, { after: second.nextCursor! });
    expect(third.nextCursor).toBeNull();
    expect([...first.rows, ...second.rows, ...third.rows].map((r) => r.id)).toEqual(all.map((r) => r.id));

    const last = await findCustomers(ctx, { last: '1' });
    expect(last.rows.map((r) => r.id)).toEqual(all.slice(-PAGE_SIZE).map((r) => r.id));
    expect(last.nextCursor).toBeNull();
    const beforeLast = await findCustomers(ctx, { before: last.previousCursor! });
    expect(beforeLast.rows.map((r) => r.id)).toEqual(all.slice(-2 * PAGE_SIZE, -PAGE_SIZE).map((r) => r.id));
    expect(beforeLast.nextCursor).toBe(beforeLast.rows.at(-1)!.id);
    // Previous from the second page is the first page.
    expect((await findCustomers(ctx, { before: second.previousCursor! })).rows.map((r) => r.id)).toEqual(
      first.rows.map((r) => r.id),
    );
  });

  it('counts exactly up to the cap and says "more" beyond it', async () => {
    const { provider } = await makeChannel();
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    expect(await findCustomers(ctx, {})).toMatchObject({ total: 1, totalCapped: false });
    await bulkCustomers(provider.id, COUNT_CAP + 5);
    const list = await findCustomers(ctx, {});
    expect(list).toMatchObject({ total: COUNT_CAP, totalCapped: true });
    expect(await findCustomers(ctx, { q: 'Bulk 000' })).toMatchObject({ total: 9, totalCapped: false });
  });

  it('a cursor outside the user’s customers gives an empty page, not a position', async () => {
    const a = await makeChannel();
    const b = await makeChannel();
    const ctx = await makeCtx('ADMIN', { organizationId: a.provider.id });
    const list = await findCustomers(ctx, { after: b.customer.id });
    expect(list.rows).toEqual([]);
    expect((await findCustomers(ctx, { before: b.customer.id })).rows).toEqual([]);
  });
});

describe('Customers list search past its bounded walk', () => {
  it('finds a page within the window, and goes on past the window when fewer than a page match there, both ways', async () => {
    const { provider } = await makeChannel();
    // "Bulk 0001" … in list order; the window from the start ends at "Bulk 3000" (after the channel's own customer).
    await bulkCustomers(provider.id, SEARCH_WALK + 20);
    const first = await makeCustomer(provider.id, null, 'Aardvark Rare Ltd');
    const beyond = await makeCustomer(provider.id, null, 'Zzyzx Rare Ltd');
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    const ids = async (q: string) =>
      (
        await db().customer.findMany({
          where: {
            providerId: provider.id,
            OR: [
              { companyName: { contains: q, mode: 'insensitive' } },
              { tenantDomain: { contains: q.toLowerCase() } },
            ],
          },
          orderBy: [{ companyName: 'asc' }, { id: 'asc' }],
          select: { id: true },
        })
      ).map((c) => c.id);
    // A rare word: one match inside the window, one far past it.
    expect((await findCustomers(ctx, { q: 'rare' })).rows.map((r) => r.id)).toEqual([first.id, beyond.id]);
    expect((await findCustomers(ctx, { q: 'rare', last: '1' })).rows.map((r) => r.id)).toEqual([first.id, beyond.id]);
    expect((await findCustomers(ctx, { q: 'rare', after: first.id })).rows.map((r) => r.id)).toEqual([beyond.id]);
    // Matches that start inside the window and go on past it.
    const tail = await ids('bulk 30');
    expect(tail).toHaveLength(21);
    expect(await findCustomers(ctx, { q: 'bulk 30' })).toMatchObject({ total: 21, totalCapped: false });
    expect((await findCustomers(ctx, { q: 'bulk 30' })).rows.map((r) => r.id)).toEqual(tail);
    // A common word: a full page from the window, then the next page from its cursor, and the last page backwards.
    const common = await ids('bulk 0');
    const page1 = await findCustomers(ctx, { q: 'bulk 0' });
    expect(page1.rows.map((r) => r.id)).toEqual(common.slice(0, PAGE_SIZE));
    expect((await findCustomers(ctx, { q: 'bulk 0', after: page1.nextCursor! })).rows.map((r) => r.id)).toEqual(
      common.slice(PAGE_SIZE, 2 * PAGE_SIZE),
    );
    expect((await findCustomers(ctx, { q: 'bulk 0', last: '1' })).rows.map((r) => r.id)).toEqual(
      common.slice(-PAGE_SIZE),
    );
    expect(await findCustomers(ctx, { q: 'nowhere at all' })).toMatchObject({ rows: [], total: 0, totalCapped: false });
  });
});

describe('Customers list filters', () => {
  it('searches inside the company name and the tenant domain; % and _ are plain characters', async () => {
    const { provider } = await makeChannel();
    const bank = await makeCustomer(provider.id, null, 'Woodgrove Bank');
    const pct = await makeCustomer(provider.id, null, 'Fifty%Off Ltd');
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    expect((await findCustomers(ctx, { q: 'dgrove b' })).rows.map((r) => r.id)).toEqual([bank.id]);
    expect((await findCustomers(ctx, { q: 'GROVE' })).rows.map((r) => r.id)).toEqual([bank.id]);
    expect(
      (await findCustomers(ctx, { q: bank.tenantDomain.slice(3, 12).toUpperCase() })).rows.map((r) => r.id),
    ).toEqual([bank.id]);
    expect((await findCustomers(ctx, { q: 'y%o' })).rows.map((r) => r.id)).toEqual([pct.id]);
    expect((await findCustomers(ctx, { q: '%' })).rows.map((r) => r.id)).toEqual([pct.id]);
    expect((await findCustomers(ctx, { q: 'W_odgrove' })).rows).toEqual([]);
  });

  it('filters by the managing reseller’s id or MPN ID, only among the provider’s partners', async () => {
    const { provider, resellerA, resellerB, customer } = await makeChannel();
    const other = await makeCustomer(provider.id, resellerB.id);
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    expect((await findCustomers(ctx, { reseller: resellerA.mpnId! })).rows.map((r) => r.id)).toEqual([customer.id]);
    expect((await findCustomers(ctx, { reseller: resellerB.id })).rows.map((r) => r.id)).toEqual([other.id]);
    const stranger = await makeOrg('INDIRECT_RESELLER');
    expect((await findResellerFilter(ctx, stranger.mpnId!)).selected).toBeNull();
    expect((await findResellerFilter(ctx, resellerA.mpnId!)).selected).toMatchObject({ id: resellerA.id });
    expect((await findResellerFilter(ctx, resellerB.id)).selected).toMatchObject({ id: resellerB.id });
  });

  it('lists the partners as options up to the maximum, and none beyond it (the filter becomes an MPN ID field)', async () => {
    const { provider } = await makeChannel();
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    expect((await findResellerFilter(ctx)).options).toHaveLength(2);
    await makePartners(provider.id, FILTER_OPTIONS_MAX - 2, 6_000_000);
    expect((await findResellerFilter(ctx)).options).toHaveLength(FILTER_OPTIONS_MAX);
    const one = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(provider.id, one.id);
    const many = await findResellerFilter(ctx, one.mpnId!);
    expect(many.options).toBeNull();
    expect(many.selected).toMatchObject({ id: one.id });
  });

  it('sends the page’s filter in the list’s own statement, the same as on its own, for every page of the list', async () => {
    const { provider, resellerA, resellerB } = await makeChannel();
    await bulkCustomers(provider.id, PAGE_SIZE + 3, resellerA.id);
    const ofB = await makeCustomer(provider.id, resellerB.id);
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    const stranger = await makeOrg('INDIRECT_RESELLER');
    for (const reseller of [undefined, resellerA.mpnId!, resellerB.id, stranger.mpnId!, stranger.id]) {
      const alone = await findResellerFilter(ctx, reseller);
      for (const search of [{}, { last: '1' }, { q: 'bulk' }]) {
        const list = await findCustomers(ctx, { ...search, reseller }, { filter: true });
        expect(list.filter).toEqual(alone);
        // The filter changes nothing in the list.
        expect({ ...list, filter: null }).toEqual(await findCustomers(ctx, { ...search, reseller }));
      }
    }
    expect((await findCustomers(ctx, {}, { filter: true })).filter!.options!.map((o) => o.id).sort()).toEqual(
      [resellerA.id, resellerB.id].sort(),
    );
    expect((await findCustomers(ctx, { reseller: resellerA.mpnId! }, { filter: true })).filter!.selected).toMatchObject(
      { id: resellerA.id, legalName: resellerA.legalName },
    );
    expect((await findCustomers(ctx, { reseller: stranger.mpnId! }, { filter: true })).filter!.selected).toBeNull();
    expect((await findCustomers(ctx, {})).filter).toBeNull();
    // Beyond the maximum, no options (an MPN ID field), and the reseller filtered by is still found.
    await makePartners(provider.id, FILTER_OPTIONS_MAX, 6_100_000);
    const many = await findCustomers(ctx, { reseller: resellerB.id }, { filter: true });
    expect(many.filter).toEqual({ options: null, selected: expect.objectContaining({ id: resellerB.id }) });
    expect(many.rows.map((r) => r.id)).toEqual([ofB.id]);
  });

  it('gives a reseller’s user no filter (not a provider), and its own customers', async () => {
    const { resellerA, customer } = await makeChannel();
    const ctx = await makeCtx('ADMIN', { organizationId: resellerA.id });
    const list = await findCustomers(ctx, {}, { filter: true });
    expect(list.filter).toEqual({ options: [], selected: null });
    expect(list.rows.map((r) => r.id)).toContain(customer.id);
  });
});
