import type { Role } from '@/lib/generated/prisma/enums';
import { audienceOf, type Ctx } from '@/lib/authz/context';

/** The roles an admin may give in their own organisation (SPEC §1): a partner's four, or the vendor's one. */
export function assignableRoles(ctx: Pick<Ctx, 'orgKind' | 'customerId'>): readonly Role[] {
  const audience = audienceOf(ctx);
  if (audience === 'vendor') return ['VENDOR_ADMIN'];
  if (audience === 'provider' || audience === 'reseller')
    return ['ADMIN', 'ADMIN_AGENT', 'SALES_AGENT', 'HELPDESK_AGENT'];
  return [];
}

/** The role that manages an organisation's users: at least one active user must keep it. */
export function adminRoleOf(ctx: Pick<Ctx, 'orgKind' | 'customerId'>): Role {
  return audienceOf(ctx) === 'vendor' ? 'VENDOR_ADMIN' : 'ADMIN';
}
