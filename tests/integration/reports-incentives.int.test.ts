import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeCustomer, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { makeCreditedSubscription, makePeriod } from '../factories/reports';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { NotFound, Refused } from '@/lib/errors';
import { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';
import { listIncentiveResellers } from '@/lib/reports/incentives/list-incentive-resellers';
import { exportIncentivesCsv, INCENTIVES_CSV_COLUMNS } from '@/lib/reports/export-reports';

beforeEach(resetDatabase);
afterEach(() => clock.reset());

// The expected figures, computed here independently of the SQL:
// days = overlap of [start, end) with the UTC calendar month, in days;
// earned (minor units) = licences × unit price × rate × days ÷ days in month.
const DAY = 86_400_000;
function expected(
  start: string,
  end: string | Date,
  month: string,
  quantity: number,
  unitPriceMinor: number,
  rateBps: number,
) {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const ms = Date.UTC(y, m - 1, 1);
  const me = Date.UTC(y, m, 1);
  const s = Math.max(Date.parse(start), ms);
  const e = Math.min(end instanceof Date ? end.getTime() : Date.parse(end), me);
  const days = Math.max(0, e - s) / DAY;
  const daysInMonth = (me - ms) / DAY;
  return { days, earnedMinor: (quantity * unitPriceMinor * (rateBps / 10_000) * days) / daysInMonth };
}

async function setup() {
  const { provider, resellerA, resellerB, customer } = await makeChannel();
  const offers = await makeDemoOffers();
  const basic = await db().offer.update({ where: { id: offers.basic.id }, data: { incentiveRateBps: 1500 } });
  const azure = await db().offer.update({ where: { id: offers.azure.id }, data: { incentiveRateBps: 1000 } });
  const sub = await makeCreditedSubscription(customer.id, provider.id, basic, resellerB.id, 15);
  // A with 10 licences from 20 September noon, 15 licences from 10 October, then B from 20 October 06:00 (open).
  await makePeriod(sub.id, resellerA.id, basic, 10, '2026-09-20T12:00:00Z', '2026-10-10T00:00:00Z');
  await makePeriod(sub.id, resellerA.id, basic, 15, '2026-10-10T00:00:00Z', '2026-10-20T06:00:00Z');
  await makePeriod(sub.id, resellerB.id, basic, 15, '2026-10-20T06:00:00Z', null);
  const azureSub = await makeCreditedSubscription(customer.id, provider.id, azure, resellerA.id, 1);
  await makePeriod(azureSub.id, resellerA.id, azure, 1, '2026-10-05T00:00:00Z', null);
  return { provider, resellerA, resellerB, customer, basic, azure, sub, azureSub };
}

describe('R8 incentives report', () => {
  it('computes days and earned amounts per reseller, month and subscription, one row per licences/price/rate', async () => {
    const { provider, resellerA, resellerB, sub, basic, azureSub } = await setup();
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    const report = await getIncentivesReport(ctx, { month: '2026-10' });
    expect(report.month).toBe('2026-10');
    const a10 = report.rows.find(
      (r) => r.resellerId === resellerA.id && r.subscriptionId === sub.id && r.quantity === 10,
    )!;
    const a15 = report.rows.find(
      (r) => r.resellerId === resellerA.id && r.subscriptionId === sub.id && r.quantity === 15,
    )!;
    const b15 = report.rows.find((r) => r.resellerId === resellerB.id)!;
    const e10 = expected('2026-09-20T12:00:00Z', '2026-10-10T00:00:00Z', '2026-10', 10, 600, 1500);
    const e15 = expected('2026-10-10T00:00:00Z', '2026-10-20T06:00:00Z', '2026-10', 15, 600, 1500);
    const eB = expected('2026-10-20T06:00:00Z', clock.now(), '2026-10', 15, 600, 1500);
    expect(e10.days).toBe(9);
    expect(a10.days).toBeCloseTo(e10.days, 6);
    expect(a10.earnedMinor).toBeCloseTo(e10.earnedMinor, 6); // 10 × 6.00 × 15 % × 9/31 = 2.61 USD
    expect(a15.days).toBeCloseTo(10.25, 6);
    expect(a15.earnedMinor).toBeCloseTo(e15.earnedMinor, 6);
    expect(b15.days).toBeCloseTo(eB.days, 6); // 11.75: the open period is inside October, before now
    expect(b15.earnedMinor).toBeCloseTo(eB.earnedMinor, 6);
    expect(a10).toMatchObject({
      unitPriceMinor: basic.unitPriceMinor,
      incentiveRateBps: 1500,
      currency: 'USD',
      offerName: 'Microsoft 365 Business Basic',
    });
    // The Azure plan is usage-based at price 0: it shows, and earns nothing.
    const azureRow = report.rows.find((r) => r.subscriptionId === azureSub.id)!;
    expect(azureRow.days).toBeCloseTo(27, 6);
    expect(azureRow.earnedMinor).toBe(0);
    // Totals per reseller.
    expect(report.totals.find((t) => t.resellerId === resellerA.id)!.earnedMinor).toBeCloseTo(
      e10.earnedMinor + e15.earnedMinor,
      6,
    );
    expect(report.totals.find((t) => t.resellerId === resellerB.id)!.earnedMinor).toBeCloseTo(eB.earnedMinor, 6);
    expect(report.rows).toHaveLength(4);

    // September: only A's first period, 10.5 days of 30.
    const september = await getIncentivesReport(ctx, { month: '2026-09' });
    expect(september.rows).toHaveLength(1);
    const e9 = expected('2026-09-20T12:00:00Z', '2026-10-10T00:00:00Z', '2026-09', 10, 600, 1500);
    expect(september.rows[0]!.days).toBeCloseTo(10.5, 6);
    expect(september.rows[0]!.earnedMinor).toBeCloseTo(e9.earnedMinor, 6);

    // The provider's reseller filter.
    const onlyB = await getIncentivesReport(ctx, { month: '2026-10', reseller: resellerB.id });
    expect(onlyB.rows.map((r) => r.resellerId)).toEqual([resellerB.id]);
    expect((await listIncentiveResellers(ctx)).map((r) => r.id).sort()).toEqual([resellerA.id, resellerB.id].sort());
    // The page's filter: both resellers listed, the count not capped; all the rows on one page.
    expect(report.resellers).toMatchObject({ count: 2, capped: false });
    expect(report.resellers!.options!.map((r) => r.id).sort()).toEqual([resellerA.id, resellerB.id].sort());
    expect(report.nextCursor).toBeNull();
  });

  it('an open period counts until now (clock), in the current month by default', async () => {
    const { provider, resellerB } = await setup();
    clock.advance(Date.parse('2027-01-15T00:00:00Z') - Date.now());
    const report = await getIncentivesReport(await makeCtx('ADMIN', { organizationId: provider.id }), {});
    expect(report.month).toBe('2027-01');
    const b = report.rows.find((r) => r.resellerId === resellerB.id)!;
    expect(b.days).toBeCloseTo(14, 4);
    expect(b.earnedMinor).toBeCloseTo((15 * 600 * 0.15 * 14) / 31, 2);
    // A month entirely in the future has nothing yet.
    expect(
      (await getIncentivesReport(await makeCtx('ADMIN', { organizationId: provider.id }), { month: '2027-03' })).rows,
    ).toEqual([]);
  });

  it('a reseller sees its own periods, even after losing the customer, and nothing of other resellers', async () => {
    const { provider, resellerA, resellerB, customer, sub } = await setup();
    // A no longer manages the customer and its partnership has ended: the history stays.
    await db().customer.update({ where: { id: customer.id }, data: { managingResellerId: resellerB.id } });
    await db().partnership.updateMany({
      where: { providerId: provider.id, resellerId: resellerA.id },
      data: { state: 'ENDED', activeMarker: null, endedAt: new Date() },
    });
    const a = await makeCtx('SALES_AGENT', { organizationId: resellerA.id });
    const report = await getIncentivesReport(a, { month: '2026-10' });
    expect(new Set(report.rows.map((r) => r.resellerId))).toEqual(new Set([resellerA.id]));
    expect(report.rows.filter((r) => r.subscriptionId === sub.id)).toHaveLength(2);
    expect(report.totals).toHaveLength(1);
    expect(report.resellers).toBeNull();
    // Asking for another reseller's figures: not found.
    await expect(getIncentivesReport(a, { month: '2026-10', reseller: resellerB.id })).rejects.toBeInstanceOf(NotFound);
    expect(await listIncentiveResellers(a)).toEqual([]);
    const b = await getIncentivesReport(await makeCtx('ADMIN', { organizationId: resellerB.id }), { month: '2026-10' });
    expect(b.rows.map((r) => r.resellerId)).toEqual([resellerB.id]);
  });

  it('wrong tenant: another provider and its resellers never see these periods, nor these resellers theirs', async () => {
    const { provider, resellerA } = await setup();
    const other = await makeOrg('INDIRECT_PROVIDER');
    const otherReseller = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(other.id, otherReseller.id);
    // Reseller A also works with the other provider: that provider sees only its own customer's period of A.
    await makePartnership(other.id, resellerA.id);
    const offers = await makeDemoOffers();
    const otherCustomer = await makeCustomer(other.id, otherReseller.id);
    const otherSub = await makeCreditedSubscription(otherCustomer.id, other.id, offers.basic, otherReseller.id, 3);
    await makePeriod(otherSub.id, otherReseller.id, offers.basic, 3, '2026-10-01T00:00:00Z', null);
    const aSub = await makeCreditedSubscription(otherCustomer.id, other.id, offers.standard, resellerA.id, 2);
    await makePeriod(aSub.id, resellerA.id, offers.standard, 2, '2026-10-01T00:00:00Z', '2026-10-02T00:00:00Z');

    const mine = await getIncentivesReport(await makeCtx('ADMIN', { organizationId: provider.id }), {
      month: '2026-10',
    });
    expect(mine.rows.some((r) => r.subscriptionId === otherSub.id || r.subscriptionId === aSub.id)).toBe(false);
    expect(
      (
        await getIncentivesReport(await makeCtx('ADMIN', { organizationId: provider.id }), {
          month: '2026-10',
          reseller: otherReseller.id,
        })
      ).rows,
    ).toEqual([]);
    const theirs = await getIncentivesReport(await makeCtx('ADMIN', { organizationId: other.id }), {
      month: '2026-10',
    });
    expect(theirs.rows.map((r) => r.subscriptionId).sort()).toEqual([otherSub.id, aSub.id].sort());
    const otherResellerView = await getIncentivesReport(await makeCtx('ADMIN', { organizationId: otherReseller.id }), {
      month: '2026-10',
    });
    expect(otherResellerView.rows.map((r) => r.subscriptionId)).toEqual([otherSub.id]);
    // Reseller A sees its periods with both providers.
    const a = await getIncentivesReport(await makeCtx('ADMIN', { organizationId: resellerA.id }), { month: '2026-10' });
    expect(a.rows.some((r) => r.subscriptionId === aSub.id && r.providerName === other.legalName)).toBe(true);
  });

  it('wrong role: vendor staff, helpdesk agents, customers and pending partners are refused', async () => {
    const { provider, customer } = await setup();
    const vendor = await makeOrg('VENDOR');
    const pending = await makeOrg('INDIRECT_RESELLER', { status: 'PENDING' });
    for (const ctx of [
      await makeCtx('VENDOR_ADMIN', { organizationId: vendor.id }),
      await makeCtx('HELPDESK_AGENT', { organizationId: provider.id }),
      await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id }),
      await makeCtx('ADMIN', { organizationId: pending.id }),
    ]) {
      await expect(getIncentivesReport(ctx, { month: '2026-10' })).rejects.toBeInstanceOf(Refused);
      await expect(exportIncentivesCsv(ctx, { month: '2026-10' }, [...INCENTIVES_CSV_COLUMNS])).rejects.toBeInstanceOf(
        Refused,
      );
    }
  });

  it('the CSV export holds the same rows, a header, and neutralises formula cells', async () => {
    const { provider, resellerA, basic } = await setup();
    const evil = await makeCustomer(provider.id, resellerA.id, '=HYPERLINK("http://evil.example","x")');
    const sub = await makeCreditedSubscription(evil.id, provider.id, basic, resellerA.id, 4);
    await makePeriod(sub.id, resellerA.id, basic, 4, '2026-10-01T00:00:00Z', '2026-10-11T00:00:00Z');
    const { fileName, body } = await exportIncentivesCsv(
      await makeCtx('ADMIN', { organizationId: provider.id }),
      { month: '2026-10' },
      [...INCENTIVES_CSV_COLUMNS],
    );
    expect(fileName).toBe('incentives-2026-10.csv');
    const lines = body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(INCENTIVES_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 5);
    const evilLine = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(evilLine).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    // 4 × 6.00 × 15 % × 10/31 = 1.16
    expect(evilLine).toContain(`,4,6.00,USD,15.00%,`);
    expect(evilLine.endsWith(`,10.00,${((4 * 600 * 0.15 * 10) / 31 / 100).toFixed(2)}`)).toBe(true);
  });
});
