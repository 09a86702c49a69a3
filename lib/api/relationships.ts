import 'server-only';
import { revokeRelationshipRequest } from '@/lib/relationships/revoke-relationship-request';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { defineOperation } from './operation';
import { doneAnswer, relationshipRequestAnswer, relationshipRequestBody, requestPath } from './schemas';

// Reseller relationship requests (F6, R11, R12): the customer's admin accepts
// them from the link in the mail, as in the portal.
export const relationshipsApi = {
  request: defineOperation({
    method: 'POST',
    path: '/relationship-requests',
    operationId: 'createRelationshipRequest',
    summary: 'Request a reseller relationship with a customer',
    description:
      'A provider names its customer (`customerId`) and one of its resellers (`resellerId`); a reseller names ' +
      'one of its providers (`providerId`) and the customer by `tenantDomain`. The request is valid 30 days; ' +
      "with `send` (the default) the portal mails it to the customer's admin.",
    tag: 'Relationships',
    scope: 'relationships.write',
    body: relationshipRequestBody,
    response: relationshipRequestAnswer,
    status: 201,
    codes: ['already_managing', 'partnership_required'],
    run: async ({ ctx, body, baseUrl }) => {
      const { send, includeDelegatedAdmin, ...parties } = body;
      const fields = { ...parties, ...(includeDelegatedAdmin ? { includeDelegatedAdmin: 'on' } : {}) };
      const draft = await startRelationshipRequest(ctx, fields, { baseUrl });
      const sent = send && Boolean(draft.recipientEmail);
      if (sent)
        await sendRelationshipRequest(ctx, {
          requestId: draft.requestId,
          recipientEmail: draft.recipientEmail,
          subject: draft.subject,
          body: draft.body,
        });
      const { requestId, expiresAt, link, recipientEmail } = draft;
      return { body: { requestId, expiresAt, link, recipientEmail, sent } };
    },
  }),
  revoke: defineOperation({
    method: 'POST',
    path: '/relationship-requests/{requestId}/revoke',
    operationId: 'revokeRelationshipRequest',
    summary: 'Revoke a pending relationship request',
    tag: 'Relationships',
    scope: 'relationships.write',
    params: requestPath,
    response: doneAnswer,
    codes: ['not_pending'],
    run: async ({ ctx, params }) => {
      await revokeRelationshipRequest(ctx, { requestId: params.requestId });
      return { body: { id: params.requestId, state: 'REVOKED' } };
    },
  }),
};
