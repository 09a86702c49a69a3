'use server';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { baseUrl } from '@/lib/http/base-url';
import { defineAction } from '@/lib/pipeline/define-action';
import { resendInvitation, revokeInvitation } from '@/lib/partnerships/manage-invitation';
import { removePartnership } from '@/lib/partnerships/remove-partnership';
import { respondToInvitation } from '@/lib/partnerships/respond-to-invitation';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import {
  invitationIdInput,
  partnershipIdInput,
  respondInput,
  sendPartnershipRequestInput,
} from '@/lib/partnerships/schemas';

export const startPartnershipRequestAction = defineAction({
  permission: 'partnerships.write',
  run: async (ctx) => startPartnershipRequest(ctx, { baseUrl: await baseUrl(), locale: await getLocale() }),
});

export const sendPartnershipRequestAction = defineAction({
  permission: 'partnerships.write',
  input: sendPartnershipRequestInput,
  run: sendPartnershipRequest,
});

export const revokeInvitationAction = defineAction({
  permission: 'partnerships.write',
  input: invitationIdInput,
  run: async (ctx, input) => {
    await revokeInvitation(ctx, input);
    redirect('/indirect-resellers?done=revoked');
  },
});

export const resendInvitationAction = defineAction({
  permission: 'partnerships.write',
  input: invitationIdInput,
  run: async (ctx, input) => {
    await resendInvitation(ctx, { ...input, baseUrl: await baseUrl() });
    redirect('/indirect-resellers?done=resent');
  },
});

export const removePartnershipAction = defineAction({
  permission: 'partnerships.write',
  input: partnershipIdInput,
  run: async (ctx, input) => {
    await removePartnership(ctx, input);
    redirect(`/indirect-resellers?removed=${encodeURIComponent(input.partnershipId)}`);
  },
});

// Any signed-in user may try; respondToInvitation applies R2 and refuses
// every account that may not accept, each with its own message.
export const respondToInvitationAction = defineAction({
  permission: 'account.self',
  input: respondInput,
  run: async (ctx, input) => respondToInvitation(ctx, { ...input, baseUrl: await baseUrl() }),
});
