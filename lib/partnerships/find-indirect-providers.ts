import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { partnershipScope } from '@/lib/authz/scopes';

/** A reseller's indirect providers: active and ended partnerships. */
export async function findIndirectProviders(ctx: Ctx) {
  assertCan(ctx, 'partnerships.read');
  return db().partnership.findMany({
    where: partnershipScope(ctx),
    orderBy: [{ state: 'asc' }, { startedAt: 'asc' }],
    take: 500,
    select: {
      id: true,
      state: true,
      startedAt: true,
      endedAt: true,
      provider: { select: { id: true, legalName: true, mpnId: true, contactEmail: true } },
    },
  });
}
