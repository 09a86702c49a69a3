import 'server-only';
import { db, type Tx } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Invalid, NotFound } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/orders/create-order';
import { parseInput } from '@/lib/validation/parse-input';
import {
  createGroupInput,
  groupInput,
  groupMemberInput,
  type CreateGroupInput,
  type GroupInput,
  type GroupMemberInput,
} from './schemas';

// Groups: a partner admin's named groups of the organisation's own users,
// the unit to which delegated roles in customers' tenants are assigned.
// Another organisation's group or user is not found.

function assertPartnerAdmin(ctx: Ctx): string {
  assertCan(ctx, 'users.manage');
  const audience = audienceOf(ctx);
  if ((audience !== 'provider' && audience !== 'reseller') || !ctx.orgId) throw new NotFound('group');
  return ctx.orgId;
}

async function ownGroup(tx: Tx, orgId: string, groupId: string) {
  const group = await tx.userGroup.findFirst({
    where: { id: groupId, organizationId: orgId },
    select: { id: true, name: true },
  });
  if (!group) throw new NotFound('group');
  return group;
}

/** The organisation's groups by name, each with its members. */
export async function findGroups(ctx: Ctx) {
  const orgId = assertPartnerAdmin(ctx);
  return db().userGroup.findMany({
    where: { organizationId: orgId },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    select: {
      id: true,
      name: true,
      members: {
        orderBy: { user: { name: 'asc' } },
        select: { user: { select: { id: true, name: true, email: true } } },
      },
    },
  });
}

export async function createGroup(ctx: Ctx, raw: CreateGroupInput) {
  const orgId = assertPartnerAdmin(ctx);
  const { name } = parseInput(createGroupInput, raw);
  try {
    return await db().$transaction(async (tx) => {
      const group = await tx.userGroup.create({ data: { organizationId: orgId, name }, select: { id: true } });
      await recordAudit(tx, ctx, { action: 'group.created', targetType: 'group', targetId: group.id, after: { name } });
      return { groupId: group.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ name: ['groups.errors.nameTaken'] });
    throw error;
  }
}

export async function deleteGroup(ctx: Ctx, raw: GroupInput) {
  const orgId = assertPartnerAdmin(ctx);
  const { groupId } = parseInput(groupInput, raw);
  await db().$transaction(async (tx) => {
    const group = await ownGroup(tx, orgId, groupId);
    await tx.userGroup.delete({ where: { id: group.id } });
    await recordAudit(tx, ctx, {
      action: 'group.deleted',
      targetType: 'group',
      targetId: group.id,
      before: { name: group.name },
    });
  });
}

/** Adds one of the organisation's users (enabled, joined or not) to one of its groups. */
export async function addGroupMember(ctx: Ctx, raw: GroupMemberInput) {
  const orgId = assertPartnerAdmin(ctx);
  const input = parseInput(groupMemberInput, raw);
  return db().$transaction(async (tx) => {
    const group = await ownGroup(tx, orgId, input.groupId);
    const user = await tx.user.findFirst({
      where: { id: input.userId, organizationId: orgId, removedAt: null },
      select: { id: true, name: true },
    });
    if (!user) throw new NotFound('user');
    const { count } = await tx.groupMember.createMany({
      data: [{ groupId: group.id, userId: user.id }],
      skipDuplicates: true,
    });
    if (count)
      await recordAudit(tx, ctx, {
        action: 'group.member_added',
        targetType: 'group',
        targetId: group.id,
        after: { userId: user.id, user: user.name },
      });
    return { changed: count > 0 };
  });
}

export async function removeGroupMember(ctx: Ctx, raw: GroupMemberInput) {
  const orgId = assertPartnerAdmin(ctx);
  const input = parseInput(groupMemberInput, raw);
  return db().$transaction(async (tx) => {
    const group = await ownGroup(tx, orgId, input.groupId);
    const { count } = await tx.groupMember.deleteMany({ where: { groupId: group.id, userId: input.userId } });
    if (count)
      await recordAudit(tx, ctx, {
        action: 'group.member_removed',
        targetType: 'group',
        targetId: group.id,
        before: { userId: input.userId },
      });
    return { changed: count > 0 };
  });
}
