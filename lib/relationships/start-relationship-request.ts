import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { audienceOf, type Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import { recordAudit } from '@/lib/audit/record-audit';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { assertActivePartnership, resellerRef } from '@/lib/partnerships/assert-partnership';
import { hashToken, newToken } from '@/lib/tokens';
import { translatorFor } from '@/lib/i18n/translator';
import { requestLink } from './link';
import { parseInput } from '@/lib/validation/parse-input';
import { REQUEST_DAYS, providerRequestInput, resellerRequestInput } from './schemas';

const DAY = 24 * 60 * 60 * 1000;

type Options = { baseUrl: string; locale?: string };

/**
 * F6 / R12: opens a draft reseller relationship request. The provider of
 * record names one of its ACTIVE-partnered resellers (R1); a reseller names
 * one of its ACTIVE providers and that provider's customer by tenant domain.
 * The request exists (PENDING, 30 days) from here on; its link is returned
 * once with a subject and body in the user's language, and never stored.
 */
export async function startRelationshipRequest(ctx: Ctx, raw: Record<string, unknown>, options: Options) {
  assertCan(ctx, 'partnerships.write');
  assertAudience(ctx, 'provider', 'reseller');
  const parties = audienceOf(ctx) === 'provider' ? await providerParties(ctx, raw) : await resellerParties(ctx, raw);
  const { customer, reseller, provider, includeDelegatedAdmin } = parties;
  if (customer.managingResellerId === reseller.id && customer.resellerDelegatedAdmin === includeDelegatedAdmin) {
    throw new Refused('relationships.errors.alreadyManaging', 'R12', { reseller: reseller.legalName });
  }
  const admin = await db().user.findFirst({
    where: { customerId: customer.id, role: 'CUSTOMER_ADMIN', disabled: false },
    orderBy: { createdAt: 'asc' },
    select: { email: true },
  });
  const t = translatorFor(options.locale ?? ctx.locale);
  const token = newToken();
  const link = requestLink(options.baseUrl, token);
  const values = {
    provider: provider.legalName,
    reseller: reseller.legalName,
    resellerMpnId: reseller.mpnId ?? '',
    customer: customer.companyName,
    link,
    name: ctx.name,
  };
  const subject = t('relationshipRequest.draft.subject', values);
  const body = t(
    includeDelegatedAdmin ? 'relationshipRequest.draft.bodyDelegated' : 'relationshipRequest.draft.bodyView',
    values,
  );
  const now = clock.now();
  const request = await db().$transaction(async (tx) => {
    const created = await tx.customerRelationshipRequest.create({
      data: {
        tokenHash: hashToken(token),
        providerId: provider.id,
        resellerId: reseller.id,
        customerId: customer.id,
        includeDelegatedAdmin,
        createdById: ctx.userId,
        createdAt: now,
        expiresAt: new Date(now.getTime() + REQUEST_DAYS * DAY),
      },
      select: { id: true, expiresAt: true },
    });
    await recordAudit(tx, ctx, {
      action: 'relationship.request_created',
      targetType: 'customerRelationshipRequest',
      targetId: created.id,
      orgIds: [provider.id, reseller.id],
      after: { customerId: customer.id, includeDelegatedAdmin },
    });
    return created;
  });
  // The provider reads its customer's contact anyway; a reseller gets only the admin account (admin@<tenant domain>).
  const recipientEmail = admin?.email ?? (audienceOf(ctx) === 'provider' ? customer.contactEmail : '');
  return {
    requestId: request.id,
    expiresAt: request.expiresAt.toISOString(),
    link,
    subject,
    body,
    recipientEmail,
    customer: customer.companyName,
    reseller: reseller.legalName,
  };
}

const customerSelect = {
  id: true,
  companyName: true,
  contactEmail: true,
  managingResellerId: true,
  resellerDelegatedAdmin: true,
} as const;

async function providerParties(ctx: Ctx, raw: Record<string, unknown>) {
  const input = parseInput(providerRequestInput, raw);
  const customer = await db().customer.findFirst({
    where: { id: input.customerId, providerId: ctx.orgId! },
    select: customerSelect,
  });
  if (!customer) throw new NotFound('customer');
  const reseller = await assertActivePartnership(ctx.orgId!, resellerRef(input.resellerId));
  const provider = await db().organization.findUniqueOrThrow({
    where: { id: ctx.orgId! },
    select: { id: true, legalName: true },
  });
  return { customer, reseller, provider, includeDelegatedAdmin: input.includeDelegatedAdmin };
}

async function resellerParties(ctx: Ctx, raw: Record<string, unknown>) {
  const input = parseInput(resellerRequestInput, raw);
  const partnership = await db().partnership.findFirst({
    where: { providerId: input.providerId, resellerId: ctx.orgId!, state: 'ACTIVE', provider: { status: 'ACTIVE' } },
    select: { provider: { select: { id: true, legalName: true } } },
  });
  if (!partnership) throw new Invalid({ providerId: ['partnerships.errors.partnershipRequired'] });
  const reseller = await assertActivePartnership(partnership.provider.id, { id: ctx.orgId! });
  // Tenant domains are public (they are DNS names), so saying "not a customer of this provider" leaks nothing private.
  const customer = await db().customer.findFirst({
    where: { providerId: partnership.provider.id, tenantDomain: input.tenantDomain },
    select: customerSelect,
  });
  if (!customer) throw new Invalid({ tenantDomain: ['relationships.errors.customerNotFound'] });
  return { customer, reseller, provider: partnership.provider, includeDelegatedAdmin: input.includeDelegatedAdmin };
}
