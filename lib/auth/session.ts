import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { Unauthenticated } from '@/lib/errors';
import type { Ctx } from '@/lib/authz/context';
import { authOptions } from './options';
import { sessionExpired } from './session-times';
import { loadCtx } from './load-ctx';

export { loadCtx };

type TokenClaims = { uid?: unknown; sv?: unknown; auth?: unknown; seen?: unknown };

/**
 * The signed-in user's context, or null. The token alone is not trusted:
 * the user must still exist, be enabled and carry the current session version,
 * and the session must be neither idle too long nor too old.
 */
export const getCtx = cache(async (): Promise<Ctx | null> => {
  const session = (await getServerSession(authOptions)) as TokenClaims | null;
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
