import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Conflict, NotFound } from '@/lib/errors';
import { hashToken } from '@/lib/tokens';
import { parseInput } from '@/lib/validation/parse-input';
import { newClientSecret } from './create-api-app';
import { apiAppInput, type ApiAppInput } from './schemas';

/** After a rotation the previous secret still works this long, so a running integration can switch without downtime. */
export const SECRET_GRACE_HOURS = 24;

/**
 * A new secret for one of the organisation's apps (shown once); the secret
 * it replaces keeps working for SECRET_GRACE_HOURS, the one before that
 * stops at once. A revoked app has nothing to rotate.
 */
export async function rotateApiAppSecret(ctx: Ctx, raw: ApiAppInput) {
  assertCan(ctx, 'apps.manage');
  const { appId } = parseInput(apiAppInput, raw);
  const clientSecret = newClientSecret();
  const now = clock.now();
  return db().$transaction(async (tx) => {
    const app = await tx.apiApp.findFirst({
      where: { id: appId, organizationId: ctx.orgId!, revokedAt: null },
      select: { id: true, secretHash: true },
    });
    if (!app) throw new NotFound('apiApp');
    const { count } = await tx.apiApp.updateMany({
      where: { id: app.id, secretHash: app.secretHash, revokedAt: null },
      data: {
        secretHash: hashToken(clientSecret),
        previousSecretHash: app.secretHash,
        previousSecretExpiresAt: new Date(now.getTime() + SECRET_GRACE_HOURS * 3_600_000),
        secretRotatedAt: now,
      },
    });
    if (count === 0) throw new Conflict();
    await recordAudit(tx, ctx, { action: 'api_app.secret_rotated', targetType: 'apiApp', targetId: app.id });
    return { appId: app.id, clientSecret };
  });
}
