import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { NotFound } from '@/lib/errors';

/** The admin's own organisation or tenant: where "Require multi-factor sign-in" is kept. */
export function requireMfaTarget(ctx: Ctx): { kind: 'organization' | 'customer'; id: string } {
  if (ctx.customerId) return { kind: 'customer', id: ctx.customerId };
  if (ctx.orgId) return { kind: 'organization', id: ctx.orgId };
  throw new NotFound('organization');
}

export async function readRequireMfa(ctx: Ctx): Promise<boolean> {
  const target = requireMfaTarget(ctx);
  const row =
    target.kind === 'customer'
      ? await db().customer.findUnique({ where: { id: target.id }, select: { requireMfa: true } })
      : await db().organization.findUnique({ where: { id: target.id }, select: { requireMfa: true } });
  if (!row) throw new NotFound('organization');
  return row.requireMfa;
}
