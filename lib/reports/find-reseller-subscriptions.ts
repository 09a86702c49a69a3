import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { subscriptionScope } from '@/lib/authz/scopes';
import { SUBSCRIPTIONS_PAGE_SIZE, findResellerSubscriptionsInput, type FindResellerSubscriptionsInput } from './schemas';

/**
 * A reseller's subscriptions (R3, R9): those of the customers it manages and
 * those it is the designated support contact for (its support list), with
 * which of the two applies. Filtered by relation, status and a search on
 * customer name or tenant domain; keyset pages ordered by (customer name, id).
 */
export async function findResellerSubscriptions(ctx: Ctx, raw: FindResellerSubscriptionsInput) {
  assertCan(ctx, 'subscriptions.read');
  assertAudience(ctx, 'reseller');
  const input = findResellerSubscriptionsInput.parse(raw);
  const orgId = ctx.orgId!;
  const scope = subscriptionScope(ctx);
  const filters: Prisma.SubscriptionWhereInput[] = [scope];
  if (input.relation === 'managed') filters.push({ customer: { managingResellerId: orgId } });
  if (input.relation === 'support') filters.push({ supportContactOrgId: orgId });
  if (input.status) filters.push({ status: input.status });
  if (input.q) {
    filters.push({
      customer: { OR: [{ companyName: { contains: input.q, mode: 'insensitive' } }, { tenantDomain: { contains: input.q.toLowerCase() } }] },
    });
  }
  if (input.after) {
    const last = await db().subscription.findFirst({ where: { AND: [scope, { id: input.after }] }, select: { id: true, customer: { select: { companyName: true } } } });
    if (last) {
      const name = last.customer.companyName;
      filters.push({ OR: [{ customer: { companyName: { gt: name } } }, { customer: { companyName: name }, id: { gt: last.id } }] });
    }
  }
  const rows = await db().subscription.findMany({
    where: { AND: filters },
    orderBy: [{ customer: { companyName: 'asc' } }, { id: 'asc' }],
    take: SUBSCRIPTIONS_PAGE_SIZE + 1,
    select: {
      id: true, quantity: true, status: true, supportContactOrgId: true,
      offer: { select: { name: true } },
      customer: { select: { id: true, companyName: true, tenantDomain: true, managingResellerId: true } },
      reseller: { select: { id: true, legalName: true, mpnId: true } },
      supportContactOrg: { select: { id: true, legalName: true } },
    },
  });
  const hasMore = rows.length > SUBSCRIPTIONS_PAGE_SIZE;
  const page = (hasMore ? rows.slice(0, SUBSCRIPTIONS_PAGE_SIZE) : rows).map((s) => ({
    ...s,
    /** The reseller manages the customer (delegated admin). */
    managed: audienceOf(ctx) === 'reseller' && s.customer.managingResellerId === orgId,
    /** The subscription is in the reseller's support list (R9). */
    supportContact: s.supportContactOrgId === orgId,
  }));
  return { rows: page, nextCursor: hasMore ? page[page.length - 1]!.id : null };
}
