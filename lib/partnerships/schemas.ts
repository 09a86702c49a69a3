import { z } from 'zod';
import { optionalEmail, subjectText } from '@/lib/validation/text';

export const INVITATION_DAYS = 30;

const recipientEmail = optionalEmail('partnerships.errors.email');

export const sendPartnershipRequestInput = z.object({
  invitationId: z.string().min(1).max(40),
  resellerEmail: recipientEmail,
  subject: subjectText(200),
  body: z.string().trim().min(1, 'errors.required').max(5000),
});
export type SendPartnershipRequestInput = z.infer<typeof sendPartnershipRequestInput>;

export const invitationIdInput = z.object({ invitationId: z.string().min(1).max(40) });

export const respondInput = z.object({
  token: z.string().min(10).max(100),
  decision: z.enum(['accept', 'decline']),
  agree: z
    .union([z.literal('on'), z.literal('true'), z.boolean()])
    .optional()
    .transform((v) => v === 'on' || v === 'true' || v === true),
});
export type RespondInput = z.input<typeof respondInput>;

export const partnershipIdInput = z.object({ partnershipId: z.string().min(1).max(40) });
