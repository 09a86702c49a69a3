import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan, can } from '@/lib/authz/policy';
import { Invalid } from '@/lib/errors';
import { hashToken, newToken } from '@/lib/tokens';
import { parseInput } from '@/lib/validation/parse-input';
import { createApiAppInput, type CreateApiAppInput } from './schemas';
import { grantable, type ApiScope } from './scopes';

/** A new app secret: shown once, stored only as its hash. */
export function newClientSecret(): string {
  return `pcs_${newToken()}`;
}

/**
 * An org admin registers an API app with a name and scopes, none granting
 * more than the admin holds. Answers the client id and the secret, which is
 * never shown again.
 */
export async function createApiApp(ctx: Ctx, raw: CreateApiAppInput) {
  assertCan(ctx, 'apps.manage');
  const input = parseInput(createApiAppInput, raw);
  const scopes = [...new Set(input.scopes)] as ApiScope[];
  if (!scopes.every((scope) => grantable(scope, (permission) => can(ctx, permission))))
    throw new Invalid({ scopes: ['apiApps.errors.scopeNotAllowed'] });
  const clientId = `pcapp_${randomBytes(12).toString('base64url')}`;
  const clientSecret = newClientSecret();
  return db().$transaction(async (tx) => {
    const app = await tx.apiApp.create({
      data: {
        organizationId: ctx.orgId!,
        name: input.name,
        clientId,
        scopes,
        secretHash: hashToken(clientSecret),
        createdById: ctx.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: 'api_app.created',
      targetType: 'apiApp',
      targetId: app.id,
      after: { name: input.name, clientId, scopes },
    });
    return { appId: app.id, clientId, clientSecret };
  });
}
