import 'server-only';
import { randomBytes } from 'node:crypto';
import type { Tx } from '@/lib/db';
import { hashToken } from '@/lib/tokens';
import { DAY_MS, MAX_DURATION_DAYS, REQUEST_DAYS } from './status';

/** The roles R12's "delegated administration privileges" checkbox asks for. */
const R12_ROLES = ['USER_ADMINISTRATOR', 'LICENSE_ADMINISTRATOR'] as const;

/**
 * R12: a reseller relationship request accepted with its "delegated
 * administration privileges" checkbox also gives the reseller a delegated
 * admin relationship, approved by the same answer of the customer's admin:
 * User Administrator and License Administrator for 2 years, no auto-extend,
 * named after the customer (numbered when that name is taken).
 */
export async function relationshipFromResellerRequest(
  tx: Tx,
  input: {
    resellerId: string;
    customerId: string;
    companyName: string;
    requestedById: string;
    approvedById: string;
    now: Date;
  },
): Promise<string> {
  const base = `Delegated admin: ${input.companyName}`.slice(0, 44);
  const taken = new Set(
    (
      await tx.adminRelationship.findMany({
        where: { partnerOrgId: input.resellerId, name: { startsWith: base } },
        select: { name: true },
      })
    ).map((r) => r.name),
  );
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
  const relationship = await tx.adminRelationship.create({
    data: {
      partnerOrgId: input.resellerId,
      customerId: input.customerId,
      name,
      roles: [...R12_ROLES],
      durationDays: MAX_DURATION_DAYS,
      tokenHash: hashToken(randomBytes(32).toString('base64url')),
      requestedById: input.requestedById,
      requestedAt: input.now,
      requestExpiresAt: new Date(input.now.getTime() + REQUEST_DAYS * DAY_MS),
      approvedAt: input.now,
      approvedById: input.approvedById,
      endsAt: new Date(input.now.getTime() + MAX_DURATION_DAYS * DAY_MS),
    },
    select: { id: true },
  });
  return relationship.id;
}
