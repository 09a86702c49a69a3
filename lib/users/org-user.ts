import 'server-only';
import type { Tx } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Role } from '@/lib/generated/prisma/enums';
import type { Ctx } from '@/lib/authz/context';
import { NotFound, Refused } from '@/lib/errors';
import { adminRoleOf } from './roles';

export type OrgUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  invitationPending: boolean;
};

/** Whose users: an organisation's (partner or vendor) or a customer tenant's. */
export type Members = { organizationId: string } | { customerId: string };

function membersSql(members: Members): Prisma.Sql {
  return 'organizationId' in members
    ? Prisma.sql`"organizationId" = ${members.organizationId}`
    : Prisma.sql`"customerId" = ${members.customerId}`;
}

/**
 * A user of the given organisation or tenant, not removed; anyone else's is
 * NotFound (a foreign id reveals nothing). Locked for the transaction.
 */
export async function lockMember(tx: Tx, members: Members, userId: string): Promise<OrgUser> {
  const [user] = await tx.$queryRaw<OrgUser[]>(Prisma.sql`
    SELECT id, email, name, role, disabled, "invitationPending" FROM "User"
     WHERE id = ${userId} AND ${membersSql(members)} AND "removedAt" IS NULL
     FOR UPDATE`);
  if (!user) throw new NotFound('user');
  return user;
}

/** A user of the admin's own organisation (lockMember). */
export async function lockOrgUser(tx: Tx, ctx: Ctx, userId: string): Promise<OrgUser> {
  if (!ctx.orgId) throw new NotFound('user');
  return lockMember(tx, { organizationId: ctx.orgId }, userId);
}

/**
 * The last-admin rule: an organisation or tenant keeps at least one enabled
 * admin (of `adminRole`) who has joined. Called before `user` stops being one
 * (demoted, disabled, removed). The admins are locked, so two admins demoting
 * each other at once cannot both succeed: the second sees the first's change.
 */
export async function assertKeepsAdmin(tx: Tx, members: Members, adminRole: Role, user: OrgUser): Promise<void> {
  if (user.role !== adminRole || user.disabled || user.invitationPending) return;
  const admins = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT id FROM "User"
     WHERE ${membersSql(members)} AND role = ${adminRole}::"Role"
       AND NOT disabled AND NOT "invitationPending" AND "removedAt" IS NULL
     FOR UPDATE`);
  if (!admins.some((a) => a.id !== user.id))
    throw new Refused('users.errors.lastAdmin', undefined, { name: user.name });
}

/** The last-admin rule for the admin's own organisation (assertKeepsAdmin). */
export async function assertNotLastAdmin(tx: Tx, ctx: Ctx, user: OrgUser): Promise<void> {
  await assertKeepsAdmin(tx, { organizationId: ctx.orgId! }, adminRoleOf(ctx), user);
}
