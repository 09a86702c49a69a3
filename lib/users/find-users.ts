import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { findUsersInput, type FindUsersInput } from './schemas';

/** Rows the Users page shows at most; a search narrows them. */
export const USERS_PAGE_SIZE = 200;

export type UserStatus = 'active' | 'invited' | 'invitationExpired' | 'disabled';

/**
 * The users of the admin's own organisation (removed ones are gone), by
 * name, with a search on name or email; each with its status and, for an
 * invitation, when its link expires.
 */
export async function findUsers(ctx: Ctx, raw: FindUsersInput = {}) {
  assertCan(ctx, 'users.manage');
  const { q } = findUsersInput.parse(raw);
  const rows = await db().user.findMany({
    where: {
      organizationId: ctx.orgId ?? '__none__',
      removedAt: null,
      ...(q ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { email: { contains: q.toLowerCase() } }] } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: USERS_PAGE_SIZE + 1,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      invitationPending: true,
      lastSignInAt: true,
      createdAt: true,
      tokens: {
        where: { purpose: 'INVITATION', usedAt: null },
        select: { expiresAt: true },
        orderBy: { expiresAt: 'desc' },
        take: 1,
      },
    },
  });
  const now = clock.now();
  const users = rows.slice(0, USERS_PAGE_SIZE).map(({ tokens, ...u }) => {
    const invitationExpiresAt = u.invitationPending ? (tokens[0]?.expiresAt ?? null) : null;
    const status: UserStatus = u.disabled
      ? 'disabled'
      : u.invitationPending
        ? invitationExpiresAt && invitationExpiresAt > now
          ? 'invited'
          : 'invitationExpired'
        : 'active';
    return { ...u, status, invitationExpiresAt, self: u.id === ctx.userId };
  });
  return { users, more: rows.length > USERS_PAGE_SIZE };
}
