import 'server-only';
import { db, query, rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';
import { searchText } from '@/lib/validation/text';

/** Resellers in an ACTIVE partnership with the user's provider: the customer list's filter. */
export async function listResellerOptions(ctx: Ctx) {
  if (ctx.orgKind !== 'INDIRECT_PROVIDER' || !ctx.orgId || !can(ctx, 'partnerships.read')) return [];
  const rows = await db().partnership.findMany({
    where: { providerId: ctx.orgId, state: 'ACTIVE' },
    orderBy: { reseller: { legalName: 'asc' } },
    select: { reseller: { select: { id: true, legalName: true, mpnId: true } } },
  });
  return rows.map((r) => r.reseller);
}

/** Above this many partnered resellers a filter is a text field for the MPN ID, not a list. */
export const FILTER_OPTIONS_MAX = 100;

type FilterRow = { kind: 'count' | 'option' | 'selected'; id: string | null; legalName: string | null; mpnId: string | null; n: number | null };
export type ResellerOption = { id: string; legalName: string; mpnId: string | null };
export type ResellerFilter = {
  /** The resellers to choose from, or null when there are more than FILTER_OPTIONS_MAX. */
  options: ResellerOption[] | null;
  /** The reseller the list is filtered by (an organisation id or MPN ID), when it is a partner. */
  selected: ResellerOption | null;
};

/**
 * The Customers list's reseller filter in one statement: the provider's
 * active partners when there are few (a capped count decides, so a provider
 * with 10,000 resellers neither sorts nor sends them all), and the reseller
 * currently filtered by.
 */
export async function findResellerFilter(ctx: Ctx, selected?: string): Promise<ResellerFilter> {
  if (ctx.orgKind !== 'INDIRECT_PROVIDER' || !ctx.orgId || !can(ctx, 'partnerships.read')) return { options: [], selected: null };
  const providerId = ctx.orgId;
  // From the URL: NUL dropped, bounded (searchText), anything else names nothing.
  const wanted = searchText(40).parse(selected) ?? null;
  const rows = await query<FilterRow>(Prisma.sql`
    WITH n AS (
      SELECT count(*)::int AS n FROM (SELECT 1 FROM "Partnership" p WHERE p."providerId" = ${providerId} AND p.state = 'ACTIVE' ${rowLimit(FILTER_OPTIONS_MAX + 1)}) x
    )
    SELECT 'count' AS kind, NULL AS id, NULL AS "legalName", NULL AS "mpnId", n.n FROM n
    UNION ALL
    (SELECT 'option', o.id, o."legalName", o."mpnId", NULL
       FROM "Partnership" p JOIN "Organization" o ON o.id = p."resellerId"
      WHERE (SELECT n FROM n) <= ${FILTER_OPTIONS_MAX} AND p."providerId" = ${providerId} AND p.state = 'ACTIVE'
      ORDER BY o."legalName", o.id)
    UNION ALL
    (SELECT 'selected', o.id, o."legalName", o."mpnId", NULL
       FROM "Organization" o JOIN "Partnership" p ON p."resellerId" = o.id AND p."providerId" = ${providerId} AND p.state = 'ACTIVE'
      WHERE ${wanted}::text IS NOT NULL AND (o.id = ${wanted} OR o."mpnId" = ${wanted})
      LIMIT 1)`, { plan: 'reuse' });
  const option = (r: FilterRow): ResellerOption => ({ id: r.id!, legalName: r.legalName!, mpnId: r.mpnId });
  const count = rows.find((r) => r.kind === 'count')?.n ?? 0;
  const chosen = rows.find((r) => r.kind === 'selected');
  return {
    options: count > FILTER_OPTIONS_MAX ? null : rows.filter((r) => r.kind === 'option').map(option),
    selected: chosen ? option(chosen) : null,
  };
}
