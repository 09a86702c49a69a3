import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { assignGroupInput, type AssignGroupInput } from './schemas';
import { statusAt } from './status';

/**
 * Access assignments: a partner admin gives one of its own groups some (or
 * all) of an active relationship's roles; no roles removes the group. The
 * relationship and the group must be the partner's own (else NotFound).
 */
export async function assignGroup(ctx: Ctx, raw: AssignGroupInput) {
  assertCan(ctx, 'users.manage');
  const audience = audienceOf(ctx);
  if ((audience !== 'provider' && audience !== 'reseller') || !ctx.orgId) throw new NotFound('adminRelationship');
  const input = parseInput(assignGroupInput, raw);
  return db().$transaction(async (tx) => {
    const relationship = await tx.adminRelationship.findFirst({
      where: { id: input.relationshipId, partnerOrgId: ctx.orgId! },
    });
    if (!relationship) throw new NotFound('adminRelationship');
    const status = statusAt(relationship, clock.now());
    if (status !== 'active') throw new Refused(`adminRelationships.errors.not_${status}`);
    const group = await tx.userGroup.findFirst({
      where: { id: input.groupId, organizationId: ctx.orgId! },
      select: { id: true, name: true },
    });
    if (!group) throw new NotFound('group');
    const roles = [...new Set(input.roles)];
    if (!roles.every((role) => relationship.roles.includes(role)))
      throw new Invalid({ roles: ['adminRelationships.errors.roleNotInRelationship'] });
    if (roles.length === 0) {
      await tx.accessAssignment.deleteMany({ where: { relationshipId: relationship.id, groupId: group.id } });
    } else {
      await tx.accessAssignment.upsert({
        where: { relationshipId_groupId: { relationshipId: relationship.id, groupId: group.id } },
        create: { relationshipId: relationship.id, groupId: group.id, roles },
        update: { roles },
      });
    }
    await recordAudit(tx, ctx, {
      action: 'admin_relationship.access_assigned',
      targetType: 'adminRelationship',
      targetId: relationship.id,
      after: { group: group.name, roles },
    });
    return { relationshipId: relationship.id };
  });
}
