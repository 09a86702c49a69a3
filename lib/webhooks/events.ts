import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Prisma } from '@/lib/generated/prisma/client';

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
 * The organisations that may see the record now (lib/authz/scopes.ts): a
 * customer's provider and managing reseller; a subscription's, plus the
 * reseller credited on it and its support contact; a partnership's two parties.
 */
async function audience(tx: Tx, subject: Subject): Promise<(string | null)[]> {
  if (subject.kind === 'customer') {
    const c = await tx.customer.findUnique({
      where: { id: subject.id },
      select: { providerId: true, managingResellerId: true },
    });
    return c ? [c.providerId, c.managingResellerId] : [];
  }
  if (subject.kind === 'subscription') {
    const s = await tx.subscription.findUnique({
      where: { id: subject.id },
      select: {
        resellerId: true,
        supportContactOrgId: true,
        customer: { select: { providerId: true, managingResellerId: true } },
      },
    });
    return s ? [s.customer.providerId, s.customer.managingResellerId, s.resellerId, s.supportContactOrgId] : [];
  }
  const p = await tx.partnership.findUnique({
    where: { id: subject.id },
    select: { providerId: true, resellerId: true },
  });
  return p ? [p.providerId, p.resellerId] : [];
}

/**
 * Writes the event's deliveries in the caller's transaction (an outbox), one
 * per enabled endpoint of an active organisation in its audience that asked
 * for this type, so they exist exactly when the change does. The webhook
 * worker sends them (deliver.ts).
 */
export async function emitEvent(tx: Tx, event: WebhookEvent): Promise<void> {
  const orgIds = [...new Set([...(await audience(tx, event.subject)), ...(event.alsoTo ?? [])])].filter(
    (id): id is string => !!id,
  );
  if (orgIds.length === 0) return;
  const endpoints = await tx.webhookEndpoint.findMany({
    where: {
      organizationId: { in: orgIds },
      enabled: true,
      events: { has: event.type },
      organization: { status: 'ACTIVE' },
    },
    select: { id: true, organizationId: true },
  });
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
