import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { NotFound } from '@/lib/errors';

/**
 * The admin's own organisation or tenant: where "Require multi-factor sign-in"
 * is kept. Not the vendor's: its staff always need a factor (lib/auth/load-ctx.ts).
 */
export function requireMfaTarget(ctx: Ctx): { kind: 'organization' | 'customer'; id: string } {
  if (ctx.customerId) return { kind: 'customer', id: ctx.customerId };
  if (ctx.orgId && ctx.orgKind !== 'VENDOR') return { kind: 'organization', id: ctx.orgId };
  throw new NotFound('organization');
}

/** The setting, or null for the vendor, whose staff always need a factor. */
export async function readRequireMfa(ctx: Ctx): Promise<boolean | null> {
  if (!ctx.customerId && ctx.orgKind === 'VENDOR') return null;
  const target = requireMfaTarget(ctx);
  const row =
    target.kind === 'customer'
      ? await db().customer.findUnique({ where: { id: target.id }, select: { requireMfa: true } })
      : await db().organization.findUnique({ where: { id: target.id }, select: { requireMfa: true } });
  if (!row) throw new NotFound('organization');
  return row.requireMfa;
}
