import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { can } from '@/lib/authz/policy';

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
