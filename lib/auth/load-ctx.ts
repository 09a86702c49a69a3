import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';

// The acting user's context, built from the database on every request
// (lib/auth/session.ts) and by scripts that act as a user (the benchmark).
// Kept apart from next-auth's options so it loads outside Next's runtime.

/** The context of an enabled user whose session version still matches; otherwise null. */
export async function loadCtx(userId: string, sessionVersion: number): Promise<Ctx | null> {
  return userCtx({ id: userId }, sessionVersion);
}

/** The context of an enabled user found by id or email (any session version when none is given). */
export async function userCtx(where: { id: string } | { email: string }, sessionVersion?: number): Promise<Ctx | null> {
  const user = await db().user.findUnique({
    where,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabled: true,
      sessionVersion: true,
      mustChangePassword: true,
      locale: true,
      customerId: true,
      organizationId: true,
      organization: { select: { kind: true, status: true, legalName: true } },
      customer: { select: { companyName: true } },
    },
  });
  if (!user || user.disabled || (sessionVersion !== undefined && user.sessionVersion !== sessionVersion)) return null;
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
