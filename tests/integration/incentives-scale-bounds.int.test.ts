import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { db } from '@/lib/db';
import {
  INCENTIVES_FILTER_OPTIONS,
  INCENTIVES_RESELLER_COUNT_CAP,
  INCENTIVES_WALK,
} from '@/lib/reports/incentives/sql';
import { getIncentivesExport } from '@/lib/reports/incentives/get-incentives-export';
import { getIncentivesReport, incentivesSql } from '@/lib/reports/incentives/get-incentives-report';
import type { IncentivesInput } from '@/lib/reports/schemas';
import { allPages, key, MONTH, mpnOf, world, type World } from './incentives-scale-helpers';

// The incentives report's bounds at scale: the count of resellers is capped,
// the filter lists at most INCENTIVES_FILTER_OPTIONS, and a page reads only the
// resellers it shows, walking a bounded number of them.

beforeEach(resetDatabase);

describe('incentives report at scale: keyset pages by reseller', () => {
  let w: World;
  beforeEach(async () => {
    w = await world();
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
