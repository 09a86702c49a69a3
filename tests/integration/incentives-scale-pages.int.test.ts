import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg, makePartnership } from '../factories';
import { INCENTIVES_PAGE_SIZE } from '@/lib/reports/schemas';
import { getIncentivesExport } from '@/lib/reports/incentives/get-incentives-export';
import { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';
import { allPages, key, MONTH, totalsOf, world, type World } from './incentives-scale-helpers';

// The incentives report in keyset pages: the pages together hold exactly the
// rows of the whole month (the CSV export computes them in one statement, in
// the same order), the totals of the resellers on a page are over all their
// rows; one reseller's pages, by id, by MPN ID and in its own view.

beforeEach(resetDatabase);

describe('incentives report at scale: keyset pages by reseller', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
  });

  it('the pages together hold exactly the rows of the month, in order; each page’s totals cover all the rows of its resellers', async () => {
    const { rows: all } = await getIncentivesExport(w.ctx, { month: MONTH });
    // 6 resellers × 20 subscriptions, every 7th with two rows; Foxtrot (September
    // only) and the other provider's customer are out.
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

    // Not one of this provider's resellers (another provider's reseller, or no
    // one): a clear "unknown" and nothing else.
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
});
