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

/**
 * A user of the admin's own organisation, not removed; anyone else's is
 * NotFound (a foreign id reveals nothing). Locked for the transaction.
 */
export async function lockOrgUser(tx: Tx, ctx: Ctx, userId: string): Promise<OrgUser> {
  if (!ctx.orgId) throw new NotFound('user');
  const [user] = await tx.$queryRaw<OrgUser[]>(Prisma.sql`
    SELECT id, email, name, role, disabled, "invitationPending" FROM "User"
     WHERE id = ${userId} AND "organizationId" = ${ctx.orgId} AND "removedAt" IS NULL
     FOR UPDATE`);
  if (!user) throw new NotFound('user');
  return user;
}

/**
 * The last-admin rule: the organisation keeps at least one enabled admin
 * who has joined. Called before `user` stops being one (demoted, disabled,
 * removed). The organisation's admins are locked, so two admins demoting
 * each other at once cannot both succeed: the second sees the first's change.
 */
export async function assertNotLastAdmin(tx: Tx, ctx: Ctx, user: OrgUser): Promise<void> {
  const adminRole = adminRoleOf(ctx);
  if (user.role !== adminRole || user.disabled || user.invitationPending) return;
  const admins = await tx.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT id FROM "User"
     WHERE "organizationId" = ${ctx.orgId} AND role = ${adminRole}::"Role"
       AND NOT disabled AND NOT "invitationPending" AND "removedAt" IS NULL
     FOR UPDATE`);
  if (!admins.some((a) => a.id !== user.id))
    throw new Refused('users.errors.lastAdmin', undefined, { name: user.name });
}
