import 'server-only';
import { query } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/authz/context';

// The acting user's context, built from the database on every request
// (lib/auth/session.ts) and by scripts that act as a user (the benchmark).
// Kept apart from next-auth's options so it loads outside Next's runtime.
// One statement, a reused plan (lib/db.ts `query`): every signed-in request
// pays for it (decision 0046). A factor is required where the organisation
// or tenant asks for one, and always of vendor staff but the demo's own
// (decision 0062).

/** The context of an enabled user whose session version still matches; otherwise null. */
export async function loadCtx(userId: string, sessionVersion: number): Promise<Ctx | null> {
  return userCtx({ id: userId }, sessionVersion);
}

type Row = {
  id: string;
  email: string;
  name: string;
  role: Ctx['role'];
  disabled: boolean;
  sessionVersion: number;
  mustChangePassword: boolean;
  mustEnrolMfa: boolean;
  locale: string | null;
  customerId: string | null;
  organizationId: string | null;
  orgKind: Ctx['orgKind'];
  orgStatus: Ctx['orgStatus'];
  legalName: string | null;
  companyName: string | null;
};

/** The context of an enabled user found by id or email (any session version when none is given). */
export async function userCtx(where: { id: string } | { email: string }, sessionVersion?: number): Promise<Ctx | null> {
  const by = 'id' in where ? Prisma.sql`u."id" = ${where.id}` : Prisma.sql`u."email" = ${where.email}`;
  const [user] = await query<Row>(
    Prisma.sql`SELECT u."id", u."email", u."name", u."role", u."disabled", u."sessionVersion",
        u."mustChangePassword", u."locale", u."customerId", u."organizationId",
        (COALESCE(o."requireMfa", false) OR COALESCE(c."requireMfa", false)
          OR (o."kind" IS NOT DISTINCT FROM 'VENDOR' AND NOT u."demoAccount"))
          AND NOT EXISTS (SELECT 1 FROM "TotpFactor" t WHERE t."userId" = u."id" AND t."confirmedAt" IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM "Passkey" p WHERE p."userId" = u."id") AS "mustEnrolMfa",
        o."kind" AS "orgKind", o."status" AS "orgStatus", o."legalName", c."companyName"
      FROM "User" u
      LEFT JOIN "Organization" o ON o."id" = u."organizationId"
      LEFT JOIN "Customer" c ON c."id" = u."customerId"
      WHERE ${by}`,
    { plan: 'reuse' },
  );
  if (!user || user.disabled || (sessionVersion !== undefined && user.sessionVersion !== sessionVersion)) return null;
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    orgId: user.organizationId,
    orgKind: user.orgKind,
    orgStatus: user.orgStatus,
    customerId: user.customerId,
    orgName: user.legalName ?? user.companyName ?? '',
    mustChangePassword: user.mustChangePassword,
    mustEnrolMfa: user.mustEnrolMfa,
    locale: user.locale,
  };
}
