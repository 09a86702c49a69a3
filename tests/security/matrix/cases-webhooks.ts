// Matrix cases of webhooks: an org admin's own endpoints and deliveries only.
import { db } from '@/lib/db';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { deleteWebhookEndpoint } from '@/lib/webhooks/delete-webhook-endpoint';
import { findWebhookDeliveries } from '@/lib/webhooks/find-webhook-deliveries';
import { findWebhookEndpoints } from '@/lib/webhooks/find-webhook-endpoints';
import { resendWebhookDelivery } from '@/lib/webhooks/resend-webhook-delivery';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';
import { setWebhookEndpointEnabled } from '@/lib/webhooks/set-webhook-endpoint-enabled';
import { type Case, PARTNERS, aud, ownFor } from './cases-kit';
import { webhookEndpoint } from './world-other-channel';

const grant = { permission: 'apps.manage' as const, audiences: PARTNERS };

/** A new endpoint (with one delivery) of the caller's organisation to act on; none for other audiences. */
async function freshHook(ctx: Parameters<Case['call']>[0]) {
  if (!PARTNERS.includes(aud(ctx)) || !ctx.orgId) return null;
  const user = await db().user.findUniqueOrThrow({ where: { id: ctx.userId }, select: { id: true } });
  return webhookEndpoint(ctx.orgId, user.id, 'https://own-matrix-hooks.example/in');
}

export const WEBHOOK_CASES: Case[] = [
  {
    fn: 'lib/webhooks/find-webhook-endpoints#findWebhookEndpoints',
    kind: 'list',
    grant,
    call: (ctx) => findWebhookEndpoints(ctx),
    ownMarker: (w, ctx) => (aud(ctx) === 'provider' ? w.ours.webhookEndpoint : null),
  },
  {
    fn: 'lib/webhooks/find-webhook-deliveries#findWebhookDeliveries',
    kind: 'id',
    grant,
    call: (ctx, id) => findWebhookDeliveries(ctx, { endpointId: id }),
    own: ownFor({ provider: (w) => w.ours.webhookEndpoint }),
  },
  {
    // The URL is checked (ssrf.ts) before anything is written: an https URL on a public literal address needs no DNS.
    fn: 'lib/webhooks/create-webhook-endpoint#createWebhookEndpoint',
    kind: 'self',
    writes: true,
    grant,
    call: (ctx) => createWebhookEndpoint(ctx, { url: 'https://93.184.216.34/matrix', events: ['customer.updated'] }),
  },
  {
    fn: 'lib/webhooks/send-test-event#sendTestEvent',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => sendTestEvent(ctx, { endpointId: id }),
    own: async (_w, ctx) => (await freshHook(ctx))?.endpointId ?? null,
  },
  {
    fn: 'lib/webhooks/resend-webhook-delivery#resendWebhookDelivery',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => resendWebhookDelivery(ctx, { deliveryId: id }),
    own: async (_w, ctx) => (await freshHook(ctx))?.deliveryId ?? null,
  },
  {
    fn: 'lib/webhooks/set-webhook-endpoint-enabled#setWebhookEndpointEnabled',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => setWebhookEndpointEnabled(ctx, { endpointId: id, enabled: false }),
    own: async (_w, ctx) => (await freshHook(ctx))?.endpointId ?? null,
  },
  {
    fn: 'lib/webhooks/delete-webhook-endpoint#deleteWebhookEndpoint',
    kind: 'id',
    writes: true,
    grant,
    call: (ctx, id) => deleteWebhookEndpoint(ctx, { endpointId: id }),
    own: async (_w, ctx) => (await freshHook(ctx))?.endpointId ?? null,
  },
];
