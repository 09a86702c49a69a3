import 'server-only';
import { db, type Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import type { DelegatedAccess } from './access';

/**
 * Records a change made in a customer's tenant: in the audit log of whoever
 * made it and, when a partner made it through a delegated admin relationship,
 * in the tenant's partner activity (who, which relationship and role, what).
 */
export async function recordTenantChange(
  tx: Tx,
  ctx: Ctx,
  via: DelegatedAccess | null,
  customerId: string,
  change: { action: string; targetType: string; targetId: string; detail?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(tx, ctx, {
    action: change.action,
    targetType: change.targetType,
    targetId: change.targetId,
    after: { customerId, ...(via ? { relationship: via.relationshipName, role: via.role } : {}), ...change.detail },
  });
  if (!via || !ctx.orgId) return;
  await tx.partnerActivity.create({
    data: {
      customerId,
      partnerOrgId: ctx.orgId,
      userId: ctx.userId,
      relationshipId: via.relationshipId,
      role: via.role,
      action: change.action,
      targetId: change.targetId,
      detail: change.detail ? JSON.parse(JSON.stringify(change.detail)) : undefined,
      occurredAt: clock.now(),
    },
  });
}

/** The tenant's partner activity, newest first (at most `limit` rows), for the tenant's own admin. */
export async function findPartnerActivity(ctx: Ctx, limit = 200) {
  assertCan(ctx, 'tenant.manage');
  if (!ctx.customerId) throw new NotFound('customer');
  const rows = await db().partnerActivity.findMany({
    where: { customerId: ctx.customerId },
    orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      occurredAt: true,
      action: true,
      role: true,
      targetId: true,
      detail: true,
      userId: true,
      partnerOrgId: true,
      relationship: { select: { name: true, partner: { select: { legalName: true, mpnId: true } } } },
    },
  });
  const users = await db().user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.userId))] } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => ({ ...r, user: byId.get(r.userId) ?? null }));
}
