import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { parseInput } from '@/lib/validation/parse-input';
import { requireMfaTarget } from './require-mfa-scope';
import { setRequireMfaInput, type SetRequireMfaInput } from './schemas';

/**
 * An organisation's admin (or a tenant's customer admin) turns "Require
 * multi-factor sign-in" on or off for everyone of their own organisation or
 * tenant: always their own, never one named by the input.
 */
export async function setRequireMfa(ctx: Ctx, raw: SetRequireMfaInput): Promise<{ requireMfa: boolean }> {
  assertCan(ctx, 'mfa.manage');
  const { requireMfa } = parseInput(setRequireMfaInput, raw);
  const target = requireMfaTarget(ctx);
  await db().$transaction(async (tx) => {
    if (target.kind === 'customer') await tx.customer.update({ where: { id: target.id }, data: { requireMfa } });
    else await tx.organization.update({ where: { id: target.id }, data: { requireMfa } });
    await recordAudit(tx, ctx, {
      action: requireMfa ? 'mfa.required' : 'mfa.not_required',
      targetType: target.kind,
      targetId: target.id,
      after: { requireMfa },
    });
  });
  return { requireMfa };
}
