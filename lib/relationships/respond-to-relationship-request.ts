import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { recordAudit } from '@/lib/audit/record-audit';
import { Refused } from '@/lib/errors';
import { assertActivePartnership } from '@/lib/partnerships/assert-partnership';
import { hashToken } from '@/lib/tokens';
import { evaluateRequest } from './evaluate-request';
import { revertSupportContacts } from './revert-support-contacts';
import { respondRelationshipInput, type RespondRelationshipInput } from './schemas';
import { parseInput } from '@/lib/validation/parse-input';
import { relationshipFromResellerRequest } from '@/lib/admin-relationships/from-reseller-request';
import { emitEvent } from '@/lib/webhooks/events';

function findByToken(token: string) {
  return db().customerRelationshipRequest.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      provider: { select: { legalName: true, mpnId: true } },
      reseller: { select: { legalName: true, mpnId: true } },
      customer: { select: { companyName: true, tenantDomain: true } },
    },
  });
}

/**
 * The relationship link page: who asks for what, and what this visitor may do.
 * The customer's name is shown only to that customer's admin.
 */
export async function viewRelationshipRequest(ctx: Ctx | null, token: string) {
  const request = token.length <= 100 ? await findByToken(token) : null;
  if (!request) return { status: 'invalid' as const, request: null };
  const status = evaluateRequest(ctx, request, clock.now());
  const own = status === 'ready' || status === 'alreadyAccepted';
  return {
    status,
    request: {
      provider: request.provider,
      reseller: request.reseller,
      includeDelegatedAdmin: request.includeDelegatedAdmin,
      expiresAt: request.expiresAt,
      customer: own ? request.customer : null,
    },
  };
}

/**
 * F6 / R12: only a signed-in admin of THAT customer accepts or declines; the
 * partnership must still be ACTIVE (R1). On accept the reseller becomes the
 * managing reseller (with delegated admin if the request asked for it); a
 * previous one loses access and support contacts revert to the provider.
 * Every refusal has its own message and changes nothing; accepting twice is harmless.
 */
export async function respondToRelationshipRequest(ctx: Ctx, raw: RespondRelationshipInput) {
  const input = parseInput(respondRelationshipInput, raw);
  const request = await findByToken(input.token);
  if (!request) throw new Refused('relationshipRequest.status.invalid', 'R12');
  const now = clock.now();
  const status = evaluateRequest(ctx, request, now);
  if (status === 'alreadyAccepted' && input.decision === 'accept') return { status };
  if (status !== 'ready') throw new Refused(`relationshipRequest.status.${status}`, 'R12');

  await db().$transaction(async (tx) => {
    if (input.decision === 'accept') {
      // Hold the partnership row until commit, so R10 (which ends it first,
      // then frees its customers) either sees this customer or wins and refuses us.
      await tx.$queryRaw`SELECT "id" FROM "Partnership"
        WHERE "providerId" = ${request.providerId} AND "resellerId" = ${request.resellerId} AND "state" = 'ACTIVE'
        FOR SHARE`;
      try {
        await assertActivePartnership(request.providerId, { id: request.resellerId }, tx);
      } catch (error) {
        if (error instanceof Refused) throw new Refused('relationshipRequest.status.partnershipEnded', 'R1');
        throw error;
      }
    }
    // Claim the link: only one response wins, whatever the race.
    const claimed = await tx.customerRelationshipRequest.updateMany({
      where: { id: request.id, state: 'PENDING', expiresAt: { gt: now } },
      data: {
        state: input.decision === 'accept' ? 'ACCEPTED' : 'DECLINED',
        respondedAt: now,
        respondedById: ctx.userId,
      },
    });
    if (claimed.count === 0) throw new Refused('relationshipRequest.status.used', 'R12');
    const target = { targetType: 'customerRelationshipRequest', targetId: request.id };
    if (input.decision === 'decline') {
      await recordAudit(tx, ctx, {
        action: 'relationship.declined',
        ...target,
        orgIds: [request.providerId, request.resellerId],
      });
      return;
    }
    const before = await tx.customer.findUniqueOrThrow({
      where: { id: request.customerId },
      select: {
        id: true,
        providerId: true,
        managingResellerId: true,
        resellerDelegatedAdmin: true,
        resellerTenantOwner: true,
      },
    });
    const after = {
      managingResellerId: request.resellerId,
      resellerDelegatedAdmin: request.includeDelegatedAdmin,
      resellerTenantOwner: false,
    };
    const updated = await tx.customer.update({
      where: { id: request.customerId },
      data: after,
      select: { companyName: true },
    });
    const adminRelationshipId = request.includeDelegatedAdmin
      ? await relationshipFromResellerRequest(tx, {
          resellerId: request.resellerId,
          customerId: request.customerId,
          companyName: updated.companyName,
          requestedById: request.createdById,
          approvedById: ctx.userId,
          now,
        })
      : null;
    const supportContacts = await revertSupportContacts(
      tx,
      before,
      request.includeDelegatedAdmin ? request.resellerId : null,
    );
    await recordAudit(tx, ctx, {
      action: 'relationship.accepted',
      ...target,
      orgIds: [request.providerId, request.resellerId, before.managingResellerId],
      before: {
        managingResellerId: before.managingResellerId,
        resellerDelegatedAdmin: before.resellerDelegatedAdmin,
        resellerTenantOwner: before.resellerTenantOwner,
      },
      after: {
        ...after,
        customerId: request.customerId,
        supportContactsReverted: supportContacts,
        ...(adminRelationshipId ? { adminRelationshipId } : {}),
      },
    });
    await emitEvent(tx, {
      type: 'relationship.accepted',
      subject: { kind: 'customer', id: request.customerId },
      data: {
        customerId: request.customerId,
        providerId: request.providerId,
        resellerId: request.resellerId,
        delegatedAdmin: request.includeDelegatedAdmin,
      },
      // A managing reseller replaced by this one is told too.
      alsoTo: [before.managingResellerId],
    });
  });
  return { status: input.decision === 'accept' ? ('accepted' as const) : ('declined' as const) };
}
