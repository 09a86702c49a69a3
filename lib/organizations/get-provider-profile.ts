import 'server-only';
import { db } from '@/lib/db';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { NotFound } from '@/lib/errors';
import { isPlainId } from '@/lib/validation/text';

/**
 * A provider's public profile (R13): vendor staff read any provider's (to
 * edit it); a provider's users read their own, and nobody else's. Anything
 * else is not found.
 */
export async function getProviderProfile(ctx: Ctx, orgId: string) {
  const audience = audienceOf(ctx);
  if (!isPlainId(orgId)) throw new NotFound('organization');
  if (audience === 'vendor') assertCan(ctx, 'partners.read');
  else if (audience !== 'provider' || ctx.orgId !== orgId) throw new NotFound('organization');
  const org = await db().organization.findFirst({
    where: { id: orgId, kind: 'INDIRECT_PROVIDER' },
    select: {
      id: true,
      legalName: true,
      mpnId: true,
      country: true,
      status: true,
      website: true,
      profile: {
        select: {
          description: true,
          regionsServed: true,
          contactEmail: true,
          contactPhone: true,
          website: true,
          updatedAt: true,
        },
      },
    },
  });
  if (!org) throw new NotFound('organization');
  return org;
}
