import 'server-only';
import type { z } from 'zod';
import { query, rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { EnrolmentStatus, OrgKind } from '@/lib/generated/prisma/enums';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { likeLiteral, likePattern } from '@/lib/validation/text';
import { findPartnersInput, type FindPartnersInput } from './schemas';

export const PARTNERS_PAGE_SIZE = 50;

export type PartnerRow = {
  id: string;
  kind: OrgKind;
  legalName: string;
  mpnId: string | null;
  country: string;
  status: EnrolmentStatus;
  createdAt: Date;
};

/**
 * The one statement behind vendor staff's Partners list: providers then
 * resellers by name, keyset pages on (kind, legalName, id) served by the
 * (kind, legalName, id) and (kind, status, legalName) indexes; the search
 * uses the trigram index on legalName.
 */
export function findPartnersSql(input: z.output<typeof findPartnersInput>, size = PARTNERS_PAGE_SIZE): Prisma.Sql {
  const where: Prisma.Sql[] = [Prisma.sql`o.kind IN ('INDIRECT_PROVIDER', 'INDIRECT_RESELLER')`];
  if (input.status) where.push(Prisma.sql`o.status = ${input.status}::"EnrolmentStatus"`);
  if (input.q)
    where.push(
      Prisma.sql`(o."legalName" ILIKE ${likePattern(input.q)} OR o."mpnId" LIKE ${`${likeLiteral(input.q)}%`})`,
    );
  if (input.after) {
    where.push(
      Prisma.sql`(o.kind, o."legalName", o.id)
        > (SELECT k.kind, k."legalName", k.id FROM "Organization" k WHERE k.id = ${input.after})`,
    );
  }
  return Prisma.sql`
    SELECT o.id, o.kind::text AS kind, o."legalName", o."mpnId", o.country, o.status::text AS status, o."createdAt"
      FROM "Organization" o
     WHERE ${Prisma.join(where, ' AND ')}
     ORDER BY o.kind, o."legalName", o.id
     ${rowLimit(size + 1)}`;
}

/** Vendor staff: partner organisations (providers and resellers), searched and paged. */
export async function findPartners(ctx: Ctx, raw: FindPartnersInput = {}) {
  assertCan(ctx, 'partners.read');
  const rows = await query<PartnerRow>(findPartnersSql(findPartnersInput.parse(raw)));
  const hasMore = rows.length > PARTNERS_PAGE_SIZE;
  const page = hasMore ? rows.slice(0, PARTNERS_PAGE_SIZE) : rows;
  return { rows: page, nextCursor: hasMore ? page[page.length - 1]!.id : null };
}
