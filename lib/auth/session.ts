import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { Unauthenticated } from '@/lib/errors';
import type { Ctx } from '@/lib/authz/context';
import { decodeSessionToken, sessionCookieName } from './session-token';
import { sessionExpired } from './session-times';
import { loadCtx } from './load-ctx';

export { loadCtx };

type TokenClaims = { uid?: unknown; sv?: unknown; auth?: unknown; seen?: unknown };

/**
 * The signed-in user's context, or null: the session cookie read as next-auth
 * would read it (lib/auth/session-token.ts), without running next-auth's
 * session endpoint (which would also make a CSRF token and a new token
 * nobody sends). The token alone is not trusted:
 * the user must still exist, be enabled and carry the current session version,
 * and the session must be neither idle too long nor too old.
 */
export const getCtx = cache(async (): Promise<Ctx | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  const session = (await decodeSessionToken({ token }).catch(() => null)) as TokenClaims | null;
  if (!session || typeof session.uid !== 'string' || typeof session.sv !== 'number') return null;
  // Idle or past its absolute lifetime (measured with the portal's clock).
  if (sessionExpired(session)) return null;
  return loadCtx(session.uid, session.sv);
});

/** For domain callers: a context or the Unauthenticated error. */
export async function requireCtx(): Promise<Ctx> {
  const ctx = await getCtx();
  if (!ctx) throw new Unauthenticated();
  return ctx;
}
