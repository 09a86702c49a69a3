import 'server-only';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { findWebhookDeliveriesInput, type FindWebhookDeliveriesInput } from './schemas';

export const DELIVERIES_PAGE = 25;

/**
 * One page of an endpoint's delivery log, newest first (keyset on the
 * delivery's sequence); another organisation's endpoint is not found.
 */
export async function findWebhookDeliveries(ctx: Ctx, raw: FindWebhookDeliveriesInput) {
  assertCan(ctx, 'apps.manage');
  const input = parseInput(findWebhookDeliveriesInput, raw);
  const endpoint = await db().webhookEndpoint.findFirst({
    where: { id: input.endpointId, organizationId: ctx.orgId! },
    select: { id: true, url: true, enabled: true },
  });
  if (!endpoint) throw new NotFound('webhookEndpoint');
  const rows = await db().webhookDelivery.findMany({
    where: { endpointId: endpoint.id, ...(input.before ? { seq: { lt: BigInt(input.before) } } : {}) },
    orderBy: { seq: 'desc' },
    take: DELIVERIES_PAGE + 1,
    select: {
      seq: true,
      id: true,
      messageId: true,
      eventType: true,
      state: true,
      attempts: true,
      responseStatus: true,
      durationMs: true,
      responseBody: true,
      error: true,
      createdAt: true,
      lastAttemptAt: true,
      nextAttemptAt: true,
    },
  });
  const page = rows.slice(0, DELIVERIES_PAGE).map(({ seq: _seq, ...row }) => row);
  const next = rows.length > DELIVERIES_PAGE ? String(rows[DELIVERIES_PAGE - 1]!.seq) : null;
  return { endpoint, deliveries: page, next };
}
