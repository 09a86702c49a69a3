import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg, makePartnership } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { hashToken } from '@/lib/tokens';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';
import { resendInvitation, revokeInvitation } from '@/lib/partnerships/manage-invitation';
import { findPendingInvitations, findReceivedInvitations } from '@/lib/partnerships/find-invitations';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { assertActivePartnership } from '@/lib/partnerships/assert-partnership';
import { Invalid, NotFound, Refused } from '@/lib/errors';

const baseUrl = 'http://portal.test';
beforeEach(() => {
  clock.reset();
  return resetDatabase();
});

async function provider() {
  const org = await makeOrg('INDIRECT_PROVIDER', { legalName: 'Provider Ltd' });
  return { org, ctx: await makeCtx('ADMIN', { organizationId: org.id }) };
}

describe('F1 request a partnership', () => {
  it('creates a pending invitation whose link carries a token stored only as a hash', async () => {
    const { ctx } = await provider();
    const draft = await startPartnershipRequest(ctx, { baseUrl });
    const token = draft.link.split('/').pop()!;
    expect(draft.link).toBe(`${baseUrl}/partnership-invitations/${token}`);
    expect(draft.body).toContain(draft.link);
    expect(draft.subject).toContain('Provider Ltd');
    const row = await db().partnershipInvitation.findUniqueOrThrow({ where: { id: draft.invitationId } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.state).toBe('PENDING');
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(30 * 24 * 60 * 60 * 1000);
    expect((await findPendingInvitations(ctx)).map((i) => i.id)).toEqual([draft.invitationId]);
  });

  it('lists the pending invitations, newest first, with their instants exact, on their own and inside the Indirect resellers list’s statement', async () => {
    const { org, ctx } = await provider();
    const reseller = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(org.id, reseller.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await startPartnershipRequest(ctx, { baseUrl })).invitationId);
      clock.advance(86_400_000 + 123);
    }
    await db().partnershipInvitation.update({
      where: { id: ids[1]! },
      data: { sentAt: new Date(Date.UTC(2026, 10, 2, 10, 0, 0, 7)) },
    });
    // An expired one is not pending; another provider's are not ours.
    await db().partnershipInvitation.update({
      where: { id: ids[0]! },
      data: { expiresAt: new Date(clock.now().getTime() - 1) },
    });
    const other = await provider();
    await startPartnershipRequest(other.ctx, { baseUrl });
    const expected = await db().partnershipInvitation.findMany({
      where: { providerId: org.id, state: 'PENDING', expiresAt: { gt: clock.now() } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      select: { id: true, resellerEmail: true, createdAt: true, sentAt: true, expiresAt: true },
    });
    expect(expected.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    expect(await findPendingInvitations(ctx)).toEqual(expected);
    const page = await findIndirectResellers(ctx, {}, { invitations: true });
    expect(page.invitations).toEqual(expected);
    expect(page.rows.map((r) => r.reseller.id)).toEqual([reseller.id]);
    expect({ ...page, invitations: null }).toEqual(await findIndirectResellers(ctx, {}));
    expect((await findIndirectResellers(other.ctx, {}, { invitations: true })).invitations).toHaveLength(1);
  });

  it('writes the draft in Japanese when asked', async () => {
    const { ctx } = await provider();
    const draft = await startPartnershipRequest(ctx, { baseUrl, locale: 'ja' });
    expect(draft.subject).toBe('Provider Ltd からのパートナーシップの要求');
  });

  it('sends through the outbox only with a recipient and the link kept in the message', async () => {
    const { ctx } = await provider();
    const draft = await startPartnershipRequest(ctx, { baseUrl });
    const base = { invitationId: draft.invitationId, subject: draft.subject };
    await expect(sendPartnershipRequest(ctx, { ...base, body: draft.body, resellerEmail: '' })).rejects.toBeInstanceOf(
      Invalid,
    );
    await expect(
      sendPartnershipRequest(ctx, { ...base, body: 'Hello, no link here', resellerEmail: 'r@reseller.test' }),
    ).rejects.toBeInstanceOf(Invalid);
    expect(await db().outboxMessage.count()).toBe(0);

    await sendPartnershipRequest(ctx, { ...base, body: `${draft.body}\nPS`, resellerEmail: 'R@Reseller.test' });
    const [mail] = await db().outboxMessage.findMany();
    expect(mail).toMatchObject({ to: 'r@reseller.test', kind: 'partnership-invitation', state: 'PENDING' });
    expect(mail!.text).toContain(draft.link);
    const row = await db().partnershipInvitation.findUniqueOrThrow({ where: { id: draft.invitationId } });
    expect(row.resellerEmail).toBe('r@reseller.test');
    expect(row.body).not.toContain(draft.link.split('/').pop()!);
  });

  it('revoke stops the invitation; resend replaces the link and restarts the expiry', async () => {
    const { ctx } = await provider();
    const first = await startPartnershipRequest(ctx, { baseUrl });
    await sendPartnershipRequest(ctx, {
      invitationId: first.invitationId,
      subject: first.subject,
      body: first.body,
      resellerEmail: 'r@reseller.test',
    });
    const before = await db().partnershipInvitation.findUniqueOrThrow({ where: { id: first.invitationId } });
    clock.advance(60_000);
    await resendInvitation(ctx, { invitationId: first.invitationId, baseUrl });
    const after = await db().partnershipInvitation.findUniqueOrThrow({ where: { id: first.invitationId } });
    expect(after.tokenHash).not.toBe(before.tokenHash);
    expect(after.expiresAt.getTime()).toBeGreaterThan(before.expiresAt.getTime());
    expect(await db().outboxMessage.count({ where: { kind: 'partnership-invitation' } })).toBe(2);

    await revokeInvitation(ctx, { invitationId: first.invitationId });
    expect((await db().partnershipInvitation.findUniqueOrThrow({ where: { id: first.invitationId } })).state).toBe(
      'REVOKED',
    );
    await expect(revokeInvitation(ctx, { invitationId: first.invitationId })).rejects.toBeInstanceOf(Refused);
    expect(await findPendingInvitations(ctx)).toEqual([]);
  });

  it('another provider cannot see, send, revoke or resend the invitation', async () => {
    const { ctx } = await provider();
    const other = await provider();
    const draft = await startPartnershipRequest(ctx, { baseUrl });
    await expect(revokeInvitation(other.ctx, { invitationId: draft.invitationId })).rejects.toBeInstanceOf(NotFound);
    await expect(resendInvitation(other.ctx, { invitationId: draft.invitationId, baseUrl })).rejects.toBeInstanceOf(
      NotFound,
    );
    await expect(
      sendPartnershipRequest(other.ctx, {
        invitationId: draft.invitationId,
        subject: 's',
        body: draft.body,
        resellerEmail: 'x@y.test',
      }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await findPendingInvitations(other.ctx)).toEqual([]);
  });

  it('a sales agent and a reseller cannot request partnerships', async () => {
    const { org } = await provider();
    const reseller = await makeOrg('INDIRECT_RESELLER');
    await expect(
      startPartnershipRequest(await makeCtx('SALES_AGENT', { organizationId: org.id }), { baseUrl }),
    ).rejects.toBeInstanceOf(Refused);
    await expect(
      startPartnershipRequest(await makeCtx('ADMIN', { organizationId: reseller.id }), { baseUrl }),
    ).rejects.toBeInstanceOf(NotFound);
    expect(await db().partnershipInvitation.count()).toBe(0);
  });

  it('a reseller sees the links sent to its users', async () => {
    const { ctx } = await provider();
    const reseller = await makeOrg('INDIRECT_RESELLER');
    const resellerCtx = await makeCtx('ADMIN', { organizationId: reseller.id });
    const draft = await startPartnershipRequest(ctx, { baseUrl });
    await sendPartnershipRequest(ctx, {
      invitationId: draft.invitationId,
      subject: draft.subject,
      body: draft.body,
      resellerEmail: resellerCtx.email,
    });
    expect((await findReceivedInvitations(resellerCtx)).map((i) => i.provider.legalName)).toEqual(['Provider Ltd']);
  });
});

describe('R1 partnership first', () => {
  it('allows only a reseller in an ACTIVE partnership with the provider, by id or MPN ID', async () => {
    const { org } = await provider();
    const partner = await makeOrg('INDIRECT_RESELLER');
    const stranger = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(org.id, partner.id);
    expect((await assertActivePartnership(org.id, { id: partner.id })).id).toBe(partner.id);
    expect((await assertActivePartnership(org.id, { mpnId: partner.mpnId! })).id).toBe(partner.id);
    await expect(assertActivePartnership(org.id, { id: stranger.id })).rejects.toMatchObject({ rule: 'R1' });
    await expect(assertActivePartnership(org.id, { mpnId: org.mpnId! })).rejects.toMatchObject({ rule: 'R1' });
    await db().partnership.updateMany({
      where: { resellerId: partner.id },
      data: { state: 'ENDED', activeMarker: null },
    });
    await expect(assertActivePartnership(org.id, { id: partner.id })).rejects.toMatchObject({ rule: 'R1' });
  });

  it('the database allows at most one active partnership per pair', async () => {
    const { org } = await provider();
    const reseller = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(org.id, reseller.id);
    await expect(makePartnership(org.id, reseller.id)).rejects.toThrow();
    await db().partnership.updateMany({
      where: { resellerId: reseller.id },
      data: { state: 'ENDED', activeMarker: null },
    });
    await makePartnership(org.id, reseller.id);
    expect(await db().partnership.count({ where: { resellerId: reseller.id } })).toBe(2);
  });
});
