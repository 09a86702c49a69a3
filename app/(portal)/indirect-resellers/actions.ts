'use server';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { z } from 'zod';
import { defineAction } from '@/lib/actions';
import { baseUrl } from '@/lib/http/base-url';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';
import { resendInvitation, revokeInvitation } from '@/lib/partnerships/manage-invitation';
import { removePartnership } from '@/lib/partnerships/remove-partnership';
import { invitationIdInput, partnershipIdInput, sendPartnershipRequestInput } from '@/lib/partnerships/schemas';

export const startPartnershipRequestAction = defineAction({
  permission: 'partnerships.write',
  input: z.object({}),
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
