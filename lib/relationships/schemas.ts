import { z } from 'zod';
import { optionalEmail, subjectText } from '@/lib/validation/text';

/** A relationship link stays valid this long (like partnership links). */
export const REQUEST_DAYS = 30;

const checkbox = z
  .union([z.literal('on'), z.literal('true'), z.literal('false'), z.boolean()])
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === true);

const id = z.string().trim().min(1, 'errors.required').max(40);

/** The provider of record names one of its partnered resellers. */
export const providerRequestInput = z.object({ customerId: id, resellerId: id, includeDelegatedAdmin: checkbox });

/** A reseller names one of its providers and the customer by tenant domain. */
export const resellerRequestInput = z.object({
  providerId: id,
  tenantDomain: z
    .string()
    .trim()
    .toLowerCase()
    .min(3, 'relationships.errors.tenantDomain')
    .max(120, 'relationships.errors.tenantDomain'),
  includeDelegatedAdmin: checkbox,
});

const recipientEmail = optionalEmail('relationships.errors.email');

export const sendRelationshipRequestInput = z.object({
  requestId: id,
  recipientEmail: recipientEmail,
  subject: subjectText(200),
  body: z.string().trim().min(1, 'errors.required').max(5000),
});
export type SendRelationshipRequestInput = z.infer<typeof sendRelationshipRequestInput>;

export const requestIdInput = z.object({ requestId: id });

export const respondRelationshipInput = z.object({
  token: z.string().min(10).max(100),
  decision: z.enum(['accept', 'decline']),
});
export type RespondRelationshipInput = z.input<typeof respondRelationshipInput>;

/** The managing reseller the user saw; a different one now means someone else changed it. */
export const removeDelegatedAdminInput = z.object({ resellerId: id });

export const tenantOwnerInput = z.object({
  customerId: id,
  resellerId: id,
  // Idempotent: the action's parsed value (a boolean) parses again in the domain function.
  grant: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]),
});
export type TenantOwnerInput = z.input<typeof tenantOwnerInput>;
