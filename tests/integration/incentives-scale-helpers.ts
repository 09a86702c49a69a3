import { customerFields, makeCtx, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import type { IncentiveRow } from '@/lib/reports/incentives/sql';
import { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';
import type { IncentivesInput } from '@/lib/reports/schemas';

// The world of the incentives report's scale tests (incentives-scale-*.int.test.ts)
// and what they compare pages by.

export const MONTH = '2026-10';
let seq = 0;
export const mpnOf = () => String(8_000_000 + seq++);

export type World = Awaited<ReturnType<typeof world>>;

/**
 * A provider with 7 resellers (two with the same legal name), each crediting
 * 20 subscriptions of 4 customers in October 2026 (Charlie 60, more than a
 * page), some with a licence change
 * on 10 October (two rows), one reseller partly in EUR; Delta's partnership
 * has ended (history stays); Foxtrot has periods in September only; Alpha
 * also works for another provider (not in this provider's report).
 */
export async function world() {
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
          ...customerFields(prefix),
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
      ...customerFields(otherPrefix),
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
export async function allPages(ctx: Ctx, input: IncentivesInput) {
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

export const key = (r: IncentiveRow) =>
  [r.resellerId, r.customerId, r.subscriptionId, r.quantity, r.currency, r.from.toISOString(), r.to.toISOString()].join(
    ' ',
  );

export function totalsOf(rows: IncentiveRow[]) {
  const sums = new Map<string, number>();
  for (const r of rows)
    sums.set(`${r.resellerId} ${r.currency}`, (sums.get(`${r.resellerId} ${r.currency}`) ?? 0) + r.earnedMinor);
  return sums;
}
