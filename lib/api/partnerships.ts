import 'server-only';
import { findIndirectProviders } from '@/lib/partnerships/find-indirect-providers';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { findPendingInvitations } from '@/lib/partnerships/find-invitations';
import { resendInvitation, revokeInvitation } from '@/lib/partnerships/manage-invitation';
import { removePartnership } from '@/lib/partnerships/remove-partnership';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { decodeCursor } from './cursor';
import { defineOperation } from './operation';
import {
  doneAnswer,
  invitationAnswer,
  invitationBody,
  invitationPath,
  partnershipListItem,
  partnershipPath,
  pendingInvitationItem,
  providerPartnershipItem,
  resellerListQuery,
} from './schemas';

// Partnerships (R1, R2, R10): a provider's indirect resellers and its
// invitations (F1), a reseller's providers, and ending a partnership.
export const partnershipsApi = {
  resellers: defineOperation({
    method: 'GET',
    path: '/indirect-resellers',
    operationId: 'listIndirectResellers',
    audience: 'provider',
    summary: "A provider's indirect resellers",
    description:
      'One row per partnership, active first, with the customers each reseller manages and the licences credited ' +
      'to it; `q` searches the name or the start of the MPN ID.',
    tag: 'Partnerships',
    scope: 'partnerships.read',
    query: resellerListQuery,
    response: partnershipListItem,
    list: true,
    run: async ({ ctx, query }) => {
      const page = await findIndirectResellers(
        ctx,
        { q: query.q, after: decodeCursor(query.cursor) },
        { size: query.limit },
      );
      return { items: page.rows, nextCursor: page.nextCursor };
    },
  }),
  providers: defineOperation({
    method: 'GET',
    path: '/indirect-providers',
    operationId: 'listIndirectProviders',
    audience: 'reseller',
    summary: "A reseller's indirect providers",
    tag: 'Partnerships',
    scope: 'partnerships.read',
    response: providerPartnershipItem,
    list: true,
    run: async ({ ctx }) => {
      const rows = await findIndirectProviders(ctx);
      return {
        items: rows.map((p) => ({
          id: p.id,
          state: p.state,
          startedAt: p.startedAt,
          endedAt: p.endedAt,
          provider: { id: p.provider.id, legalName: p.provider.legalName, mpnId: p.provider.mpnId },
        })),
        nextCursor: null,
      };
    },
  }),
  invitations: defineOperation({
    method: 'GET',
    path: '/invitations',
    operationId: 'listInvitations',
    audience: 'provider',
    summary: "A provider's pending partnership invitations",
    tag: 'Partnerships',
    scope: 'partnerships.read',
    response: pendingInvitationItem,
    list: true,
    run: async ({ ctx }) => ({ items: await findPendingInvitations(ctx), nextCursor: null }),
  }),
  invite: defineOperation({
    method: 'POST',
    path: '/invitations',
    operationId: 'createInvitation',
    audience: 'provider',
    summary: 'Invite a reseller to a partnership',
    description:
      'A partnership invitation valid 30 days (F1, R2). Its personalised link is answered once. With ' +
      '`resellerEmail`, the portal also mails the default message to that address.',
    tag: 'Partnerships',
    scope: 'partnerships.write',
    body: invitationBody,
    response: invitationAnswer,
    status: 201,
    run: async ({ ctx, body, baseUrl }) => {
      const draft = await startPartnershipRequest(ctx, { baseUrl });
      if (body.resellerEmail)
        await sendPartnershipRequest(ctx, {
          invitationId: draft.invitationId,
          resellerEmail: body.resellerEmail,
          subject: draft.subject,
          body: draft.body,
        });
      return {
        body: {
          invitationId: draft.invitationId,
          expiresAt: draft.expiresAt,
          link: draft.link,
          sent: !!body.resellerEmail,
        },
      };
    },
  }),
  revokeInvitation: defineOperation({
    method: 'POST',
    path: '/invitations/{invitationId}/revoke',
    operationId: 'revokeInvitation',
    audience: 'provider',
    summary: 'Revoke a pending invitation',
    tag: 'Partnerships',
    scope: 'partnerships.write',
    params: invitationPath,
    response: doneAnswer,
    codes: ['not_pending'],
    run: async ({ ctx, params }) => {
      await revokeInvitation(ctx, { invitationId: params.invitationId });
      return { body: { id: params.invitationId, state: 'REVOKED' } };
    },
  }),
  resendInvitation: defineOperation({
    method: 'POST',
    path: '/invitations/{invitationId}/resend',
    operationId: 'resendInvitation',
    audience: 'provider',
    summary: 'Send a pending invitation again',
    tag: 'Partnerships',
    scope: 'partnerships.write',
    params: invitationPath,
    response: doneAnswer,
    codes: ['not_pending'],
    run: async ({ ctx, params, baseUrl }) => {
      await resendInvitation(ctx, { invitationId: params.invitationId, baseUrl });
      return { body: { id: params.invitationId, state: 'PENDING' } };
    },
  }),
  remove: defineOperation({
    method: 'DELETE',
    path: '/partnerships/{partnershipId}',
    operationId: 'removePartnership',
    audience: 'provider',
    summary: 'End a partnership',
    description:
      "R10: the reseller stops managing the provider's customers, is no longer credited on their subscriptions " +
      'and stops being their support contact, at once.',
    tag: 'Partnerships',
    scope: 'partnerships.write',
    params: partnershipPath,
    response: doneAnswer,
    codes: ['partnership_ended'],
    run: async ({ ctx, params }) => {
      await removePartnership(ctx, { partnershipId: params.partnershipId });
      return { body: { id: params.partnershipId, state: 'ENDED' } };
    },
  }),
};
