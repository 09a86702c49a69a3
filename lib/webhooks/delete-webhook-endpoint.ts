import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { parseInput } from '@/lib/validation/parse-input';
import { loadOwnEndpoint } from './load-endpoint';
import { webhookEndpointInput, type WebhookEndpointInput } from './schemas';

/** Deletes one of the organisation's endpoints with its delivery log; pending deliveries are dropped. */
export async function deleteWebhookEndpoint(ctx: Ctx, raw: WebhookEndpointInput) {
  assertCan(ctx, 'apps.manage');
  const { endpointId } = parseInput(webhookEndpointInput, raw);
  return db().$transaction(async (tx) => {
    const endpoint = await loadOwnEndpoint(tx, ctx, endpointId);
    await tx.webhookEndpoint.delete({ where: { id: endpointId } });
    await recordAudit(tx, ctx, {
      action: 'webhook_endpoint.deleted',
      targetType: 'webhookEndpoint',
      targetId: endpointId,
      before: { url: endpoint.url },
    });
    return { endpointId };
  });
}
