import type { EnrolmentStatus, OrgKind, Role } from '@/lib/generated/prisma/enums';
import type { Permission } from './policy';

/** Who is acting: built from the session and the database on every request. */
export type Ctx = {
  userId: string;
  email: string;
  name: string;
  role: Role;
  /** Partner or vendor organisation; null for customer users. */
  orgId: string | null;
  orgKind: OrgKind | null;
  orgStatus: EnrolmentStatus | null;
  /** Customer tenant; null for partner and vendor users. */
  customerId: string | null;
  /** Organisation or customer name shown in the header. */
  orgName: string;
  mustChangePassword: boolean;
  /**
   * The organisation (or tenant) requires multi-factor sign-in and the user
   * has no factor yet: only enrolment (/security) and sign-out are open.
   */
  mustEnrolMfa: boolean;
  locale: string | null;
  /**
   * Set when an API app acts (lib/api/app-ctx.ts): the user is the app's
   * creator, and only the permissions its token's scopes grant are held.
   */
  app?: { id: string; name: string; permissions: ReadonlySet<Permission> };
};

export type Audience = 'vendor' | 'provider' | 'reseller' | 'customer';

export function audienceOf(ctx: Pick<Ctx, 'orgKind' | 'customerId'>): Audience {
  if (ctx.customerId) return 'customer';
  if (ctx.orgKind === 'VENDOR') return 'vendor';
  if (ctx.orgKind === 'INDIRECT_PROVIDER') return 'provider';
  return 'reseller';
}
