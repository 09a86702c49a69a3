import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { parseInput } from '@/lib/validation/parse-input';
import { assertSafeEndpointUrl } from './check-url';
import { createWebhookEndpointInput, type CreateWebhookEndpointInput } from './schemas';
import { encryptSecret, newWebhookSecret } from './sign';

/**
 * An org admin registers an https URL for the events it wants. The URL's
 * addresses must be public (ssrf.ts, checked again at every delivery).
 * Answers the signing secret, which is never shown again.
 */
export async function createWebhookEndpoint(ctx: Ctx, raw: CreateWebhookEndpointInput) {
  assertCan(ctx, 'apps.manage');
  const input = parseInput(createWebhookEndpointInput, raw);
  await assertSafeEndpointUrl(input.url);
  const events = [...new Set(input.events)];
  const secret = newWebhookSecret();
  return db().$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.create({
      data: {
        organizationId: ctx.orgId!,
        url: input.url,
        events,
        secretEncrypted: encryptSecret(secret),
        createdById: ctx.userId,
        createdAt: clock.now(),
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: 'webhook_endpoint.created',
      targetType: 'webhookEndpoint',
      targetId: endpoint.id,
      after: { url: input.url, events },
    });
    return { endpointId: endpoint.id, secret };
  });
}
