import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { parseInput } from '@/lib/validation/parse-input';
import { loadOwnEndpoint } from './load-endpoint';
import { setWebhookEndpointEnabledInput, type SetWebhookEndpointEnabledInput } from './schemas';

/**
 * Disable or enable one of the organisation's endpoints. A disabled
 * endpoint gets no new events and its pending deliveries wait; enabling it
 * makes them due at once with a fresh retry schedule. No change, no audit.
 */
export async function setWebhookEndpointEnabled(ctx: Ctx, raw: SetWebhookEndpointEnabledInput) {
  assertCan(ctx, 'apps.manage');
  const { endpointId, enabled } = parseInput(setWebhookEndpointEnabledInput, raw);
  return db().$transaction(async (tx) => {
    const endpoint = await loadOwnEndpoint(tx, ctx, endpointId);
    if (endpoint.enabled === enabled) return { endpointId, changed: false };
    const now = clock.now();
    await tx.webhookEndpoint.update({
      where: { id: endpointId },
      data: enabled
        ? { enabled: true, disabledReason: null, disabledAt: null }
        : { enabled: false, disabledReason: 'admin', disabledAt: now },
    });
    if (enabled)
      await tx.webhookDelivery.updateMany({
        where: { endpointId, state: 'PENDING' },
        data: { attempts: 0, nextAttemptAt: now },
      });
    await recordAudit(tx, ctx, {
      action: enabled ? 'webhook_endpoint.enabled' : 'webhook_endpoint.disabled',
      targetType: 'webhookEndpoint',
      targetId: endpointId,
      after: { url: endpoint.url },
    });
    return { endpointId, changed: true };
  });
}
