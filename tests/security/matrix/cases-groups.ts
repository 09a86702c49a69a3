// Matrix cases of a partner admin's groups: the organisation's own groups and users only.
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { addGroupMember, createGroup, deleteGroup, findGroups, removeGroupMember } from '@/lib/groups/manage-groups';
import { type Case, PARTNERS, aud, nextId } from './cases-kit';

const grant = { permission: 'users.manage' as const, audiences: PARTNERS };

/** A new group of the caller's organisation; none outside partner organisations. */
async function freshGroup(ctx: Ctx): Promise<string | null> {
  if (!PARTNERS.includes(aud(ctx)) || !ctx.orgId) return null;
  const group = await db().userGroup.create({
    data: { organizationId: ctx.orgId, name: `Matrix group ${nextId()}` },
    select: { id: true },
  });
  return group.id;
}

/** A group the caller's organisation already has (Fabrikam helpdesk in the demo), read without writing. */
async function existingGroup(ctx: Ctx): Promise<string | null> {
  const group = await db().userGroup.findFirst({ where: { organizationId: ctx.orgId ?? '' }, select: { id: true } });
  return group?.id ?? null;
}

export const GROUP_CASES: Case[] = [
  {
    fn: 'lib/groups/manage-groups#findGroups',
    kind: 'list',
    grant,
    call: (ctx) => findGroups(ctx),
    ownMarker: (_w, ctx) => (aud(ctx) === 'reseller' ? 'Fabrikam helpdesk' : null),
  },
  {
    fn: 'lib/groups/manage-groups#createGroup',
    kind: 'self',
    writes: true,
    grant,
    call: (ctx) => createGroup(ctx, { name: `Matrix group ${nextId()}` }),
  },
  {
    fn: 'lib/groups/manage-groups#deleteGroup',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => deleteGroup(ctx, { groupId: id }),
    own: (_w, ctx) => freshGroup(ctx),
  },
  {
    // A foreign id as the group, with the caller itself as the member.
    fn: 'lib/groups/manage-groups#addGroupMember',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => addGroupMember(ctx, { groupId: id, userId: ctx.userId }),
    own: (_w, ctx) => freshGroup(ctx),
  },
  {
    fn: 'lib/groups/manage-groups#addGroupMember',
    // The other side's ids as the member, in a group of the caller's own organisation where it has one.
    variant: 'foreign user',
    kind: 'id',
    writes: true,
    grant,
    call: async (ctx, id) => addGroupMember(ctx, { groupId: (await existingGroup(ctx)) ?? id, userId: id }),
  },
  {
    fn: 'lib/groups/manage-groups#removeGroupMember',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => removeGroupMember(ctx, { groupId: id, userId: ctx.userId }),
    own: (_w, ctx) => freshGroup(ctx),
  },
];
