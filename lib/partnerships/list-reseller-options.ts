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

export type ResellerOption = { id: string; legalName: string; mpnId: string | null };
export type ResellerFilter = {
  /** The resellers to choose from, or null when there are more than FILTER_OPTIONS_MAX. */
  options: ResellerOption[] | null;
  /** The reseller the list is filtered by (an organisation id or MPN ID), when it is a partner. */
  selected: ResellerOption | null;
};
/** The filter as the database sends it (resellerFilterSql). */
export type ResellerFilterJson = { count: number; options: ResellerOption[] | null; selected: ResellerOption | null };

/** A user who has no reseller filter (not a provider, or not allowed to read partnerships). */
const NO_FILTER: ResellerFilter = { options: [], selected: null };

/**
 * The Customers list's reseller filter as one JSON value, an expression for
 * any statement: the provider's active partners when there are few (a capped
 * count decides, so a provider with 10,000 resellers neither sorts nor sends
 * them all), and the reseller currently filtered by (`selected`, an id or MPN
 * ID from the URL), only among those partners. The Customers list sends it
 * inside its own statement (one round trip for the page). Null: the user has
 * no filter.
 */
export function resellerFilterSql(ctx: Ctx, selected?: string | null): Prisma.Sql | null {
  if (ctx.orgKind !== 'INDIRECT_PROVIDER' || !ctx.orgId || !can(ctx, 'partnerships.read')) return null;
  const providerId = ctx.orgId;
  // From the URL: NUL dropped, bounded (searchText), anything else names nothing.
  const wanted = searchText(40).parse(selected ?? undefined) ?? null;
  const option = (o: string) =>
    Prisma.raw(`json_build_object('id', ${o}.id, 'legalName', ${o}."legalName", 'mpnId', ${o}."mpnId")`);
  return Prisma.sql`(
    SELECT json_build_object(
      'count', n.n,
      'options', CASE WHEN n.n <= ${Prisma.raw(String(FILTER_OPTIONS_MAX))} THEN (
        SELECT coalesce(json_agg(${option('o')} ORDER BY o."legalName", o.id), '[]'::json)
          FROM "Partnership" p JOIN "Organization" o ON o.id = p."resellerId"
         WHERE p."providerId" = ${providerId} AND p.state = 'ACTIVE') END,
      'selected', (
        SELECT ${option('o')}
          FROM "Organization" o
          JOIN "Partnership" p ON p."resellerId" = o.id AND p."providerId" = ${providerId} AND p.state = 'ACTIVE'
         WHERE ${wanted}::text IS NOT NULL AND (o.id = ${wanted} OR o."mpnId" = ${wanted})
         LIMIT 1))
      FROM (SELECT count(*)::int AS n
              FROM (SELECT 1 FROM "Partnership" p
                     WHERE p."providerId" = ${providerId} AND p.state = 'ACTIVE'
                     ${rowLimit(FILTER_OPTIONS_MAX + 1)}) x) n)`;
}

/** The filter from resellerFilterSql's value (null: the user has none). */
export function resellerFilterOf(json: ResellerFilterJson | null): ResellerFilter {
  if (!json) return NO_FILTER;
  return { options: json.count > FILTER_OPTIONS_MAX ? null : (json.options ?? []), selected: json.selected };
}

/** The Customers list's reseller filter on its own (the new-customer form, a customer's page): one statement. */
export async function findResellerFilter(ctx: Ctx, selected?: string): Promise<ResellerFilter> {
  const sql = resellerFilterSql(ctx, selected);
  if (!sql) return NO_FILTER;
  const [row] = await query<{ filter: ResellerFilterJson }>(Prisma.sql`SELECT ${sql} AS filter`, { plan: 'reuse' });
  return resellerFilterOf(row?.filter ?? null);
}
