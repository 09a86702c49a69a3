import { z } from 'zod';
import { optionalEmail, searchText, subjectText } from '@/lib/validation/text';

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

/** Keyset cursor of the Indirect resellers list: `<state>.<startedAt ms>.<id>`. */
export const INDIRECT_RESELLERS_CURSOR = /^(ACTIVE|ENDED)\.(\d{1,15})\.([A-Za-z0-9_-]{1,40})$/;
const blank = (v: unknown) => (v === '' ? undefined : v);

export const findIndirectResellersInput = z.object({
  /** Reseller name (anywhere in it) or the start of its MPN ID. */
  q: searchText(100),
  /** Keyset cursor: `<state>.<startedAt ms>.<id>` of the last partnership on the previous page. */
  after: z.preprocess(blank, z.string().regex(INDIRECT_RESELLERS_CURSOR).optional()).catch(undefined),
  /** A partnership just removed: returned beside the page (for the confirmation) when it is in reach and ended. */
  removed: searchText(40),
});
export type FindIndirectResellersInput = z.input<typeof findIndirectResellersInput>;
