import 'server-only';
import type { Db, Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { UserTokenPurpose } from '@/lib/generated/prisma/enums';
import { hashToken, newToken } from '@/lib/tokens';

// One-time links mailed to a user: an invitation to join (7 days) and a
// password reset (30 minutes). Only the token's hash is stored; a new link
// of the same purpose replaces the user's earlier ones, and a link is used
// once (`usedAt` set in the statement that accepts it).

export const INVITATION_DAYS = 7;
export const PASSWORD_RESET_MINUTES = 30;

const LIFETIME_MS: Record<UserTokenPurpose, number> = {
  INVITATION: INVITATION_DAYS * 24 * 60 * 60_000,
  PASSWORD_RESET: PASSWORD_RESET_MINUTES * 60_000,
};

export const USER_LINK_PATH: Record<UserTokenPurpose, string> = {
  INVITATION: '/join/',
  PASSWORD_RESET: '/reset-password/',
};

/** A new link for the user (earlier unused links of that purpose stop working); answers the token. */
export async function issueUserToken(tx: Tx, userId: string, purpose: UserTokenPurpose): Promise<string> {
  const token = newToken();
  const now = clock.now();
  await tx.userToken.deleteMany({ where: { userId, purpose, usedAt: null } });
  await tx.userToken.create({
    data: {
      userId,
      purpose,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + LIFETIME_MS[purpose]),
    },
  });
  return token;
}

export function userLink(baseUrl: string, purpose: UserTokenPurpose, token: string): string {
  return `${baseUrl}${USER_LINK_PATH[purpose]}${token}`;
}

export type LinkStatus = 'ready' | 'invalid' | 'expired' | 'used';

/** What a link's token points at, for its page: the user and whether the link can still be used. */
export async function readUserToken(tx: Tx | Db, token: string, purpose: UserTokenPurpose) {
  const found = await tx.userToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      purpose: true,
      expiresAt: true,
      usedAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          disabled: true,
          removedAt: true,
          invitationPending: true,
          locale: true,
          organizationId: true,
          organization: { select: { legalName: true } },
        },
      },
    },
  });
  if (!found || found.purpose !== purpose || found.user.removedAt) return { status: 'invalid' as const, found: null };
  if (found.usedAt) return { status: 'used' as const, found };
  if (found.expiresAt <= clock.now() || found.user.disabled) return { status: 'expired' as const, found };
  return { status: 'ready' as const, found };
}

/** Marks the link used; false when another request used it first (or it expired meanwhile). */
export async function useUserToken(tx: Tx, tokenId: string): Promise<boolean> {
  const now = clock.now();
  const { count } = await tx.userToken.updateMany({
    where: { id: tokenId, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  return count === 1;
}
