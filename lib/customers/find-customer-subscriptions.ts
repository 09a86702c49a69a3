import 'server-only';
import { query, rowLimit } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerScopeSql } from '@/lib/authz/scopes-sql';
import { isPlainId } from '@/lib/validation/text';
import { NotFound } from '@/lib/errors';
import {
  CUSTOMER_SUBSCRIPTIONS_CURSOR as CURSOR,
  findCustomerSubscriptionsInput,
  type FindCustomerSubscriptionsInput,
} from './schemas';

export const CUSTOMER_SUBSCRIPTIONS_PAGE_SIZE = 50;
/** Totals above this show as "1,000+": counting stops there. */
export const CUSTOMER_SUBSCRIPTIONS_COUNT_CAP = 1000;

type Row = {
  total: number;
  hasAzurePlan: boolean;
  id: string | null;
  quantity: number;
  status: 'ACTIVE' | 'SUSPENDED' | 'CANCELLED';
  createdAt: Date;
  offerName: string;
  offerSku: string;
  isAzurePlan: boolean;
  resellerName: string | null;
  resellerMpnId: string | null;
  supportName: string;
  supportEmail: string | null;
  supportPhone: string | null;
};

/**
 * The one statement behind a customer's subscriptions: the customer in reach,
 * a keyset page of its subscriptions in order of creation (index on
 * customerId, createdAt, id) with offer, credited reseller and support
 * contact, a total counted up to the cap, and whether an Azure plan is live
 * (R11). No row when the customer is out of reach; one row with a null id
 * when it has no subscriptions (on this page).
 */
export function findCustomerSubscriptionsSql(
  ctx: Ctx,
  customerId: string,
  raw: FindCustomerSubscriptionsInput = {},
  size = CUSTOMER_SUBSCRIPTIONS_PAGE_SIZE,
): Prisma.Sql {
  const input = findCustomerSubscriptionsInput.parse(raw);
  const keyset = input.after
    ? (() => {
        const [, ms, id] = CURSOR.exec(input.after)!;
        return Prisma.sql`AND (s."createdAt", s.id) > (${new Date(Number(ms))}::timestamptz, ${id})`;
      })()
    : Prisma.empty;
  // The customer and its totals first (once), then the page's rows beside it.
  return Prisma.sql`
    WITH t AS MATERIALIZED (
      SELECT c.id,
             (SELECT count(*)::int
                FROM (SELECT 1 FROM "Subscription" k
                       WHERE k."customerId" = c.id
                       ${rowLimit(CUSTOMER_SUBSCRIPTIONS_COUNT_CAP + 1)}) k) AS total,
             EXISTS (SELECT 1 FROM "Subscription" a JOIN "Offer" ao ON ao.id = a."offerId"
                      WHERE a."customerId" = c.id AND ao."isAzurePlan" AND a.status <> 'CANCELLED') AS "hasAzurePlan"
        FROM "Customer" c
       WHERE c.id = ${customerId} AND ${customerScopeSql(ctx, 'c')}
    )
    SELECT t.total, t."hasAzurePlan",
           s.id, s.quantity, s.status::text AS status, s."createdAt",
           o.name AS "offerName", o.sku AS "offerSku", o."isAzurePlan",
           r."legalName" AS "resellerName", r."mpnId" AS "resellerMpnId",
           sc."legalName" AS "supportName", sc."contactEmail" AS "supportEmail", sc."contactPhone" AS "supportPhone"
      FROM t
      LEFT JOIN LATERAL (
        SELECT * FROM "Subscription" s
         WHERE s."customerId" = t.id ${keyset}
         ORDER BY s."createdAt", s.id
         ${rowLimit(size + 1)}
      ) s ON TRUE
      LEFT JOIN "Offer" o ON o.id = s."offerId"
      LEFT JOIN "Organization" r ON r.id = s."resellerId"
      LEFT JOIN "Organization" sc ON sc.id = s."supportContactOrgId"
     ORDER BY s."createdAt", s.id`;
}

/**
 * A customer's subscriptions, 50 a page, for the customer page and its
 * expanded row; NotFound when the customer is out of the user's reach (R3).
 * One SQL statement.
 */
export async function findCustomerSubscriptions(
  ctx: Ctx,
  customerId: string,
  raw: FindCustomerSubscriptionsInput = {},
  size = CUSTOMER_SUBSCRIPTIONS_PAGE_SIZE,
) {
  assertCan(ctx, 'customers.read');
  if (!isPlainId(customerId)) throw new NotFound('customer');
  const all = await query<Row>(findCustomerSubscriptionsSql(ctx, customerId, raw, size), { plan: 'reuse' });
  if (all.length === 0) throw new NotFound('customer');
  const found = all.filter((r) => r.id !== null);
  const hasMore = found.length > size;
  const rows = (hasMore ? found.slice(0, size) : found).map((s) => ({
    id: s.id!,
    quantity: s.quantity,
    status: s.status,
    createdAt: s.createdAt,
    offer: { name: s.offerName, sku: s.offerSku, isAzurePlan: s.isAzurePlan },
    reseller: s.resellerName !== null ? { legalName: s.resellerName, mpnId: s.resellerMpnId } : null,
    supportContactOrg: { legalName: s.supportName, contactEmail: s.supportEmail, contactPhone: s.supportPhone },
  }));
  const last = rows[rows.length - 1];
  const { total, hasAzurePlan } = all[0]!;
  return {
    rows,
    total: Math.min(total, CUSTOMER_SUBSCRIPTIONS_COUNT_CAP),
    totalCapped: total > CUSTOMER_SUBSCRIPTIONS_COUNT_CAP,
    hasAzurePlan,
    nextCursor: hasMore && last ? `${last.createdAt.getTime()}.${last.id}` : null,
  };
}
