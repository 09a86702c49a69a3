import 'server-only';
import { query } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/authz/context';
import { permissionsOf, type ApiScope } from './scopes';

type Row = {
  appName: string;
  revokedAt: Date | null;
  organizationId: string;
  userId: string;
  email: string;
  name: string;
  role: Ctx['role'];
  disabled: boolean;
  userOrgId: string | null;
  orgKind: Ctx['orgKind'];
  orgStatus: Ctx['orgStatus'];
  legalName: string;
};

/**
 * The context an API app acts in, read in one statement on every request:
 * its organisation, and its creator as the user (the records that name who
 * acted name the creator; the audit log names the app too). It holds only
 * the permissions its token's scopes grant, and never more than the
 * creator's role allows now (lib/authz/policy.ts `can`). Null when the app
 * is revoked, not of that organisation, its organisation is not active, or
 * its creator is disabled or no longer of the organisation.
 */
export async function appCtx(appId: string, organizationId: string, scopes: ApiScope[]): Promise<Ctx | null> {
  const [row] = await query<Row>(
    Prisma.sql`SELECT a."name" AS "appName", a."revokedAt", a."organizationId",
        u."id" AS "userId", u."email", u."name", u."role", u."disabled", u."organizationId" AS "userOrgId",
        o."kind" AS "orgKind", o."status" AS "orgStatus", o."legalName"
      FROM "ApiApp" a
      JOIN "User" u ON u."id" = a."createdById"
      JOIN "Organization" o ON o."id" = a."organizationId"
      WHERE a."id" = ${appId}`,
    { plan: 'reuse' },
  );
  if (!row || row.revokedAt || row.organizationId !== organizationId) return null;
  if (row.orgStatus !== 'ACTIVE' || row.disabled || row.userOrgId !== organizationId) return null;
  return {
    userId: row.userId,
    email: row.email,
    name: row.name,
    role: row.role,
    orgId: organizationId,
    orgKind: row.orgKind,
    orgStatus: row.orgStatus,
    customerId: null,
    orgName: row.legalName,
    mustChangePassword: false,
    mustEnrolMfa: false,
    locale: null,
    app: { id: appId, name: row.appName, permissions: permissionsOf(scopes) },
  };
}
