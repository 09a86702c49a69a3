import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { db } from '@/lib/db';
import { Unauthenticated } from '@/lib/errors';
import type { Ctx } from '@/lib/authz/context';
import { authOptions } from './options';
import { sessionExpired } from './session-times';

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

export async function loadCtx(userId: string, sessionVersion: number): Promise<Ctx | null> {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true, email: true, name: true, role: true, disabled: true, sessionVersion: true,
      mustChangePassword: true, locale: true, customerId: true, organizationId: true,
      organization: { select: { kind: true, status: true, legalName: true } },
      customer: { select: { companyName: true } },
    },
  });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    orgId: user.organizationId,
    orgKind: user.organization?.kind ?? null,
    orgStatus: user.organization?.status ?? null,
    customerId: user.customerId,
    orgName: user.organization?.legalName ?? user.customer?.companyName ?? '',
    mustChangePassword: user.mustChangePassword,
    locale: user.locale,
  };
}

/** For domain callers: a context or the Unauthenticated error. */
export async function requireCtx(): Promise<Ctx> {
  const ctx = await getCtx();
  if (!ctx) throw new Unauthenticated();
  return ctx;
}
