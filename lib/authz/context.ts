import type { EnrolmentStatus, OrgKind, Role } from '@/lib/generated/prisma/enums';

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
  locale: string | null;
};

export type Audience = 'vendor' | 'provider' | 'reseller' | 'customer';

export function audienceOf(ctx: Pick<Ctx, 'orgKind' | 'customerId'>): Audience {
  if (ctx.customerId) return 'customer';
  if (ctx.orgKind === 'VENDOR') return 'vendor';
  if (ctx.orgKind === 'INDIRECT_PROVIDER') return 'provider';
  return 'reseller';
}
