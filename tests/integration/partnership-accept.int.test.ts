import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeOrg } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { revokeInvitation } from '@/lib/partnerships/manage-invitation';
import { respondToInvitation, viewInvitation } from '@/lib/partnerships/respond-to-invitation';
import { Invalid, Refused } from '@/lib/errors';

const baseUrl = 'http://portal.test';
const DAY = 24 * 60 * 60 * 1000;
beforeEach(() => {
  clock.reset();
  return resetDatabase();
});

async function setup() {
  const provider = await makeOrg('INDIRECT_PROVIDER', { legalName: 'Provider Ltd' });
  const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
  const reseller = await makeOrg('INDIRECT_RESELLER', { legalName: 'Reseller Co' });
  const resellerCtx = await makeCtx('ADMIN', { organizationId: reseller.id });
  const draft = await startPartnershipRequest(providerCtx, { baseUrl });
  const token = draft.link.split('/').pop()!;
  return { provider, providerCtx, reseller, resellerCtx, draft, token };
}

const accept = (ctx: Ctx, token: string) =>
  respondToInvitation(ctx, { token, decision: 'accept', agree: 'on', baseUrl });
const partnerships = () => db().partnership.count({ where: { state: 'ACTIVE' } });

async function expectRefused(ctx: Ctx, token: string, status: string) {
  expect((await viewInvitation(ctx, token)).status).toBe(status);
  await expect(accept(ctx, token)).rejects.toMatchObject({ messageKey: `partnerships.accept.${status}`, rule: 'R2' });
}

describe('F2 / R2 accepting a partnership link', () => {
  it('an admin of an ACTIVE reseller accepts: partnership ACTIVE, provider emailed, audit written', async () => {
    const { resellerCtx, token, provider, reseller, providerCtx } = await setup();
    expect(await viewInvitation(resellerCtx, token)).toEqual({
      status: 'ready',
      provider: { legalName: 'Provider Ltd', mpnId: provider.mpnId },
    });
    expect(await accept(resellerCtx, token)).toEqual({ status: 'accepted' });
    const partnership = await db().partnership.findFirstOrThrow({
      where: { providerId: provider.id, resellerId: reseller.id },
    });
    expect(partnership.state).toBe('ACTIVE');
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { kind: 'partnership-accepted' } });
    expect(mail.to).toBe(providerCtx.email);
    expect(mail.subject).toBe('Reseller Co accepted your partnership request');
    expect(
      await db().auditEvent.count({
        where: { action: 'partnership.accepted', orgIds: { hasEvery: [provider.id, reseller.id] } },
      }),
    ).toBe(1);
  });

  it('accepting twice is harmless', async () => {
    const { resellerCtx, token } = await setup();
    await accept(resellerCtx, token);
    expect(await accept(resellerCtx, token)).toEqual({ status: 'alreadyAccepted' });
    expect(await partnerships()).toBe(1);
    expect(await db().outboxMessage.count({ where: { kind: 'partnership-accepted' } })).toBe(1);
  });

  it('requires ticking the agreement checkbox', async () => {
    const { resellerCtx, token } = await setup();
    await expect(respondToInvitation(resellerCtx, { token, decision: 'accept', baseUrl })).rejects.toBeInstanceOf(
      Invalid,
    );
    expect(await partnerships()).toBe(0);
  });

  it('refuses a provider, a customer and vendor staff, each with its own message', async () => {
    const { token, provider } = await setup();
    const customer = await makeCustomer(provider.id);
    const vendor = await makeOrg('VENDOR');
    await expectRefused(await makeCtx('ADMIN', { organizationId: provider.id }), token, 'providerAccount');
    await expectRefused(await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id }), token, 'customerAccount');
    await expectRefused(await makeCtx('VENDOR_ADMIN', { organizationId: vendor.id }), token, 'vendorAccount');
    expect(await partnerships()).toBe(0);
  });

  it('refuses a pending or suspended reseller and a reseller user without an admin role', async () => {
    const { token, reseller } = await setup();
    const pending = await makeOrg('INDIRECT_RESELLER', { status: 'PENDING' });
    const suspended = await makeOrg('INDIRECT_RESELLER', { status: 'SUSPENDED' });
    await expectRefused(await makeCtx('ADMIN', { organizationId: pending.id }), token, 'enrolmentPending');
    await expectRefused(await makeCtx('ADMIN', { organizationId: suspended.id }), token, 'suspended');
    await expectRefused(await makeCtx('SALES_AGENT', { organizationId: reseller.id }), token, 'roleNotAllowed');
    await expectRefused(await makeCtx('HELPDESK_AGENT', { organizationId: reseller.id }), token, 'roleNotAllowed');
    expect(await partnerships()).toBe(0);
  });

  it('an admin agent may accept', async () => {
    const { token, reseller } = await setup();
    expect(await accept(await makeCtx('ADMIN_AGENT', { organizationId: reseller.id }), token)).toEqual({
      status: 'accepted',
    });
  });

  it('a visitor without a session is asked to sign in', async () => {
    const { token } = await setup();
    expect((await viewInvitation(null, token)).status).toBe('signInRequired');
  });

  it('refuses an unknown, revoked, expired or declined link and one used by another reseller', async () => {
    const { token, resellerCtx, providerCtx, draft } = await setup();
    expect(await viewInvitation(resellerCtx, 'x'.repeat(43))).toEqual({ status: 'invalid', provider: null });

    const other = await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_RESELLER')).id });
    await accept(resellerCtx, token);
    await expectRefused(other, token, 'usedByOther');

    const second = await startPartnershipRequest(providerCtx, { baseUrl });
    await revokeInvitation(providerCtx, { invitationId: second.invitationId });
    await expectRefused(resellerCtx, second.link.split('/').pop()!, 'revoked');

    const third = await startPartnershipRequest(providerCtx, { baseUrl });
    clock.advance(30 * DAY + 1000);
    await expectRefused(other, third.link.split('/').pop()!, 'expired');
    clock.reset();

    const fourth = await startPartnershipRequest(providerCtx, { baseUrl });
    const fourthToken = fourth.link.split('/').pop()!;
    expect(await respondToInvitation(other, { token: fourthToken, decision: 'decline', baseUrl })).toEqual({
      status: 'declined',
    });
    await expectRefused(other, fourthToken, 'declined');
    expect(await db().partnership.count()).toBe(1);
    // The refusals left the first link as it was: accepted by the reseller that used it.
    expect(await db().partnershipInvitation.findUniqueOrThrow({ where: { id: draft.invitationId } })).toMatchObject({
      state: 'ACCEPTED',
      acceptedByOrgId: resellerCtx.orgId,
    });
  });

  it('a link refused for one reason changes nothing', async () => {
    const { token, provider } = await setup();
    await expect(accept(await makeCtx('ADMIN', { organizationId: provider.id }), token)).rejects.toBeInstanceOf(
      Refused,
    );
    const invitation = await db().partnershipInvitation.findFirstOrThrow();
    expect(invitation.state).toBe('PENDING');
    expect(await db().outboxMessage.count()).toBe(0);
  });
});
