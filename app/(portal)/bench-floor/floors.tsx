import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import type { Ctx } from '@/lib/authz/context';
import { requirePageCtx } from '@/lib/auth/page';
import { readEnv } from '@/lib/env/schema';

// The benchmark's floors (`npm run bench`), one page per list layout
// (/bench-floor/customers, /bench-floor/audit-log, …): the very view the
// list's page renders (page header, filters, table, row components, paging
// links), given 50 fixed rows (fixed-data.ts) instead of the list's data, so
// each list's figures beside its floor are what its own data costs. They
// query nothing themselves (the portal layout still reads the session, as on
// every page; the view reads it from the same request cache). The search
// parameters pass through to the view as on the list (tabs, filters, links).
// Each floor is its own route so that it sends only its view's scripts, as
// its list does. Served only when PC_BENCH=1.

export type Search = Record<string, string | undefined>;

/** A list layout's floor page, as the bench opens it. */
export function floorPage(render: (ctx: Ctx, search: Search) => React.ReactNode) {
  return async function BenchFloorPage({ searchParams }: { searchParams: Promise<Search> }) {
    // Rendered per request like the lists (they read the session and the URL).
    await connection();
    if (!readEnv('PC_BENCH')) notFound();
    const ctx = await requirePageCtx('/bench-floor');
    return render(ctx, await searchParams);
  };
}
