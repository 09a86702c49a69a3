import 'server-only';
import { db, type Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { recordAudit, recordAuditMany } from '@/lib/audit/record-audit';
import { enqueueMail } from '@/lib/email/enqueue';
import { NotFound, Refused } from '@/lib/errors';
import { partnershipIdInput } from './schemas';
import { parseInput } from '@/lib/validation/parse-input';
import { emitPartnershipEnded } from './emit-partnership-ended';

async function activePartnership(ctx: Ctx, raw: { partnershipId: string }, tx: Tx | ReturnType<typeof db> = db()) {
  assertCan(ctx, 'partnerships.write');
  assertAudience(ctx, 'provider');
  const { partnershipId } = parseInput(partnershipIdInput, raw);
  const partnership = await tx.partnership.findFirst({
    where: { id: partnershipId, providerId: ctx.orgId! },
    include: {
      reseller: { select: { id: true, legalName: true, mpnId: true } },
      provider: { select: { legalName: true } },
    },
  });
  if (!partnership) throw new NotFound('partnership');
  if (partnership.state !== 'ACTIVE') throw new Refused('partnerships.errors.alreadyEnded', 'R10');
  return partnership;
}

/** What removing the partnership will do, for the confirmation (R10). */
export async function previewRemovePartnership(ctx: Ctx, raw: { partnershipId: string }) {
  const partnership = await activePartnership(ctx, raw);
  const providerId = partnership.providerId;
  const resellerId = partnership.resellerId;
  const [customers, supported, credited] = await Promise.all([
    db().customer.count({ where: { providerId, managingResellerId: resellerId } }),
    db().subscription.count({ where: { supportContactOrgId: resellerId, customer: { providerId } } }),
    db().subscription.count({ where: { resellerId, customer: { providerId } } }),
  ]);
  return { partnershipId: partnership.id, reseller: partnership.reseller, customers, supported, credited };
}

/**
 * R10: ends the partnership. In one transaction the reseller loses delegated
 * admin over this provider's customers (they fall back to the provider),
 * support contacts revert to the provider, incentive association periods
 * close now; history stays, and both sides are told.
 */
export async function removePartnership(ctx: Ctx, raw: { partnershipId: string }) {
  const now = clock.now();
  return db().$transaction(async (tx) => {
    const partnership = await activePartnership(ctx, raw, tx);
    const { providerId, resellerId } = partnership;
    const ended = await tx.partnership.updateMany({
      where: { id: partnership.id, state: 'ACTIVE' },
      data: { state: 'ENDED', activeMarker: null, endedAt: now, endedById: ctx.userId },
    });
    if (ended.count === 0) throw new Refused('partnerships.errors.alreadyEnded', 'R10');
    const ofProvider = { customer: { providerId } };
    // Each customer and subscription this changes gets its own event, so its audit trail shows why it changed.
    const [touchedCustomers, touchedSubscriptions] = await Promise.all([
      tx.customer.findMany({
        where: { providerId, managingResellerId: resellerId },
        select: { id: true, resellerTenantOwner: true },
      }),
      tx.subscription.findMany({
        where: { ...ofProvider, OR: [{ supportContactOrgId: resellerId }, { resellerId }] },
        select: { id: true, supportContactOrgId: true, resellerId: true },
      }),
    ]);
    const customers = await tx.customer.updateMany({
      where: { providerId, managingResellerId: resellerId },
      data: { managingResellerId: null, resellerTenantOwner: false },
    });
    const support = await tx.subscription.updateMany({
      where: { ...ofProvider, supportContactOrgId: resellerId },
      data: { supportContactOrgId: providerId, version: { increment: 1 } },
    });
    const periods = await tx.subscriptionResellerAssociation.updateMany({
      where: { resellerId, endedAt: null, subscription: ofProvider },
      data: { endedAt: now },
    });
    await tx.subscription.updateMany({
      where: { ...ofProvider, resellerId },
      data: { resellerId: null, version: { increment: 1 } },
    });
    await tx.customerRelationshipRequest.updateMany({
      where: { providerId, resellerId, state: 'PENDING' },
      data: { state: 'REVOKED', respondedAt: now },
    });
    const summary = { customers: customers.count, supportContacts: support.count, incentivePeriods: periods.count };
    const reseller = partnership.reseller.legalName;
    const orgIds = [providerId, resellerId];
    await recordAuditMany(tx, ctx, [
      ...touchedCustomers.map((c) => ({
        action: 'customer.updated',
        targetType: 'customer',
        targetId: c.id,
        orgIds,
        before: { managingReseller: reseller, ...(c.resellerTenantOwner && { tenantOwner: true }) },
        after: { managingReseller: null, ...(c.resellerTenantOwner && { tenantOwner: false }) },
      })),
      ...touchedSubscriptions.flatMap((s) => [
        ...(s.supportContactOrgId === resellerId
          ? [
              {
                action: 'subscription.support_contact_changed',
                targetType: 'subscription',
                targetId: s.id,
                orgIds,
                before: { supportContact: reseller },
                after: { supportContact: partnership.provider.legalName },
              },
            ]
          : []),
        ...(s.resellerId === resellerId
          ? [
              {
                action: 'subscription.reseller_changed',
                targetType: 'subscription',
                targetId: s.id,
                orgIds,
                before: { reseller },
                after: { reseller: null },
              },
            ]
          : []),
      ]),
    ]);
    await recordAudit(tx, ctx, {
      action: 'partnership.removed',
      targetType: 'partnership',
      targetId: partnership.id,
      orgIds: [providerId, resellerId],
      after: summary,
    });
    await emitPartnershipEnded(tx, partnership.id, providerId, resellerId, {
      customers: touchedCustomers.map((c) => c.id),
      subscriptions: touchedSubscriptions,
    });
    const values = { provider: partnership.provider.legalName, reseller: partnership.reseller.legalName };
    const recipients = await tx.user.findMany({
      where: {
        disabled: false,
        OR: [{ organizationId: resellerId, role: { in: ['ADMIN', 'ADMIN_AGENT'] } }, { id: ctx.userId }],
      },
      select: { email: true, locale: true },
      take: 50,
    });
    for (const r of recipients)
      await enqueueMail(tx, { kind: 'partnership-ended', to: r.email, locale: r.locale, values });
    return summary;
  });
}
