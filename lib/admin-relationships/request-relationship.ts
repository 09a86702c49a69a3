import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { recordAudit } from '@/lib/audit/record-audit';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertCan } from '@/lib/authz/policy';
import { customerScope } from '@/lib/authz/scopes';
import { enqueueMail } from '@/lib/email/enqueue';
import { Invalid, NotFound } from '@/lib/errors';
import { isUniqueViolation } from '@/lib/orders/create-order';
import { hashToken, newToken } from '@/lib/tokens';
import { parseInput } from '@/lib/validation/parse-input';
import { requestRelationshipInput, type RequestRelationshipInput } from './schemas';
import { DAY_MS, REQUEST_DAYS } from './status';

export const APPROVAL_PATH = '/admin-relationships/';

/**
 * A provider of record, or a reseller partnered with the customer's provider, requests a
 * delegated admin relationship: a name unique for the partner, roles, a
 * duration and auto-extend (never with Global Administrator). The customer's
 * admins get a mail with the approval link; the request expires unanswered
 * after 90 days.
 */
export async function requestRelationship(ctx: Ctx, raw: RequestRelationshipInput & { baseUrl: string }) {
  assertCan(ctx, 'partnerships.write');
  const audience = audienceOf(ctx);
  if (audience !== 'provider' && audience !== 'reseller') throw new NotFound('customer');
  const input = parseInput(requestRelationshipInput, raw);
  // A customer the partner serves: its own (R4), or, for a reseller, any
  // customer of a provider it is partnered with (the customer decides).
  const served =
    audience === 'reseller'
      ? {
          OR: [
            customerScope(ctx),
            { provider: { providerPartnerships: { some: { resellerId: ctx.orgId!, state: 'ACTIVE' as const } } } },
          ],
        }
      : customerScope(ctx);
  const customer = await db().customer.findFirst({
    where: { AND: [{ id: input.customerId }, served] },
    select: {
      id: true,
      companyName: true,
      language: true,
      users: {
        where: { role: 'CUSTOMER_ADMIN', disabled: false, removedAt: null },
        select: { email: true, locale: true },
      },
    },
  });
  if (!customer) throw new NotFound('customer');
  const token = newToken();
  const now = clock.now();
  const roles = [...new Set(input.roles)];
  try {
    return await db().$transaction(async (tx) => {
      const relationship = await tx.adminRelationship.create({
        data: {
          partnerOrgId: ctx.orgId!,
          customerId: customer.id,
          name: input.name,
          roles,
          durationDays: input.durationDays,
          autoExtend: input.autoExtend === '180',
          tokenHash: hashToken(token),
          requestedById: ctx.userId,
          requestedAt: now,
          requestExpiresAt: new Date(now.getTime() + REQUEST_DAYS * DAY_MS),
        },
        select: { id: true },
      });
      await recordAudit(tx, ctx, {
        action: 'admin_relationship.requested',
        targetType: 'adminRelationship',
        targetId: relationship.id,
        after: {
          name: input.name,
          customer: customer.companyName,
          roles,
          durationDays: input.durationDays,
          autoExtend: input.autoExtend === '180',
        },
      });
      for (const admin of customer.users) {
        await enqueueMail(tx, {
          kind: 'admin-relationship-request',
          to: admin.email,
          locale: admin.locale ?? customer.language,
          values: {
            partner: ctx.orgName,
            customer: customer.companyName,
            name: input.name,
            days: String(input.durationDays),
            url: `${raw.baseUrl}${APPROVAL_PATH}${token}`,
          },
        });
      }
      return { relationshipId: relationship.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Invalid({ name: ['adminRelationships.errors.nameTaken'] });
    throw error;
  }
}
