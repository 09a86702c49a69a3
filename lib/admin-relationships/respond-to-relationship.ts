import 'server-only';
import { db, type Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan, can } from '@/lib/authz/policy';
import { NotFound, Refused } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import {
  relationshipInput,
  respondRelationshipInput,
  type RelationshipInput,
  type RespondRelationshipInput,
} from './schemas';
import { DAY_MS, statusAt } from './status';

type Locked = {
  id: string;
  name: string;
  customerId: string;
  partnerOrgId: string;
  durationDays: number;
  autoExtend: boolean;
  requestExpiresAt: Date;
  approvedAt: Date | null;
  endsAt: Date | null;
  declinedAt: Date | null;
  terminatedAt: Date | null;
};

async function lock(tx: Tx, id: string): Promise<Locked | null> {
  const [row] = await tx.$queryRaw<Locked[]>(Prisma.sql`
    SELECT id, name, "customerId", "partnerOrgId", "durationDays", "autoExtend", "requestExpiresAt",
           "approvedAt", "endsAt", "declinedAt", "terminatedAt"
      FROM "AdminRelationship" WHERE id = ${id} FOR UPDATE`);
  return row ?? null;
}

/**
 * The customer's admin approves (active from now for its duration) or
 * declines a pending request of its own tenant. Another tenant's, or a
 * request no longer pending, is refused.
 */
export async function respondToRelationship(ctx: Ctx, raw: RespondRelationshipInput) {
  assertCan(ctx, 'tenant.manage');
  const input = parseInput(respondRelationshipInput, raw);
  return db().$transaction(async (tx) => {
    const r = await lock(tx, input.relationshipId);
    if (!r || r.customerId !== ctx.customerId) throw new NotFound('adminRelationship');
    const now = clock.now();
    const status = statusAt(r, now);
    if (status !== 'pending') throw new Refused(`adminRelationships.errors.not_${status}`);
    const approve = input.decision === 'approve';
    await tx.adminRelationship.update({
      where: { id: r.id },
      data: approve
        ? { approvedAt: now, approvedById: ctx.userId, endsAt: new Date(now.getTime() + r.durationDays * DAY_MS) }
        : { declinedAt: now },
    });
    await recordAudit(tx, ctx, {
      action: approve ? 'admin_relationship.approved' : 'admin_relationship.declined',
      targetType: 'adminRelationship',
      targetId: r.id,
      orgIds: [r.partnerOrgId],
      after: { name: r.name },
    });
    return { relationshipId: r.id, status: approve ? ('active' as const) : ('declined' as const) };
  });
}

/**
 * Either side ends a pending or active relationship at once: the customer's
 * admin, or an admin of the partner that holds it. An ended one stays ended.
 */
export async function terminateRelationship(ctx: Ctx, raw: RelationshipInput) {
  const input = parseInput(relationshipInput, raw);
  const audience = audienceOf(ctx);
  const allowed =
    audience === 'customer'
      ? can(ctx, 'tenant.manage')
      : (audience === 'provider' || audience === 'reseller') && can(ctx, 'partnerships.write');
  if (!allowed) throw new Refused('errors.forbidden');
  return db().$transaction(async (tx) => {
    const r = await lock(tx, input.relationshipId);
    const mine = r && (audience === 'customer' ? r.customerId === ctx.customerId : r.partnerOrgId === ctx.orgId);
    if (!r || !mine) throw new NotFound('adminRelationship');
    const now = clock.now();
    const status = statusAt(r, now);
    if (status !== 'pending' && status !== 'active') throw new Refused(`adminRelationships.errors.not_${status}`);
    await tx.adminRelationship.update({ where: { id: r.id }, data: { terminatedAt: now, terminatedById: ctx.userId } });
    await recordAudit(tx, ctx, {
      action: 'admin_relationship.terminated',
      targetType: 'adminRelationship',
      targetId: r.id,
      orgIds: [r.partnerOrgId],
      after: { name: r.name },
    });
    return { relationshipId: r.id };
  });
}
