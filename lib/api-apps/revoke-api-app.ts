import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { apiAppInput, type ApiAppInput } from './schemas';

/**
 * Revokes one of the organisation's apps: every token it holds stops at once
 * (a token is checked against its app on each request) and no new one is
 * issued. Revoking a revoked app records nothing.
 */
export async function revokeApiApp(ctx: Ctx, raw: ApiAppInput) {
  assertCan(ctx, 'apps.manage');
  const { appId } = parseInput(apiAppInput, raw);
  return db().$transaction(async (tx) => {
    const app = await tx.apiApp.findFirst({
      where: { id: appId, organizationId: ctx.orgId! },
      select: { id: true, revokedAt: true },
    });
    if (!app) throw new NotFound('apiApp');
    if (app.revokedAt) return { appId: app.id, changed: false };
    const { count } = await tx.apiApp.updateMany({
      where: { id: app.id, revokedAt: null },
      data: { revokedAt: clock.now(), previousSecretHash: null, previousSecretExpiresAt: null },
    });
    if (count > 0) await recordAudit(tx, ctx, { action: 'api_app.revoked', targetType: 'apiApp', targetId: app.id });
    return { appId: app.id, changed: count > 0 };
  });
}
