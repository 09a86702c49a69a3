import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/record-audit';
import type { Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { Conflict, NotFound } from '@/lib/errors';
import { updateProviderProfileInput, type UpdateProviderProfileInput } from './schemas';
import { parseInput } from '@/lib/validation/parse-input';

/**
 * R13: vendor staff edit a provider's public profile, shown on Find a
 * provider. The provider itself cannot ("contact your vendor
 * representative"): only VENDOR_ADMIN has `profiles.manage`. The form's
 * version (the profile's updatedAt) guards against a second editor's
 * changes being silently overwritten.
 */
export async function updateProviderProfile(
  ctx: Ctx,
  raw: UpdateProviderProfileInput,
): Promise<{ orgId: string; version: string }> {
  assertCan(ctx, 'profiles.manage');
  const { orgId, version, ...fields } = parseInput(updateProviderProfileInput, raw);
  try {
    return await db().$transaction(async (tx) => {
      const org = await tx.organization.findFirst({
        where: { id: orgId, kind: 'INDIRECT_PROVIDER' },
        select: { id: true },
      });
      if (!org) throw new NotFound('organization');
      const before = await tx.providerProfile.findUnique({
        where: { organizationId: orgId },
        select: {
          description: true,
          regionsServed: true,
          contactEmail: true,
          contactPhone: true,
          website: true,
          updatedAt: true,
        },
      });
      if (version && before?.updatedAt.toISOString() !== version) throw new Conflict();
      let updatedAt: Date;
      if (before) {
        const { count } = await tx.providerProfile.updateMany({
          where: { organizationId: orgId, updatedAt: before.updatedAt },
          data: { ...fields, updatedById: ctx.userId },
        });
        if (count === 0) throw new Conflict();
        updatedAt = (
          await tx.providerProfile.findUniqueOrThrow({ where: { organizationId: orgId }, select: { updatedAt: true } })
        ).updatedAt;
      } else {
        ({ updatedAt } = await tx.providerProfile.create({
          data: { organizationId: orgId, ...fields, updatedById: ctx.userId },
          select: { updatedAt: true },
        }));
      }
      await recordAudit(tx, ctx, {
        action: 'provider_profile.updated',
        targetType: 'organization',
        targetId: orgId,
        orgIds: [orgId],
        before: before && {
          description: before.description,
          regionsServed: before.regionsServed,
          contactEmail: before.contactEmail,
          contactPhone: before.contactPhone,
          website: before.website,
        },
        after: fields,
      });
      return { orgId, version: updatedAt.toISOString() };
    });
  } catch (error) {
    // Two first edits of a profile that did not exist yet: the second insert hits the unique key.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') throw new Conflict();
    throw error;
  }
}
