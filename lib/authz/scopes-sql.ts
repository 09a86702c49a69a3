import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { audienceOf, type Ctx } from './context';

// The scopes of ./scopes.ts as SQL conditions, for the lists that are one
// hand-written statement (lib/db.ts query()). Each must say exactly what its
// Prisma twin says; tests/security runs every list as every kind of user.

const NOTHING = Prisma.sql`FALSE`;

function activePartner(ctx: Ctx): boolean {
  return ctx.orgId !== null && ctx.orgStatus === 'ACTIVE';
}

/** customerScope(ctx) on the "Customer" row aliased `alias`. */
export function customerScopeSql(ctx: Ctx, alias: string): Prisma.Sql {
  const c = Prisma.raw(`"${alias}"`);
  switch (audienceOf(ctx)) {
    case 'vendor':
      return Prisma.sql`TRUE`;
    case 'provider':
      return activePartner(ctx) ? Prisma.sql`${c}."providerId" = ${ctx.orgId!}` : NOTHING;
    case 'reseller':
      return activePartner(ctx) ? Prisma.sql`${c}."managingResellerId" = ${ctx.orgId!}` : NOTHING;
    case 'customer':
      return ctx.customerId ? Prisma.sql`${c}.id = ${ctx.customerId}` : NOTHING;
  }
}

/** partnershipScope(ctx) on the "Partnership" row aliased `alias`. */
export function partnershipScopeSql(ctx: Ctx, alias: string): Prisma.Sql {
  const p = Prisma.raw(`"${alias}"`);
  switch (audienceOf(ctx)) {
    case 'vendor':
      return Prisma.sql`TRUE`;
    case 'provider':
      return ctx.orgId ? Prisma.sql`${p}."providerId" = ${ctx.orgId}` : NOTHING;
    case 'reseller':
      return ctx.orgId ? Prisma.sql`${p}."resellerId" = ${ctx.orgId}` : NOTHING;
    case 'customer':
      return NOTHING;
  }
}
