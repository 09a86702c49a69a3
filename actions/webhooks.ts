'use server';
import { revalidatePath } from 'next/cache';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { deleteWebhookEndpoint } from '@/lib/webhooks/delete-webhook-endpoint';
import { resendWebhookDelivery } from '@/lib/webhooks/resend-webhook-delivery';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';
import { setWebhookEndpointEnabled } from '@/lib/webhooks/set-webhook-endpoint-enabled';
import {
  createWebhookEndpointInput,
  setWebhookEndpointEnabledInput,
  webhookDeliveryInput,
  webhookEndpointInput,
} from '@/lib/webhooks/schemas';
import { defineAction } from '@/lib/pipeline/define-action';

/** Adds the endpoint and answers its signing secret, which the form shows once; a refusal keeps what was typed. */
export const createWebhookEndpointAction = defineAction({
  permission: 'apps.manage',
  input: createWebhookEndpointInput,
  echo: ['url', 'events'],
  run: async (ctx, input) => {
    const result = await createWebhookEndpoint(ctx, input);
    revalidatePath('/webhooks');
    return result;
  },
});

/** Disable or Enable. */
export const setWebhookEndpointEnabledAction = defineAction({
  permission: 'apps.manage',
  input: setWebhookEndpointEnabledInput,
  run: async (ctx, input) => {
    const { changed } = await setWebhookEndpointEnabled(ctx, input);
    revalidatePath('/webhooks');
    return changed ? ('changed' as const) : ('unchanged' as const);
  },
});

/** Delete, with its delivery log. */
export const deleteWebhookEndpointAction = defineAction({
  permission: 'apps.manage',
  input: webhookEndpointInput,
  run: async (ctx, input) => {
    await deleteWebhookEndpoint(ctx, input);
    revalidatePath('/webhooks');
    return 'deleted' as const;
  },
});

/** Send test event: queued now, shown in the delivery log. */
export const sendTestEventAction = defineAction({
  permission: 'apps.manage',
  input: webhookEndpointInput,
  run: async (ctx, input) => {
    await sendTestEvent(ctx, input);
    revalidatePath('/webhooks');
    return 'queued' as const;
  },
});

/** Resend one delivery of the log, with the same webhook-id. */
export const resendWebhookDeliveryAction = defineAction({
  permission: 'apps.manage',
  input: webhookDeliveryInput,
  run: async (ctx, input) => {
    await resendWebhookDelivery(ctx, input);
    revalidatePath('/webhooks');
    return 'resent' as const;
  },
});
