import 'server-only';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { deleteWebhookEndpoint } from '@/lib/webhooks/delete-webhook-endpoint';
import { findWebhookDeliveries } from '@/lib/webhooks/find-webhook-deliveries';
import { findWebhookEndpoints } from '@/lib/webhooks/find-webhook-endpoints';
import { resendWebhookDelivery } from '@/lib/webhooks/resend-webhook-delivery';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';
import { setWebhookEndpointEnabled } from '@/lib/webhooks/set-webhook-endpoint-enabled';
import { decodeCursor } from './cursor';
import { defineOperation } from './operation';
import {
  deliveryAnswer,
  deliveryPath,
  doneAnswer,
  endpointPath,
  pageQuery,
  webhookDeliveryItem,
  webhookEndpointBody,
  webhookEndpointCreated,
  webhookEndpointItem,
} from './schemas';

const TAG = 'Webhooks';

/** Disable or enable an endpoint (the Webhooks page's buttons). */
function setEnabled(enabled: boolean) {
  return defineOperation({
    method: 'POST',
    path: `/webhooks/{endpointId}/${enabled ? 'enable' : 'disable'}`,
    operationId: enabled ? 'enableWebhookEndpoint' : 'disableWebhookEndpoint',
    summary: enabled ? 'Enable an endpoint' : 'Disable an endpoint',
    tag: TAG,
    scope: 'webhooks.manage',
    params: endpointPath,
    response: doneAnswer,
    run: async ({ ctx, params }) => {
      await setWebhookEndpointEnabled(ctx, { endpointId: params.endpointId, enabled });
      return { body: { id: params.endpointId, state: enabled ? 'ENABLED' : 'DISABLED' } };
    },
  });
}

// Webhook endpoints and their delivery logs, as on the Webhooks page (decision 0059).
export const webhooksApi = {
  list: defineOperation({
    method: 'GET',
    path: '/webhooks',
    operationId: 'listWebhookEndpoints',
    summary: "The organisation's webhook endpoints",
    tag: TAG,
    scope: 'webhooks.manage',
    response: webhookEndpointItem,
    list: true,
    run: async ({ ctx }) => ({ items: await findWebhookEndpoints(ctx), nextCursor: null }),
  }),
  create: defineOperation({
    method: 'POST',
    path: '/webhooks',
    operationId: 'createWebhookEndpoint',
    summary: 'Add a webhook endpoint',
    description:
      'An https URL whose addresses are public, and the events wanted. The signing secret is in this answer only.',
    tag: TAG,
    scope: 'webhooks.manage',
    body: webhookEndpointBody,
    response: webhookEndpointCreated,
    status: 201,
    codes: ['https_required', 'private_address', 'unresolvable'],
    run: async ({ ctx, body }) => ({ body: await createWebhookEndpoint(ctx, body) }),
  }),
  remove: defineOperation({
    method: 'DELETE',
    path: '/webhooks/{endpointId}',
    operationId: 'deleteWebhookEndpoint',
    summary: 'Delete an endpoint',
    tag: TAG,
    scope: 'webhooks.manage',
    params: endpointPath,
    response: doneAnswer,
    run: async ({ ctx, params }) => {
      await deleteWebhookEndpoint(ctx, { endpointId: params.endpointId });
      return { body: { id: params.endpointId, state: 'DELETED' } };
    },
  }),
  enable: setEnabled(true),
  disable: setEnabled(false),
  test: defineOperation({
    method: 'POST',
    path: '/webhooks/{endpointId}/test',
    operationId: 'sendWebhookTestEvent',
    summary: 'Send a test event',
    description: 'A `webhook.test` event to this endpoint; it shows in the delivery log.',
    tag: TAG,
    scope: 'webhooks.manage',
    params: endpointPath,
    response: deliveryAnswer,
    status: 201,
    run: async ({ ctx, params }) => ({ body: await sendTestEvent(ctx, { endpointId: params.endpointId }) }),
  }),
  deliveries: defineOperation({
    method: 'GET',
    path: '/webhooks/{endpointId}/deliveries',
    operationId: 'listWebhookDeliveries',
    summary: "An endpoint's delivery log",
    description: 'Newest first: status, answer code, duration and attempts of each delivery.',
    tag: TAG,
    scope: 'webhooks.manage',
    params: endpointPath,
    query: pageQuery.pick({ cursor: true }),
    response: webhookDeliveryItem,
    list: true,
    run: async ({ ctx, params, query }) => {
      const page = await findWebhookDeliveries(ctx, {
        endpointId: params.endpointId,
        before: decodeCursor(query.cursor),
      });
      return { items: page.deliveries, nextCursor: page.next };
    },
  }),
  resend: defineOperation({
    method: 'POST',
    path: '/webhook-deliveries/{deliveryId}/resend',
    operationId: 'resendWebhookDelivery',
    summary: 'Resend a delivery',
    description: 'The same event with the same `webhook-id`, as a new row of the log.',
    tag: TAG,
    scope: 'webhooks.manage',
    params: deliveryPath,
    response: deliveryAnswer,
    status: 201,
    run: async ({ ctx, params }) => ({ body: await resendWebhookDelivery(ctx, { deliveryId: params.deliveryId }) }),
  }),
};
