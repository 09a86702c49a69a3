import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';

/** The organisation's API apps, newest first, revoked ones included (never a secret or its hash). */
export async function findApiApps(ctx: Ctx) {
  assertCan(ctx, 'apps.manage');
  return db().apiApp.findMany({
    where: { organizationId: ctx.orgId! },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
    select: {
      id: true,
      name: true,
      clientId: true,
      scopes: true,
      createdAt: true,
      secretRotatedAt: true,
      revokedAt: true,
      lastUsedAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
}
