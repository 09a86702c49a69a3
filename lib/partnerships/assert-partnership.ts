import 'server-only';
import type { Tx } from '@/lib/db';
import { db } from '@/lib/db';
import { Refused } from '@/lib/errors';

/**
 * R1 Partnership first: the one place that decides whether a provider may
 * transact with a reseller (add a customer for it, credit it on a
 * subscription, name it support contact). Returns the reseller when the pair
 * has an ACTIVE partnership and the reseller is an ACTIVE organisation.
 */
export async function assertActivePartnership(
  providerId: string,
  reseller: { id?: string; mpnId?: string },
  tx: Tx | ReturnType<typeof db> = db(),
) {
  const partnership = await tx.partnership.findFirst({
    where: {
      providerId,
      state: 'ACTIVE',
      reseller: {
        kind: 'INDIRECT_RESELLER',
        status: 'ACTIVE',
        ...(reseller.id ? { id: reseller.id } : { mpnId: reseller.mpnId ?? '__none__' }),
      },
    },
    select: { id: true, reseller: { select: { id: true, legalName: true, mpnId: true } } },
  });
  if (!partnership) throw new Refused('partnerships.errors.partnershipRequired', 'R1');
  return partnership.reseller;
}

const MPN_ID = /^\d{6,7}$/;

/**
 * A reseller as a form names it: its organisation id (chosen from a list) or
 * its MPN ID (typed, where the provider has too many partners for a list).
 * Organisation ids are never all digits, so the two cannot be confused.
 */
export function resellerRef(value: string): { id: string } | { mpnId: string } {
  return MPN_ID.test(value) ? { mpnId: value } : { id: value };
}

/**
 * R1 inside a write transaction: locks the ACTIVE partnership row FOR SHARE
 * until commit, then checks it as assertActivePartnership does. R10 ends the
 * partnership row first and then frees its customers and subscriptions, so a
 * concurrent removal either waits for this transaction (and then frees what
 * it wrote) or has already ended the row (and this one is refused).
 */
export async function holdActivePartnership(tx: Tx | ReturnType<typeof db>, providerId: string, resellerId: string) {
  await tx.$queryRaw`SELECT "id" FROM "Partnership"
    WHERE "providerId" = ${providerId} AND "resellerId" = ${resellerId} AND "state" = 'ACTIVE'
    FOR SHARE`;
  return assertActivePartnership(providerId, { id: resellerId }, tx);
}
