import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { parseInput } from '@/lib/validation/parse-input';
import { newMessageId, TEST_EVENT } from './events';
import { loadOwnEndpoint } from './load-endpoint';
import { webhookEndpointInput, type WebhookEndpointInput } from './schemas';

/** Send test event: a `webhook.test` delivery to this endpoint only, due now (the worker sends it). */
export async function sendTestEvent(ctx: Ctx, raw: WebhookEndpointInput) {
  assertCan(ctx, 'apps.manage');
  const { endpointId } = parseInput(webhookEndpointInput, raw);
  return db().$transaction(async (tx) => {
    const endpoint = await loadOwnEndpoint(tx, ctx, endpointId);
    const now = clock.now();
    const delivery = await tx.webhookDelivery.create({
      data: {
        endpointId,
        organizationId: endpoint.organizationId,
        messageId: newMessageId(),
        eventType: TEST_EVENT,
        resourceKey: `test:${endpointId}`,
        payload: {
          type: TEST_EVENT,
          timestamp: now.toISOString(),
          data: { endpointId, organizationId: endpoint.organizationId },
        },
        nextAttemptAt: now,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: 'webhook_endpoint.test_sent',
      targetType: 'webhookEndpoint',
      targetId: endpointId,
    });
    return { deliveryId: delivery.id };
  });
}
