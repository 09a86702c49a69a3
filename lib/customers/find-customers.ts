import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';
import { PAGE_SIZE, findCustomersInput, type FindCustomersInput } from './schemas';

/**
 * Customers the user may see (R4), filtered by managing reseller and a
 * search, in pages of PAGE_SIZE ordered by (company name, id): keyset paging,
 * one query, served by the (providerId|managingResellerId, companyName, id) indexes.
 */
export async function findCustomers(ctx: Ctx, raw: FindCustomersInput) {
  assertCan(ctx, 'customers.read');
  const input = findCustomersInput.parse(raw);
  const filters: Prisma.CustomerWhereInput[] = [customerScope(ctx)];
  if (input.reseller) filters.push({ managingResellerId: input.reseller });
  if (input.q) {
    filters.push({
      OR: [
        { companyName: { contains: input.q, mode: 'insensitive' } },
        { tenantDomain: { contains: input.q.toLowerCase() } },
      ],
    });
  }
  if (input.after) {
    const last = await db().customer.findFirst({ where: { AND: [customerScope(ctx), { id: input.after }] }, select: { id: true, companyName: true } });
    if (last) {
      filters.push({
        OR: [{ companyName: { gt: last.companyName } }, { companyName: last.companyName, id: { gt: last.id } }],
      });
    }
  }
  const rows = await db().customer.findMany({
    where: { AND: filters },
    orderBy: [{ companyName: 'asc' }, { id: 'asc' }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      companyName: true,
      tenantDomain: true,
      createdAt: true,
      provider: { select: { id: true, legalName: true } },
      managingReseller: { select: { id: true, legalName: true, mpnId: true } },
    },
  });
  const hasMore = rows.length > PAGE_SIZE;
  const page = hasMore ? rows.slice(0, PAGE_SIZE) : rows;
  return { rows: page, nextCursor: hasMore ? page[page.length - 1]!.id : null };
}
