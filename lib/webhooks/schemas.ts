import { z } from 'zod';
import { EVENT_TYPES } from './events';

/** A form's checkboxes arrive as one value or several; the API sends a list. */
const eventList = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
  z
    .array(z.enum(EVENT_TYPES, 'webhooks.errors.unknownEvent'))
    .min(1, 'webhooks.errors.eventsRequired')
    .max(EVENT_TYPES.length),
);

/** An absolute http(s) URL without user name or password; https and the address are checked by the verb (ssrf.ts). */
const endpointUrl = z
  .string()
  .trim()
  .min(1, 'webhooks.errors.urlRequired')
  .max(2000, 'webhooks.errors.urlInvalid')
  .refine((raw) => {
    if (!URL.canParse(raw)) return false;
    const url = new URL(raw);
    return (url.protocol === 'https:' || url.protocol === 'http:') && !url.username && !url.password && !!url.hostname;
  }, 'webhooks.errors.urlInvalid');

export const createWebhookEndpointInput = z.object({ url: endpointUrl, events: eventList });
export type CreateWebhookEndpointInput = z.input<typeof createWebhookEndpointInput>;

const id = z.string().min(1).max(64);

/** Delete an endpoint, or send it a test event. */
export const webhookEndpointInput = z.object({ endpointId: id });
export type WebhookEndpointInput = z.input<typeof webhookEndpointInput>;

/** Disable or enable an endpoint (a form posts `true` / `false`). */
export const setWebhookEndpointEnabledInput = z.object({
  endpointId: id,
  enabled: z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean()),
});
export type SetWebhookEndpointEnabledInput = z.input<typeof setWebhookEndpointEnabledInput>;

/** Resend one delivery. */
export const webhookDeliveryInput = z.object({ deliveryId: id });
export type WebhookDeliveryInput = z.input<typeof webhookDeliveryInput>;

/** A page of an endpoint's delivery log, newest first; `before` is the last row's cursor. */
export const findWebhookDeliveriesInput = z.object({
  endpointId: id,
  before: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional()
    .catch(undefined),
});
export type FindWebhookDeliveriesInput = z.input<typeof findWebhookDeliveriesInput>;
