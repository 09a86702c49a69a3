import { NextResponse } from 'next/server';
import { z } from 'zod';
import { customers } from '@/app/(portal)/bench-floor/fixed-data';
import { apiHandler } from '@/lib/api/handler';
import { defineOperation } from '@/lib/api/operation';
import { customerListItem, customerListQuery } from '@/lib/api/schemas';
import { readEnv } from '@/lib/env/schema';
import { runBenchStatement } from '@/lib/bench/floor-sql';

// The benchmark's API floor (`npm run bench`): a Partner API list through the
// very gates every operation passes (apiHandler: the bearer token and its app
// read again, the app's quota, the scope, the query string), answering 50
// fixed rows shaped as GET /api/v1/customers answers them (its Link header,
// total and dates too) and querying nothing of its own; so an endpoint's time
// over this floor's is its domain's work. Outside /api/v1, so the OpenAPI
// document does not list it. Served only when PC_BENCH=1.
// `?benchSql=<name>`: the floor plus an endpoint's own statement — the bench
// writes each list's statement (the one it times as raw SQL) to the file
// PC_BENCH_SQL names, and this floor runs it as that one-off through the pool
// before answering the same fixed rows; so an endpoint's throughput over this
// floor's is what its domain and API layers cost beyond their SQL.

const page = {
  items: customers.list.rows.map((c) => ({
    id: c.id,
    companyName: c.companyName,
    tenantDomain: c.tenantDomain,
    createdAt: c.createdAt,
    provider: { id: c.provider.id, legalName: c.provider.legalName },
    managingReseller: c.managingReseller,
  })),
  nextCursor: customers.list.nextCursor,
  total: customers.list.total,
  totalCapped: customers.list.totalCapped,
};

const floor = apiHandler(
  defineOperation({
    method: 'GET',
    path: '/bench-floor',
    operationId: 'benchFloor',
    summary: 'The benchmark floor: 50 fixed customers',
    tag: 'Bench',
    scope: 'customers.read',
    query: customerListQuery.extend({ benchSql: z.string().max(40).optional() }),
    response: customerListItem,
    list: true,
    run: async ({ query }) => {
      if (query.benchSql) await runBenchStatement(query.benchSql);
      return page;
    },
  }),
);

export async function GET(request: Request, context: { params: Promise<Record<string, string | string[]>> }) {
  if (!readEnv('PC_BENCH')) return new NextResponse(null, { status: 404 });
  return floor(request, context);
}
