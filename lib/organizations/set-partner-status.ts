import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Conflict, NotFound } from '@/lib/errors';
import type { EnrolmentStatus } from '@/lib/generated/prisma/enums';
import { setPartnerStatusInput, type SetPartnerStatusInput } from './schemas';
import { parseInput } from '@/lib/validation/parse-input';

/**
 * Vendor staff approve (PENDING or SUSPENDED → ACTIVE) or suspend (→
 * SUSPENDED) a partner organisation. A suspended org's users still sign in;
 * the policy refuses their partner work from the next request on, because
 * the context reads the status on every request. Setting the status a
 * partner already has is harmless (a double click) and records nothing.
 */
export async function setPartnerStatus(
  ctx: Ctx,
  raw: SetPartnerStatusInput,
): Promise<{ orgId: string; legalName: string; status: EnrolmentStatus; changed: boolean }> {
  assertCan(ctx, 'partners.manage');
  const input = parseInput(setPartnerStatusInput, raw);
  return db().$transaction(async (tx) => {
    const org = await tx.organization.findFirst({
      where: { id: input.orgId, kind: { in: ['INDIRECT_PROVIDER', 'INDIRECT_RESELLER'] } },
      select: { id: true, legalName: true, status: true },
    });
    if (!org) throw new NotFound('organization');
    if (org.status === input.status)
      return { orgId: org.id, legalName: org.legalName, status: org.status, changed: false };
    // Only from the status read above: another staff member's change in between is a conflict.
    const { count } = await tx.organization.updateMany({
      where: { id: org.id, status: org.status },
      data: { status: input.status },
    });
    if (count === 0) throw new Conflict();
    await recordAudit(tx, ctx, {
      action: input.status === 'ACTIVE' ? 'partner.approved' : 'partner.suspended',
      targetType: 'organization',
      targetId: org.id,
      orgIds: [org.id],
      before: { status: org.status },
      after: { status: input.status },
    });
    return { orgId: org.id, legalName: org.legalName, status: input.status, changed: true };
  });
}
