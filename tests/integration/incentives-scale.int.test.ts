import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import {
  INCENTIVES_FILTER_OPTIONS,
  INCENTIVES_RESELLER_COUNT_CAP,
  INCENTIVES_WALK,
  type IncentiveRow,
} from '@/lib/reports/incentives/sql';
import { getIncentivesExport } from '@/lib/reports/incentives/get-incentives-export';
import { getIncentivesReport, incentivesSql } from '@/lib/reports/incentives/get-incentives-report';
import { INCENTIVES_PAGE_SIZE, type IncentivesInput } from '@/lib/reports/schemas';

// The incentives report in keyset pages: the pages together hold exactly the
// rows of the whole month (the CSV export computes them in one statement, in
// the same order), the totals of the resellers on a page are over all their
// rows, the count of resellers is capped, and a page reads only the resellers
// it shows.

beforeEach(resetDatabase);

const MONTH = '2026-10';
let seq = 0;
const mpnOf = () => String(8_000_000 + seq++);

type World = Awaited<ReturnType<typeof world>>;

/**
 * A provider with 7 resellers (two with the same legal name), each crediting
 * 20 subscriptions of 4 customers in October 2026 (Charlie 60, more than a
 * page), some with a licence change
 * on 10 October (two rows), one reseller partly in EUR; Delta's partnership
 * has ended (history stays); Foxtrot has periods in September only; Alpha
 * also works for another provider (not in this provider's report).
 */
async function world() {
  const provider = await makeOrg('INDIRECT_PROVIDER', { legalName: 'Scale Provider' });
  const other = await makeOrg('INDIRECT_PROVIDER', { legalName: 'Other Provider' });
  const offers = await makeDemoOffers();
  const basic = await db().offer.update({ where: { id: offers.basic.id }, data: { incentiveRateBps: 1500 } });
  const standard = await db().offer.update({ where: { id: offers.standard.id }, data: { incentiveRateBps: 1000 } });
  const euro = await db().offer.create({
    data: {
      sku: `EUR-${mpnOf()}`,
      name: 'Business Basic (EUR)',
      billingFrequency: 'MONTHLY',
      termMonths: 1,
      unitPriceMinor: 550,
      currency: 'EUR',
      incentiveRateBps: 1200,
    },
  });
  const names = [
    'Alpha Partners',
    'Bravo IT',
    'Bravo IT',
    'Charlie Cloud',
    'Delta Systems',
    'Echo Services',
    'Foxtrot Tech',
  ];
  const resellers: Awaited<ReturnType<typeof makeOrg>>[] = [];
  for (const legalName of names) resellers.push(await makeOrg('INDIRECT_RESELLER', { legalName }));
  for (const r of resellers) await makePartnership(provider.id, r.id);
  const delta = resellers[4]!;
  await db().partnership.updateMany({
    where: { providerId: provider.id, resellerId: delta.id },
    data: { state: 'ENDED', activeMarker: null, endedAt: new Date('2026-10-25T00:00:00Z') },
  });
  await makePartnership(other.id, resellers[0]!.id);

  const customers = await db().customer.createManyAndReturn({
    data: resellers.flatMap((r, i) =>
      [0, 1, 2, 3].map((k) => {
        const prefix = `s${i}k${k}${mpnOf()}`;
        return {
          companyName: `Customer ${String.fromCharCode(90 - ((i * 7 + k * 3) % 26))}${k} ${i}`,
          domainPrefix: prefix,
          tenantDomain: `${prefix}.onmicrosoft.example`,
          addressLine1: '1 Main St',
          city: 'Seattle',
          postalCode: '98101',
          country: 'US',
          contactFirstName: 'Pat',
          contactLastName: 'Doe',
          contactEmail: 'pat@test.example',
          providerId: provider.id,
          managingResellerId: r.id,
        };
      }),
    ),
  });
  const otherPrefix = `o${mpnOf()}`;
  const otherCustomer = await db().customer.create({
    data: {
      companyName: 'Other Customer',
      domainPrefix: otherPrefix,
      tenantDomain: `${otherPrefix}.onmicrosoft.example`,
      addressLine1: '1 Main St',
      city: 'Seattle',
      postalCode: '98101',
      country: 'US',
      contactFirstName: 'Pat',
      contactLastName: 'Doe',
      contactEmail: 'pat@test.example',
      providerId: other.id,
      managingResellerId: resellers[0]!.id,
    },
  });

  const subs: { customerId: string; resellerIndex: number; offer: typeof basic; quantity: number }[] = [];
  customers.forEach((c, index) => {
    const resellerIndex = Math.floor(index / 4);
    for (let j = 0; j < (resellerIndex === 3 ? 15 : 5); j++) {
      const offer = resellerIndex === 5 && j % 2 === 0 ? euro : j % 3 === 0 ? standard : basic;
      subs.push({ customerId: c.id, resellerIndex, offer, quantity: 1 + ((index * 5 + j) % 17) });
    }
  });
  const now = new Date();
  const created = await db().subscription.createManyAndReturn({
    data: [
      ...subs.map((s) => ({
        customerId: s.customerId,
        offerId: s.offer.id,
        quantity: s.quantity,
        purchasedAt: now,
        termStartedAt: now,
        supportContactOrgId: provider.id,
        resellerId: resellers[s.resellerIndex]!.id,
      })),
      {
        customerId: otherCustomer.id,
        offerId: basic.id,
        quantity: 3,
        purchasedAt: now,
        termStartedAt: now,
        supportContactOrgId: other.id,
        resellerId: resellers[0]!.id,
      },
    ],
    select: { id: true },
  });
  const periods: object[] = [];
  const period = (
    subscriptionId: string,
    resellerId: string,
    offer: typeof basic,
    quantity: number,
    startedAt: string,
    endedAt: string | null,
  ) =>
    periods.push({
      subscriptionId,
      resellerId,
      offerId: offer.id,
      quantity,
      unitPriceMinor: offer.unitPriceMinor,
      currency: offer.currency,
      incentiveRateBps: offer.incentiveRateBps,
      startedAt: new Date(startedAt),
      endedAt: endedAt ? new Date(endedAt) : null,
    });
  subs.forEach((s, index) => {
    const id = created[index]!.id;
    const r = resellers[s.resellerIndex]!;
    if (s.resellerIndex === 6) {
      period(id, r.id, s.offer, s.quantity, '2026-09-03T00:00:00Z', '2026-09-28T00:00:00Z'); // Foxtrot: September only
    } else if (index % 7 === 0) {
      period(id, r.id, s.offer, s.quantity, '2026-09-15T00:00:00Z', '2026-10-10T00:00:00Z');
      period(id, r.id, s.offer, s.quantity + 2, '2026-10-10T00:00:00Z', '2026-10-25T12:00:00Z');
    } else {
      period(
        id,
        r.id,
        s.offer,
        s.quantity,
        `2026-10-${String(1 + (index % 20)).padStart(2, '0')}T06:00:00Z`,
        index % 3 === 0 ? '2026-10-28T00:00:00Z' : '2026-11-02T00:00:00Z',
      );
    }
  });
  period(created[created.length - 1]!.id, resellers[0]!.id, basic, 3, '2026-10-01T00:00:00Z', '2026-10-31T00:00:00Z');
  await db().subscriptionResellerAssociation.createMany({ data: periods as never });
  return { provider, other, resellers, ctx: await makeCtx('ADMIN', { organizationId: provider.id }) };
}

/** Every page of the report, following "Next page". */
async function allPages(ctx: Ctx, input: IncentivesInput) {
  const pages = [];
  let after: string | undefined;
  for (let i = 0; i < 50; i++) {
    const page = await getIncentivesReport(ctx, { ...input, after });
    pages.push(page);
    if (!page.nextCursor) return pages;
    after = page.nextCursor;
  }
  throw new Error('the pages never end');
}

const key = (r: IncentiveRow) =>
  [r.resellerId, r.customerId, r.subscriptionId, r.quantity, r.currency, r.from.toISOString(), r.to.toISOString()].join(
    ' ',
  );

function totalsOf(rows: IncentiveRow[]) {
  const sums = new Map<string, number>();
  for (const r of rows)
    sums.set(`${r.resellerId} ${r.currency}`, (sums.get(`${r.resellerId} ${r.currency}`) ?? 0) + r.earnedMinor);
  return sums;
}

describe('incentives report at scale: keyset pages by reseller', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('the pages together hold exactly the rows of the month, in order; each page’s totals cover all the rows of its resellers', async () => {
    const { rows: all } = await getIncentivesExport(w.ctx, { month: MONTH });
    // 6 resellers × 20 subscriptions, every 7th with two rows; Foxtrot (September only) and the other provider's customer are out.
    expect(all.length).toBeGreaterThan(2 * INCENTIVES_PAGE_SIZE);
    expect(new Set(all.map((r) => r.resellerId)).size).toBe(6);
    expect(all.some((r) => r.resellerId === w.resellers[6]!.id)).toBe(false);
    expect(all.some((r) => r.resellerId === w.resellers[4]!.id)).toBe(true); // ended partnership: history stays
    expect(all.some((r) => r.providerName === w.other.legalName)).toBe(false);

    const pages = await allPages(w.ctx, { month: MONTH });
    expect(pages.length).toBe(Math.ceil(all.length / INCENTIVES_PAGE_SIZE));
    for (const page of pages.slice(0, -1)) expect(page.rows).toHaveLength(INCENTIVES_PAGE_SIZE);
    const paged = pages.flatMap((p) => p.rows);
    expect(paged.map(key)).toEqual(all.map(key));
    paged.forEach((r, i) => {
      expect(r.days).toBeCloseTo(all[i]!.days, 9);
      expect(r.earnedMinor).toBeCloseTo(all[i]!.earnedMinor, 9);
      expect(r).toMatchObject({
        resellerName: all[i]!.resellerName,
        customerName: all[i]!.customerName,
        offerName: all[i]!.offerName,
        providerName: w.provider.legalName,
      });
    });
    // The two resellers named "Bravo IT" are told apart (ordered by id), never mixed.
    const bravo = paged.filter((r) => r.resellerName === 'Bravo IT').map((r) => r.resellerId);
    expect(bravo).toEqual([...bravo].sort());

    const expected = totalsOf(all);
    for (const page of pages) {
      const shown = new Set(page.rows.map((r) => r.resellerId));
      expect(new Set(page.totals.map((t) => t.resellerId))).toEqual(shown);
      // Every currency of every reseller shown, even one whose rows in it are on another page.
      const keys = [...expected.keys()].filter((k) => shown.has(k.split(' ')[0]!));
      expect(page.totals.map((t) => `${t.resellerId} ${t.currency}`).sort()).toEqual(keys.sort());
      for (const t of page.totals) expect(t.earnedMinor).toBeCloseTo(expected.get(`${t.resellerId} ${t.currency}`)!, 6);
    }
    // A reseller whose rows run over two pages has the same totals on both.
    const first = pages[0]!;
    const second = pages[1]!;
    const across = first.rows[first.rows.length - 1]!.resellerId;
    expect(second.rows[0]!.resellerId).toBe(across);
    expect(second.totals.filter((t) => t.resellerId === across)).toEqual(
      first.totals.filter((t) => t.resellerId === across),
    );
    // Echo earns in USD and EUR.
    expect(
      pages
        .flatMap((p) => p.totals)
        .filter((t) => t.resellerId === w.resellers[5]!.id)
        .map((t) => t.currency)
        .sort(),
    ).toEqual(['EUR', 'USD']);
  });

  it('one reseller by id or by MPN ID, an unknown MPN ID, and the reseller’s own view page the same way', async () => {
    const { rows: all } = await getIncentivesExport(w.ctx, { month: MONTH });
    // Charlie alone runs over two pages, with its totals on both.
    const charlie = w.resellers[3]!;
    const charliePages = await allPages(w.ctx, { month: MONTH, reseller: charlie.id });
    expect(charliePages).toHaveLength(2);
    expect(charliePages.flatMap((p) => p.rows).map(key)).toEqual(
      all.filter((r) => r.resellerId === charlie.id).map(key),
    );
    expect(charliePages[1]!.totals).toEqual(charliePages[0]!.totals);
    const charlieCtx = await makeCtx('SALES_AGENT', { organizationId: charlie.id });
    expect((await allPages(charlieCtx, { month: MONTH })).flatMap((p) => p.rows).map(key)).toEqual(
      all.filter((r) => r.resellerId === charlie.id).map(key),
    );

    const echo = w.resellers[5]!;
    const byId = (await allPages(w.ctx, { month: MONTH, reseller: echo.id })).flatMap((p) => p.rows);
    expect(byId.map(key)).toEqual(all.filter((r) => r.resellerId === echo.id).map(key));
    const byMpn = await getIncentivesReport(w.ctx, { month: MONTH, mpn: echo.mpnId! });
    expect(byMpn.selected).toEqual({ id: echo.id, legalName: echo.legalName, mpnId: echo.mpnId });
    expect(byMpn.unknownReseller).toBe(false);
    expect(byMpn.rows.map(key)).toEqual(byId.slice(0, INCENTIVES_PAGE_SIZE).map(key));

    // Not one of this provider's resellers (another provider's reseller, or no one): a clear "unknown" and nothing else.
    const stranger = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(w.other.id, stranger.id);
    for (const mpn of [stranger.mpnId!, '9999999']) {
      const unknown = await getIncentivesReport(w.ctx, { month: MONTH, mpn });
      expect(unknown).toMatchObject({ unknownReseller: true, selected: null, rows: [], totals: [], nextCursor: null });
    }

    // Alpha's own view: its periods with both providers, in pages.
    const alpha = w.resellers[0]!;
    const alphaCtx = await makeCtx('ADMIN', { organizationId: alpha.id });
    const own = await allPages(alphaCtx, { month: MONTH });
    expect(own[0]!.resellers).toBeNull();
    const ownRows = own.flatMap((p) => p.rows);
    const { rows: ownAll } = await getIncentivesExport(alphaCtx, { month: MONTH });
    expect(ownRows.map(key)).toEqual(ownAll.map(key));
    expect(new Set(ownRows.map((r) => r.providerName))).toEqual(new Set([w.provider.legalName, w.other.legalName]));
    // An MPN ID is not a reseller's filter: ignored, never another reseller's figures.
    const ignored = await getIncentivesReport(alphaCtx, { month: MONTH, mpn: echo.mpnId! });
    expect(new Set(ignored.rows.map((r) => r.resellerId))).toEqual(new Set([alpha.id]));
  });

  it('the count of resellers is capped; the filter lists them up to 100, beyond that it takes an MPN ID', async () => {
    let report = await getIncentivesReport(w.ctx, { month: MONTH });
    expect(report.resellers).toMatchObject({ count: 7, capped: false });
    expect(report.resellers!.options!.map((o) => o.id)).toEqual(
      [...w.resellers]
        .sort((a, b) => (a.legalName === b.legalName ? (a.id < b.id ? -1 : 1) : a.legalName < b.legalName ? -1 : 1))
        .map((r) => r.id),
    );

    const addResellers = async (n: number) => {
      const made = await db().organization.createManyAndReturn({
        data: Array.from({ length: n }, () => ({
          kind: 'INDIRECT_RESELLER' as const,
          legalName: `Zulu Reseller ${mpnOf()}`,
          mpnId: mpnOf(),
          country: 'US',
          status: 'ACTIVE' as const,
        })),
        select: { id: true },
      });
      await db().partnership.createMany({ data: made.map((r) => ({ providerId: w.provider.id, resellerId: r.id })) });
    };
    await addResellers(INCENTIVES_FILTER_OPTIONS - 7);
    report = await getIncentivesReport(w.ctx, { month: MONTH });
    expect(report.resellers).toMatchObject({ count: INCENTIVES_FILTER_OPTIONS, capped: false });
    expect(report.resellers!.options).toHaveLength(INCENTIVES_FILTER_OPTIONS);

    await addResellers(1);
    report = await getIncentivesReport(w.ctx, { month: MONTH });
    expect(report.resellers).toEqual({ count: INCENTIVES_RESELLER_COUNT_CAP, capped: true, options: null });
    await addResellers(500);
    report = await getIncentivesReport(w.ctx, { month: MONTH });
    expect(report.resellers).toEqual({ count: INCENTIVES_RESELLER_COUNT_CAP, capped: true, options: null });
    // The rows are the same as before: resellers without periods in the month add none.
    const { rows: all } = await getIncentivesExport(w.ctx, { month: MONTH });
    expect((await allPages(w.ctx, { month: MONTH })).flatMap((p) => p.rows).map(key)).toEqual(all.map(key));
  });

  it('a page reads only the resellers it shows, and a month with few rows walks a bounded number of resellers per page', async () => {
    await db().$executeRawUnsafe('ANALYZE');
    const explain = async (input: IncentivesInput) => {
      const sql = incentivesSql(w.ctx, input, new Date());
      const [row] = await db().$queryRawUnsafe<{ 'QUERY PLAN': unknown }[]>(
        `EXPLAIN (ANALYZE, FORMAT JSON) ${sql.text}`,
        ...sql.values,
      );
      // The number of times the periods of one reseller were read.
      let loops = 0;
      const walk = (node: Record<string, unknown>) => {
        if (node['Relation Name'] === 'SubscriptionResellerAssociation') loops += Number(node['Actual Loops']);
        for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
      };
      walk((row!['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0]!.Plan);
      return loops;
    };
    // The first page (51 rows with the one that tells a next page exists) is filled by the first 3 resellers of
    // the 6 with rows (about 22 rows each); the sort reads one more to see where the third one's rows end.
    expect(await explain({ month: MONTH })).toBeLessThanOrEqual(4);

    // 600 resellers without periods, named so that they come first: a page walks at most INCENTIVES_WALK of them,
    // then goes on after the last one walked.
    const made = await db().organization.createManyAndReturn({
      data: Array.from({ length: INCENTIVES_WALK + 100 }, (_, i) => ({
        kind: 'INDIRECT_RESELLER' as const,
        legalName: `Aaa Idle ${String(i).padStart(4, '0')}`,
        mpnId: mpnOf(),
        country: 'US',
        status: 'ACTIVE' as const,
      })),
      select: { id: true },
    });
    await db().partnership.createMany({ data: made.map((r) => ({ providerId: w.provider.id, resellerId: r.id })) });
    await db().$executeRawUnsafe('ANALYZE');
    expect(await explain({ month: MONTH })).toBeLessThanOrEqual(INCENTIVES_WALK);
    const first = await getIncentivesReport(w.ctx, { month: MONTH });
    expect(first).toMatchObject({ rows: [], partial: true });
    expect(first.nextCursor).toMatch(/\.0$/);
    const { rows: all } = await getIncentivesExport(w.ctx, { month: MONTH });
    const pages = await allPages(w.ctx, { month: MONTH });
    expect(pages.flatMap((p) => p.rows).map(key)).toEqual(all.map(key));
  });
});
