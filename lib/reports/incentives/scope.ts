import 'server-only';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import { incentivesInput, type IncentivesInput } from '@/lib/reports/schemas';

export type Scope = { audience: 'provider' | 'reseller'; orgId: string };

export type Input = ReturnType<typeof incentivesInput.parse>;

/** The parsed input and scope of a caller (`incentives.read`, provider or reseller). */
export function prepare(ctx: Ctx, raw: IncentivesInput): { scope: Scope; input: Input } {
  assertCan(ctx, 'incentives.read');
  assertAudience(ctx, 'provider', 'reseller');
  const input = incentivesInput.parse(raw);
  const scope: Scope = { audience: audienceOf(ctx) === 'provider' ? 'provider' : 'reseller', orgId: ctx.orgId! };
  if (scope.audience === 'reseller') {
    // A reseller reads only its own periods, even for customers it no longer reaches (history stays).
    if (input.reseller && input.reseller !== scope.orgId) throw new NotFound('reseller');
    input.reseller = undefined;
    input.mpn = undefined;
  }
  return { scope, input };
}
