import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import { Prisma } from '@/lib/generated/prisma/client';

/** The events an endpoint may ask for (docs/decisions/0059-webhooks.md). */
export const EVENT_TYPES = [
  'customer.created',
  'customer.updated',
  'order.completed',
  'subscription.created',
  'subscription.updated',
  'partnership.created',
  'partnership.ended',
  'invitation.accepted',
  'relationship.accepted',
  'relationship.removed',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
/** Sent by Send test event to one endpoint only. */
export const TEST_EVENT = 'webhook.test';

/** The record an event is about: who may see it decides who receives it, and its events go out in order. */
export type Subject = { kind: 'customer' | 'subscription' | 'partnership'; id: string };

export type WebhookEvent = {
  type: EventType;
  subject: Subject;
  /** Ids and the changed fields. */
  data: Prisma.InputJsonObject;
  /** Organisations that lost sight of the record through this change and are told of it (e.g. a removed reseller). */
  alsoTo?: (string | null | undefined)[];
};

export const newMessageId = () => `msg_${randomBytes(18).toString('base64url')}`;

/**
 * The organisations that may see the record now (lib/authz/scopes.ts), as a
 * subquery: a customer's provider and managing reseller; a subscription's,
 * plus the reseller credited on it and its support contact; a partnership's
 * two parties.
 */
function audienceSql(subject: Subject): Prisma.Sql {
  if (subject.kind === 'customer')
    return Prisma.sql`SELECT unnest(ARRAY[c."providerId", c."managingResellerId"])
      FROM "Customer" c WHERE c.id = ${subject.id}`;
  if (subject.kind === 'subscription')
    return Prisma.sql`
      SELECT unnest(ARRAY[c."providerId", c."managingResellerId", s."resellerId", s."supportContactOrgId"])
      FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId" WHERE s.id = ${subject.id}`;
  return Prisma.sql`SELECT unnest(ARRAY[p."providerId", p."resellerId"])
    FROM "Partnership" p WHERE p.id = ${subject.id}`;
}

/**
 * Writes the event's deliveries in the caller's transaction (an outbox), one
 * per enabled endpoint of an active organisation in its audience that asked
 * for this type, so they exist exactly when the change does. The webhook
 * worker sends them (deliver.ts).
 */
export async function emitEvent(tx: Tx, event: WebhookEvent): Promise<void> {
  const also = (event.alsoTo ?? []).filter((id): id is string => !!id);
  // One statement: the audience and its endpoints that asked for this type (usually none: nothing more is sent).
  const endpoints = await tx.$queryRaw<{ id: string; organizationId: string }[]>`
    SELECT e.id, e."organizationId"
      FROM "WebhookEndpoint" e
      JOIN "Organization" o ON o.id = e."organizationId" AND o.status = 'ACTIVE'
     WHERE e.enabled AND ${event.type} = ANY (e.events)
       AND e."organizationId" IN (${audienceSql(event.subject)} UNION ALL SELECT unnest(${also}::text[]))
     ORDER BY e.id`;
  if (endpoints.length === 0) return;
  const now = clock.now();
  const payload = { type: event.type, timestamp: now.toISOString(), data: event.data };
  await tx.webhookDelivery.createMany({
    data: endpoints.map((endpoint) => ({
      endpointId: endpoint.id,
      organizationId: endpoint.organizationId,
      messageId: newMessageId(),
      eventType: event.type,
      resourceKey: `${event.subject.kind}:${event.subject.id}`,
      payload,
      nextAttemptAt: now,
      createdAt: now,
    })),
  });
}

/** Whether any of these organisations has an enabled endpoint (lets a change touching many records skip its events). */
export async function hasWebhookEndpoints(tx: Tx, orgIds: string[]): Promise<boolean> {
  const found = await tx.webhookEndpoint.findFirst({
    where: { organizationId: { in: orgIds }, enabled: true },
    select: { id: true },
  });
  return found !== null;
}
