import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg } from '../factories';
import { makeRelationshipChannel } from '../factories/relationships';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import { revokeRelationshipRequest } from '@/lib/relationships/revoke-relationship-request';
import { findCustomerRequests } from '@/lib/relationships/find-customer-requests';
import { Invalid, NotFound } from '@/lib/errors';

// F6: a drafted reseller relationship request sent or revoked (starting one: relationship-requests.int.test.ts).
const options = { baseUrl: 'http://portal.test' };
beforeEach(() => {
  clock.reset();
  return resetDatabase();
});

describe('F6 sending and revoking', () => {
  it('Send mails the draft through the outbox to the customer admin; the body must keep the link', async () => {
    const { providerCtx, customer, resellerA, adminCtx } = await makeRelationshipChannel();
    const draft = await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerA.id, includeDelegatedAdmin: 'on' },
      options,
    );
    await expect(
      sendRelationshipRequest(providerCtx, {
        requestId: draft.requestId,
        recipientEmail: adminCtx.email,
        subject: draft.subject,
        body: 'no link',
      }),
    ).rejects.toMatchObject({ fieldErrors: { body: ['relationships.errors.keepLink'] } });
    await expect(
      sendRelationshipRequest(providerCtx, {
        requestId: draft.requestId,
        recipientEmail: '',
        subject: draft.subject,
        body: draft.body,
      }),
    ).rejects.toBeInstanceOf(Invalid);
    expect(await db().outboxMessage.count()).toBe(0);
    expect(
      await sendRelationshipRequest(providerCtx, {
        requestId: draft.requestId,
        recipientEmail: adminCtx.email,
        subject: draft.subject,
        body: draft.body,
      }),
    ).toEqual({ sentTo: adminCtx.email });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { kind: 'reseller-relationship-request' } });
    expect(mail).toMatchObject({ to: adminCtx.email, subject: draft.subject });
    expect(mail.text).toContain(draft.link);
    expect(mail.text).toContain('Only an administrator of your organisation can accept this request.');
    expect(
      (await db().customerRelationshipRequest.findUniqueOrThrow({ where: { id: draft.requestId } })).recipientEmail,
    ).toBe(adminCtx.email);
  });

  it('wrong tenant: another provider or an unrelated reseller cannot send or revoke the request', async () => {
    const { providerCtx, customer, resellerA, resellerBCtx } = await makeRelationshipChannel();
    const draft = await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerA.id, includeDelegatedAdmin: 'on' },
      options,
    );
    const otherCtx = await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_PROVIDER')).id });
    for (const ctx of [otherCtx, resellerBCtx]) {
      await expect(
        sendRelationshipRequest(ctx, {
          requestId: draft.requestId,
          recipientEmail: 'x@test.example',
          subject: 's',
          body: draft.body,
        }),
      ).rejects.toBeInstanceOf(NotFound);
      await expect(revokeRelationshipRequest(ctx, { requestId: draft.requestId })).rejects.toBeInstanceOf(NotFound);
    }
    expect(await db().outboxMessage.count()).toBe(0);
  });

  it('the provider and the named reseller may revoke; a revoked request cannot be sent', async () => {
    const { providerCtx, resellerACtx, customer, resellerA } = await makeRelationshipChannel();
    const first = await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerA.id, includeDelegatedAdmin: 'on' },
      options,
    );
    expect(await findCustomerRequests(providerCtx, customer.id)).toHaveLength(1);
    await revokeRelationshipRequest(resellerACtx, { requestId: first.requestId });
    await expect(revokeRelationshipRequest(providerCtx, { requestId: first.requestId })).rejects.toMatchObject({
      messageKey: 'relationships.errors.notPending',
    });
    await expect(
      sendRelationshipRequest(providerCtx, {
        requestId: first.requestId,
        recipientEmail: 'a@test.example',
        subject: 's',
        body: first.body,
      }),
    ).rejects.toMatchObject({ messageKey: 'relationships.errors.notPending' });
    expect(await findCustomerRequests(providerCtx, customer.id)).toHaveLength(0);
  });
});
