// query(sql, { plan: 'reuse' }): a named prepared statement per SQL text on
// each pooled connection, its plan possibly kept (generic) after five runs.
// The answers must be those of the values bound each time, whoever ran the
// statement before on that connection, and two texts never share a name.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { makeCreditedSubscription, makePeriod } from '../factories/reports';
import { query, rowLimit, timestampLiteral } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { findCustomers } from '@/lib/customers/find-customers';
import { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';

beforeEach(resetDatabase);

describe('statements with reused plans', () => {
  it('answer each run for its own values, past the runs after which PostgreSQL may keep a generic plan', async () => {
    const providers = await Promise.all([makeOrg('INDIRECT_PROVIDER'), makeOrg('INDIRECT_PROVIDER')]);
    const mine = new Map<string, string[]>();
    for (const [i, p] of providers.entries()) {
      const ids: string[] = [];
      for (let k = 0; k <= i; k++) ids.push((await makeCustomer(p.id, null)).id);
      mine.set(p.id, ids.sort());
    }
    const ctxs = await Promise.all(providers.map((p) => makeCtx('ADMIN', { organizationId: p.id })));
    // Twelve rounds each, interleaved, so every pooled connection runs both users' values many times.
    for (let round = 0; round < 12; round++) {
      for (const [i, ctx] of ctxs.entries()) {
        const list = await findCustomers(ctx, {});
        expect(list.rows.map((r) => r.id).sort(), `round ${round}, provider ${i}`).toEqual(mine.get(providers[i]!.id));
        expect(list.total).toBe(i + 1);
      }
    }
  });

  it("incentives: each provider gets only its own customers' periods of a shared reseller, and each month its own, run after run", async () => {
    const [p1, p2, reseller] = await Promise.all([
      makeOrg('INDIRECT_PROVIDER'),
      makeOrg('INDIRECT_PROVIDER'),
      makeOrg('INDIRECT_RESELLER'),
    ]);
    await Promise.all([makePartnership(p1.id, reseller.id), makePartnership(p2.id, reseller.id)]);
    const { basic } = await makeDemoOffers();
    // p1's customer: 10 licences in October; p2's: 20 licences in October and 30 in September.
    const period = async (providerId: string, quantity: number, from: string, to: string) => {
      const customer = await makeCustomer(providerId, reseller.id);
      const sub = await makeCreditedSubscription(customer.id, providerId, basic, reseller.id, quantity);
      await makePeriod(sub.id, reseller.id, basic, quantity, from, to);
    };
    await period(p1.id, 10, '2026-10-01T00:00:00Z', '2026-10-11T00:00:00Z');
    await period(p2.id, 20, '2026-10-01T00:00:00Z', '2026-10-11T00:00:00Z');
    await period(p2.id, 30, '2026-09-01T00:00:00Z', '2026-09-11T00:00:00Z');
    const ctxs = await Promise.all([p1, p2].map((p) => makeCtx('ADMIN', { organizationId: p.id })));
    const expected = [
      { '2026-10': [10], '2026-09': [] },
      { '2026-10': [20], '2026-09': [30] },
    ] as const;
    for (let round = 0; round < 12; round++) {
      for (const [i, ctx] of ctxs.entries()) {
        for (const month of ['2026-10', '2026-09'] as const) {
          const report = await getIncentivesReport(ctx, { month });
          expect(
            report.rows.map((r) => r.quantity),
            `round ${round}, provider ${i}, ${month}`,
          ).toEqual(expected[i]![month]);
          expect(report.rows.every((r) => r.days === 10)).toBe(true);
        }
      }
    }
  });

  it('gives two texts two statements on the same connections', async () => {
    const a = (n: number) => Prisma.sql`SELECT ${n}::int + 1 AS v`;
    const b = (n: number) => Prisma.sql`SELECT ${n}::int * 10 AS v`;
    for (let i = 0; i < 30; i++) {
      const [x, y] = await Promise.all([
        query<{ v: number }>(a(i), { plan: 'reuse' }),
        query<{ v: number }>(b(i), { plan: 'reuse' }),
      ]);
      expect([x[0]!.v, y[0]!.v]).toEqual([i + 1, i * 10]);
    }
  });

  it('writes only a safe row count or a valid timestamp into a text, and the database reads them back', async () => {
    for (const bad of [-1, 1.5, Number.NaN, 2 ** 60])
      expect(() => rowLimit(bad), String(bad)).toThrow('Not a row count');
    expect(() => timestampLiteral(new Date('not a date'))).toThrow('Not a timestamp');
    const at = new Date('2026-10-01T00:00:00.000Z');
    const [row] = await query<{ at: Date; n: number }>(
      Prisma.sql`SELECT ${timestampLiteral(at)} AS at, count(*)::int AS n FROM (SELECT generate_series(1, 10) ${rowLimit(3)}) x`,
    );
    expect(row!.at.toISOString()).toBe(at.toISOString());
    expect(row!.n).toBe(3);
  });
});
