import 'server-only';
import type { db, Tx } from '@/lib/db';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { holdActivePartnership } from '@/lib/partnerships/assert-partnership';
import { Refused } from '@/lib/errors';

export type ResellerRef = { id: string; legalName: string; mpnId: string | null };
type Client = Tx | ReturnType<typeof db>;
type Provider = { id: string; legalName: string; mpnId: string | null };

/** A reseller user may credit only its own organisation (R8). */
function assertSelfIfReseller(ctx: Ctx, resellerId: string) {
  if (audienceOf(ctx) === 'reseller' && resellerId !== ctx.orgId)
    throw new Refused('subscriptionDetail.errors.resellerOnlyItself', 'R8');
}

/**
 * R8 with R1: the reseller a typed MPN ID names, when it may be credited on
 * this provider's subscription; otherwise a refusal that says why.
 */
export async function resolveResellerByMpn(
  tx: Client,
  ctx: Ctx,
  provider: Provider,
  mpnId: string,
): Promise<ResellerRef> {
  if (provider.mpnId === mpnId) throw new Refused('subscriptionDetail.mpn.ownProvider', 'R8', { mpnId });
  const org = await tx.organization.findFirst({
    where: { mpnId },
    select: { id: true, kind: true, status: true, legalName: true, mpnId: true },
  });
  if (!org) throw new Refused('subscriptionDetail.mpn.unknown', 'R8', { mpnId });
  if (org.kind !== 'INDIRECT_RESELLER') throw new Refused('subscriptionDetail.mpn.notReseller', 'R8', { mpnId });
  assertSelfIfReseller(ctx, org.id);
  if (org.status !== 'ACTIVE') throw new Refused('subscriptionDetail.mpn.suspended', 'R8', { mpnId });
  // Held until commit when tx is a transaction (see holdActivePartnership).
  const [partnership] = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Partnership"
    WHERE "providerId" = ${provider.id} AND "resellerId" = ${org.id} AND "state" = 'ACTIVE'
    FOR SHARE`;
  if (!partnership)
    throw new Refused('subscriptionDetail.mpn.notPartnered', 'R1', { mpnId, provider: provider.legalName });
  return { id: org.id, legalName: org.legalName, mpnId: org.mpnId };
}

/** R8 with R1: a reseller chosen from the list must still be in an ACTIVE partnership. */
export async function resolveResellerById(
  tx: Client,
  ctx: Ctx,
  providerId: string,
  resellerId: string,
): Promise<ResellerRef> {
  assertSelfIfReseller(ctx, resellerId);
  return holdActivePartnership(tx, providerId, resellerId);
}
