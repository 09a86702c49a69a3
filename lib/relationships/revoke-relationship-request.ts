import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { NotFound, Refused } from '@/lib/errors';
import { requestIdInput } from './schemas';
import { requestPartyScope } from './send-relationship-request';
import { parseInput } from '@/lib/validation/parse-input';

/** Either party (provider or reseller) withdraws a pending request; its link stops working at once. */
export async function revokeRelationshipRequest(ctx: Ctx, raw: { requestId: string }) {
  assertCan(ctx, 'partnerships.write');
  assertAudience(ctx, 'provider', 'reseller');
  const { requestId } = parseInput(requestIdInput, raw);
  await db().$transaction(async (tx) => {
    const request = await tx.customerRelationshipRequest.findFirst({
      where: { id: requestId, ...requestPartyScope(ctx) },
    });
    if (!request) throw new NotFound('relationship request');
    const { count } = await tx.customerRelationshipRequest.updateMany({
      where: { id: request.id, state: 'PENDING' },
      data: { state: 'REVOKED', respondedAt: clock.now() },
    });
    if (count === 0) throw new Refused('relationships.errors.notPending', 'R12');
    await recordAudit(tx, ctx, {
      action: 'relationship.request_revoked',
      targetType: 'customerRelationshipRequest',
      targetId: request.id,
      orgIds: [request.providerId, request.resellerId],
    });
  });
  return 'revoked' as const;
}
