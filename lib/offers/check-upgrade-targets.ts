import 'server-only';
import type { Tx } from '@/lib/db';
import { Invalid } from '@/lib/errors';
import { canReach } from './upgrade-graph';

/** One lock for every catalog write: two editors adding A → B and B → A at once cannot both pass the cycle check. */
const CATALOG_LOCK = 73_501;

/**
 * R7 upgrades go only to an offer's upgrade targets: they must exist, not be
 * the offer itself, and not already lead back to it (no cycles). The catalog
 * is small, so its edges are read in one query.
 */
export async function checkUpgradeTargets(tx: Tx, offerId: string | null, targetIds: string[]): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CATALOG_LOCK})`;
  if (targetIds.length === 0) return;
  if (offerId && targetIds.includes(offerId)) throw new Invalid({ upgradeTargetIds: ['offers.errors.upgradeSelf'] });
  const offers = await tx.offer.findMany({ select: { id: true, upgradeTargets: { select: { id: true } } } });
  const edges = new Map(offers.map((o) => [o.id, o.upgradeTargets.map((t) => t.id)]));
  if (targetIds.some((id) => !edges.has(id))) throw new Invalid({ upgradeTargetIds: ['offers.errors.upgradeUnknown'] });
  // A new offer has no sources yet, so only an existing one can close a cycle.
  if (offerId && targetIds.some((id) => canReach(edges, id, offerId)))
    throw new Invalid({ upgradeTargetIds: ['offers.errors.upgradeCycle'] });
}
