// query(sql, { plan: 'reuse' }): a named prepared statement per SQL text on
// each pooled connection, its plan possibly kept (generic) after five runs.
// The answers must be those of the values bound each time, whoever ran the
// statement before on that connection, and two texts never share a name.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeOrg } from '../factories';
import { query } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { findCustomers } from '@/lib/customers/find-customers';

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

  it('gives two texts two statements on the same connections', async () => {
    const a = (n: number) => Prisma.sql`SELECT ${n}::int + 1 AS v`;
    const b = (n: number) => Prisma.sql`SELECT ${n}::int * 10 AS v`;
    for (let i = 0; i < 30; i++) {
      const [x, y] = await Promise.all([query<{ v: number }>(a(i), { plan: 'reuse' }), query<{ v: number }>(b(i), { plan: 'reuse' })]);
      expect([x[0]!.v, y[0]!.v]).toEqual([i + 1, i * 10]);
    }
  });
});
