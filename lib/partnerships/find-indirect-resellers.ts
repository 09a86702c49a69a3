import 'server-only';
import { likeLiteral } from '@/lib/validation/text';
import { query, rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { partnershipScopeSql } from '@/lib/authz/scopes-sql';
import { pendingInvitationsOf, pendingInvitationsSql, type PendingInvitationJson } from './find-invitations';
import {
  INDIRECT_RESELLERS_CURSOR as CURSOR,
  findIndirectResellersInput,
  type FindIndirectResellersInput,
} from './schemas';

export const INDIRECT_RESELLERS_PAGE_SIZE = 50;

type Row = {
  part: 0 | 1;
  invitations: PendingInvitationJson[] | null;
  id: string;
  state: 'ACTIVE' | 'ENDED';
  startedAt: Date;
  endedAt: Date | null;
  resellerId: string;
  legalName: string;
  mpnId: string | null;
  resellerStatus: string;
  customers: number;
  licences: number;
  pinned: boolean;
};

const COLUMNS = Prisma.sql`p.id, p.state, p."startedAt", p."endedAt",
  r.id AS "resellerId", r."legalName", r."mpnId", r.status::text AS "resellerStatus"`;

/** What the list sends besides its rows. */
export type FindIndirectResellersOptions = {
  /**
   * The provider's pending invitations (findPendingInvitations), in the same statement: the page shows them above the
   * list.
   */
  invitations?: boolean;
  /** Rows a page (INDIRECT_RESELLERS_PAGE_SIZE on the page; the API's `limit`). */
  size?: number;
};

/**
 * The one statement behind the Indirect resellers list: a keyset page of
 * partnerships in reach (active first, then by start, partnership index),
 * searched by reseller name (trigram index) or MPN ID prefix, and for the
 * page's rows only (LATERAL) the customers each reseller manages for the
 * provider, and its active licences as the trigger-kept ResellerLicenceCount
 * holds them (one row per reseller, however many subscriptions it has). The removed partnership, if asked for,
 * comes as one more row marked `pinned`. With `invitations`, a first row
 * (part 0) carries the provider's pending invitations as one JSON value.
 */
export function findIndirectResellersSql(
  ctx: Ctx,
  raw: FindIndirectResellersInput = {},
  options: FindIndirectResellersOptions = {},
): Prisma.Sql {
  const input = findIndirectResellersInput.parse(raw);
  const scope = partnershipScopeSql(ctx, 'p');
  const where: Prisma.Sql[] = [scope];
  if (input.q) {
    const q = likeLiteral(input.q);
    where.push(Prisma.sql`(r."legalName" ILIKE ${`%${q}%`} OR r."mpnId" LIKE ${`${q}%`})`);
  }
  if (input.after) {
    const [, state, ms, id] = CURSOR.exec(input.after)!;
    where.push(
      Prisma.sql`(p.state, p."startedAt", p.id)
        > (${state}::"PartnershipState", ${new Date(Number(ms))}::timestamptz, ${id})`,
    );
  }
  const page = Prisma.sql`
    SELECT ${COLUMNS}, false AS pinned
      FROM "Partnership" p
      JOIN "Organization" r ON r.id = p."resellerId"
     WHERE ${Prisma.join(where, ' AND ')}
     ORDER BY p.state, p."startedAt", p.id
     ${rowLimit((options.size ?? INDIRECT_RESELLERS_PAGE_SIZE) + 1)}`;
  const removed = input.removed
    ? Prisma.sql`
      UNION ALL
      SELECT ${COLUMNS}, true AS pinned
        FROM "Partnership" p
        JOIN "Organization" r ON r.id = p."resellerId"
       WHERE ${scope} AND p.id = ${input.removed} AND p.state = 'ENDED'`
    : Prisma.empty;
  // Counts are those of the user's own organisation as provider (zero for anyone else, as before).
  const providerId = ctx.orgId ?? '';
  // Both per row of the page (subplans: one index lookup each), never a join
  // over all of the provider's resellers.
  const invitations = options.invitations
    ? Prisma.sql`
    SELECT 0 AS part, ${pendingInvitationsSql(ctx)} AS invitations,
           NULL AS id, NULL AS state, NULL::timestamp AS "startedAt", NULL::timestamp AS "endedAt",
           NULL AS "resellerId", NULL AS "legalName", NULL AS "mpnId", NULL AS "resellerStatus",
           NULL::boolean AS pinned, NULL::int AS customers, NULL::int AS licences
    UNION ALL`
    : Prisma.empty;
  return Prisma.sql`${invitations}
    SELECT 1 AS part, NULL::json AS invitations, x.id, x.state::text AS state, x."startedAt", x."endedAt",
           x."resellerId", x."legalName", x."mpnId", x."resellerStatus", x.pinned,
           CASE WHEN x.state = 'ACTIVE' THEN (
             SELECT count(*)::int FROM "Customer" cu
              WHERE cu."providerId" = ${providerId} AND cu."managingResellerId" = x."resellerId"
           ) ELSE 0 END AS customers,
           CASE WHEN x.state = 'ACTIVE' THEN COALESCE((
             SELECT l.licences FROM "ResellerLicenceCount" l
              WHERE l."providerId" = ${providerId} AND l."resellerId" = x."resellerId"
           ), 0) ELSE 0 END AS licences
      FROM ((${page}) ${removed}) x
     ORDER BY part, pinned, state, "startedAt", id`;
}

/**
 * A provider's indirect resellers: one row per partnership (active first),
 * with the customers each manages and the licences credited to it; 50 a page,
 * and with `{ invitations: true }` the provider's pending invitations (null
 * otherwise). One SQL statement whatever the number of rows.
 */
export async function findIndirectResellers(
  ctx: Ctx,
  raw: FindIndirectResellersInput = {},
  options: FindIndirectResellersOptions = {},
) {
  assertCan(ctx, 'partnerships.read');
  if (options.invitations) assertAudience(ctx, 'provider');
  const input = findIndirectResellersInput.parse(raw);
  const result = await query<Row>(findIndirectResellersSql(ctx, input, options), input.q ? {} : { plan: 'reuse' });
  const head = result.find((r) => r.part === 0);
  const all = result.filter((r) => r.part === 1);
  const shape = (r: Row) => ({
    id: r.id,
    state: r.state,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
    reseller: { id: r.resellerId, legalName: r.legalName, mpnId: r.mpnId, status: r.resellerStatus },
    customers: r.customers,
    licences: r.licences,
  });
  const listed = all.filter((r) => !r.pinned);
  const size = options.size ?? INDIRECT_RESELLERS_PAGE_SIZE;
  const hasMore = listed.length > size;
  const rows = (hasMore ? listed.slice(0, size) : listed).map(shape);
  const last = rows[rows.length - 1];
  const pinned = all.find((r) => r.pinned);
  return {
    rows,
    nextCursor: hasMore && last ? `${last.state}.${last.startedAt.getTime()}.${last.id}` : null,
    removed: pinned ? shape(pinned) : null,
    invitations: options.invitations ? pendingInvitationsOf(head?.invitations ?? []) : null,
  };
}
