import 'server-only';
import { query, rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerScopeSql } from '@/lib/authz/scopes-sql';
import { likePattern } from '@/lib/validation/text';
import {
  resellerFilterOf,
  resellerFilterSql,
  type ResellerFilter,
  type ResellerFilterJson,
} from '@/lib/partnerships/list-reseller-options';
import { COUNT_CAP, PAGE_SIZE, findCustomersInput, type FindCustomersInput } from './schemas';

export type CustomerListRow = {
  id: string;
  companyName: string;
  tenantDomain: string;
  createdAt: Date;
  provider: { id: string; legalName: string };
  managingReseller: { id: string; legalName: string; mpnId: string | null } | null;
};

type Row = {
  part: 0 | 1;
  total: number | null;
  walked: number | null;
  filter: ResellerFilterJson | null;
  id: string | null;
  companyName: string;
  tenantDomain: string;
  createdAt: Date;
  providerId: string;
  providerName: string;
  resellerId: string | null;
  resellerName: string | null;
  resellerMpnId: string | null;
};

const MPN_ID = /^\d{6,7}$/;

/** What the list sends besides its rows. */
export type FindCustomersOptions = {
  /** The reseller filter of the page (its options and the reseller filtered by), in the same statement. */
  filter?: boolean;
  /** A search read in a bounded walk (SEARCH_WALK) with a reused plan; findCustomers decides. */
  walk?: boolean;
  /** Rows a page (PAGE_SIZE on the page; the API's `limit`). */
  size?: number;
};

/**
 * A search first walks this many customers in list order (from the cursor)
 * and matches them there, in a statement whose plan is reused whatever the
 * words: a word found in many names fills its page within the window (at
 * 100,000 customers, "bank" within 1,300). Only when fewer than a page
 * match and the window did not reach the end is the search sent again
 * unbounded, planned for its words (a rare word: the trigram indexes).
 */
export const SEARCH_WALK = 3000;

/**
 * The one statement behind the Customers list: a page of the customers the
 * user may see (R4), filtered by managing reseller and a search anywhere in
 * the company name or tenant domain (trigram GIN indexes), in keyset order
 * (company name, id) forwards or backwards (the
 * (providerId|managingResellerId, companyName, id) indexes; the last page is
 * the first page backwards), with a total counted up to COUNT_CAP + 1 only.
 * Cursors are customer ids looked up inside the statement, within the
 * user's scope, so a foreign id reveals nothing. Its first row (part 0)
 * carries the total and, when asked, the page's reseller filter
 * (resellerFilterSql); the customers follow (part 1). With `walk`, a search
 * reads a bounded window (SEARCH_WALK) and its plan does not depend on the
 * words, so it is reused.
 */
export function findCustomersSql(
  ctx: Ctx,
  input: ReturnType<typeof findCustomersInput.parse>,
  options: FindCustomersOptions = {},
  size = PAGE_SIZE,
): Prisma.Sql {
  const filters: Prisma.Sql[] = [customerScopeSql(ctx, 'c')];
  if (input.reseller) {
    filters.push(
      MPN_ID.test(input.reseller)
        ? Prisma.sql`c."managingResellerId" = (SELECT o.id FROM "Organization" o WHERE o."mpnId" = ${input.reseller})`
        : Prisma.sql`c."managingResellerId" = ${input.reseller}`,
    );
  }
  const matches = (alias: string) => {
    const a = Prisma.raw(`"${alias}"`);
    return Prisma.sql`(${a}."companyName" ILIKE ${likePattern(input.q!)}
      OR ${a}."tenantDomain" LIKE ${likePattern(input.q!.toLowerCase())})`;
  };
  // A bounded walk reads the window first and matches in it (below).
  const walk = Boolean(input.q && options.walk);
  if (input.q && !walk) filters.push(matches('c'));
  const where = Prisma.join(filters, ' AND ');
  const backwards = Boolean(input.before || input.last === '1');
  const cursorId = input.before ?? (input.last === '1' ? undefined : input.after);
  const cursor = cursorId
    ? Prisma.sql`AND (c."companyName", c.id) ${Prisma.raw(backwards ? '<' : '>')}
        (SELECT k."companyName", k.id FROM "Customer" k WHERE k.id = ${cursorId} AND ${customerScopeSql(ctx, 'k')})`
    : Prisma.empty;
  const dir = Prisma.raw(backwards ? 'DESC' : 'ASC');
  const order = (alias: string) =>
    Prisma.sql`${Prisma.raw(`"${alias}"."companyName"`)} ${dir}, ${Prisma.raw(`"${alias}".id`)} ${dir}`;
  // A search in a bounded walk: the first SEARCH_WALK customers in list
  // order from the cursor (index only), matched there. When fewer than a
  // page match, `walked` says whether the window held every customer left;
  // if it did not, the caller asks again without the bound.
  const keys = walk
    ? Prisma.sql`
      SELECT w.id, w."companyName"
        FROM (SELECT c.id, c."companyName", c."tenantDomain" FROM "Customer" c
               WHERE ${where} ${cursor}
               ORDER BY ${order('c')}
               ${rowLimit(SEARCH_WALK)}) w
       WHERE ${matches('w')}
       ORDER BY ${order('w')}
       ${rowLimit(size + 1)}`
    : Prisma.sql`
      SELECT c.id, c."companyName"
        FROM "Customer" c
       WHERE ${where} ${cursor}
       ORDER BY ${order('c')}
       ${rowLimit(size + 1)}`;
  // A search is not counted: each candidate would be read and matched; its
  // page tells whether there is more than one page.
  const total = input.q
    ? walk
      ? Prisma.sql`SELECT NULL::int AS n,
          CASE WHEN (SELECT count(*) FROM keys) <= ${size}
               THEN (SELECT count(*)::int
                       FROM (SELECT 1 FROM "Customer" c WHERE ${where} ${cursor} ${rowLimit(SEARCH_WALK)}) x)
          END AS walked`
      : Prisma.sql`SELECT NULL::int AS n, NULL::int AS walked`
    : Prisma.sql`SELECT count(*)::int AS n, NULL::int AS walked
        FROM (SELECT 1 FROM "Customer" c WHERE ${where} ${rowLimit(COUNT_CAP + 1)}) capped`;
  // The page's keys come from the index alone (the search's columns ride in
  // it); the rows are read for those 51 keys only.
  const filter = (options.filter && resellerFilterSql(ctx, input.reseller)) || Prisma.sql`NULL::json`;
  return Prisma.sql`
    WITH keys AS (${keys}), total AS (${total})
    SELECT 0 AS part, total.n AS total, total.walked, ${filter} AS filter,
           NULL AS id, NULL AS "companyName", NULL AS "tenantDomain", NULL::timestamp AS "createdAt",
           NULL AS "providerId", NULL AS "providerName", NULL AS "resellerId", NULL AS "resellerName",
           NULL AS "resellerMpnId"
      FROM total
    UNION ALL
    SELECT 1, NULL, NULL, NULL, c.id, c."companyName", c."tenantDomain", c."createdAt",
           c."providerId", pr."legalName", r.id, r."legalName", r."mpnId"
      FROM keys k
      JOIN "Customer" c ON c.id = k.id
      LEFT JOIN "Organization" pr ON pr.id = c."providerId"
      LEFT JOIN "Organization" r ON r.id = c."managingResellerId"
     ORDER BY part, "companyName" ${dir}, id ${dir}`;
}

/**
 * Customers the user may see (R4) in pages of PAGE_SIZE: one round trip
 * (two for a search whose page is not found within SEARCH_WALK customers).
 * Returns the page, cursors for the next and previous pages, the total
 * (`totalCapped` when there are more than COUNT_CAP, or for a search more
 * than a page) and, with `{ filter: true }`, the page's reseller filter
 * (null otherwise).
 */
export async function findCustomers(ctx: Ctx, raw: FindCustomersInput, options: FindCustomersOptions = {}) {
  assertCan(ctx, 'customers.read');
  const input = findCustomersInput.parse(raw);
  const size = options.size ?? PAGE_SIZE;
  let rows = await query<Row>(findCustomersSql(ctx, input, { ...options, walk: Boolean(input.q) }, size), {
    plan: 'reuse',
  });
  if (input.q && (rows.find((r) => r.part === 0)?.walked ?? 0) >= SEARCH_WALK) {
    // Fewer than a page matched in a window that did not reach the end: the whole search, planned for its words.
    rows = await query<Row>(findCustomersSql(ctx, input, { ...options, walk: false }, size));
  }
  const head = rows.find((r) => r.part === 0);
  const total = head?.total ?? null;
  const found = rows.filter((r) => r.part === 1);
  const filter: ResellerFilter | null = options.filter ? resellerFilterOf(head?.filter ?? null) : null;
  const backwards = Boolean(input.before || input.last === '1');
  const hasMore = found.length > size;
  const kept = hasMore ? found.slice(0, size) : found;
  const ordered = backwards ? kept.reverse() : kept;
  const page: CustomerListRow[] = ordered.map((r) => ({
    id: r.id!,
    companyName: r.companyName,
    tenantDomain: r.tenantDomain,
    createdAt: r.createdAt,
    provider: { id: r.providerId, legalName: r.providerName },
    managingReseller: r.resellerId ? { id: r.resellerId, legalName: r.resellerName!, mpnId: r.resellerMpnId } : null,
  }));
  // Forwards: more rows ahead when the page overflowed; rows behind when a cursor was used.
  // Backwards (before / last): the reverse.
  const hasNext = backwards ? Boolean(input.before) : hasMore;
  const hasPrevious = backwards ? hasMore : Boolean(input.after);
  return {
    rows: page,
    nextCursor: hasNext && page.length ? page[page.length - 1]!.id : null,
    previousCursor: hasPrevious && page.length ? page[0]!.id : null,
    // A search's total is its page, or "more than a page" when there are others.
    total: input.q ? (hasNext || hasPrevious ? size : page.length) : Math.min(total ?? 0, COUNT_CAP),
    totalCapped: input.q ? hasNext || hasPrevious : (total ?? 0) > COUNT_CAP,
    filter,
  };
}
