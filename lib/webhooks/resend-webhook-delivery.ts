import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseInput } from '@/lib/validation/parse-input';
import { webhookDeliveryInput, type WebhookDeliveryInput } from './schemas';

/**
 * Resend: the same event, with the same webhook-id (a receiver that has it
 * can drop it), as a new delivery at the end of the log, due now. Another
 * organisation's delivery is not found.
 */
export async function resendWebhookDelivery(ctx: Ctx, raw: WebhookDeliveryInput) {
  assertCan(ctx, 'apps.manage');
  const { deliveryId } = parseInput(webhookDeliveryInput, raw);
  return db().$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findFirst({
      where: { id: deliveryId, organizationId: ctx.orgId! },
      select: {
        endpointId: true,
        organizationId: true,
        messageId: true,
        eventType: true,
        resourceKey: true,
        payload: true,
      },
    });
    if (!original) throw new NotFound('webhookDelivery');
    const now = clock.now();
    const copy = await tx.webhookDelivery.create({
      data: { ...original, payload: original.payload as Prisma.InputJsonValue, nextAttemptAt: now, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, ctx, {
      action: 'webhook_delivery.resent',
      targetType: 'webhookEndpoint',
      targetId: original.endpointId,
      after: { messageId: original.messageId, eventType: original.eventType },
    });
    return { deliveryId: copy.id };
  });
}
