import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';

/** Vendor staff: every partner organisation (providers and resellers). */
export async function findPartners(ctx: Ctx) {
  assertCan(ctx, 'partners.read');
  return db().organization.findMany({
    where: { kind: { in: ['INDIRECT_PROVIDER', 'INDIRECT_RESELLER'] } },
    orderBy: [{ kind: 'asc' }, { legalName: 'asc' }],
    take: 500,
    select: { id: true, kind: true, legalName: true, mpnId: true, country: true, status: true, createdAt: true },
  });
}
