// Property-based: every form post a portal action takes, filled with random
// and hostile values (NUL, SQL metacharacters, 10,000 characters, odd
// numbers, other organisations' ids, extra fields such as role or
// providerId), goes through what the action does (NUL check, the action's
// zod input, the domain function with its scope and rules) and ends in a
// result or a typed domain error (never a raw database or type error: a
// 500). A refusal writes nothing (row counts and latest changes equal), and
// channel B's records never change through channel A's users.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { resetDatabase } from '../../setup/per-file';
import { makeCtx, makeOrg } from '../../factories';
import { HOSTILE_STRINGS } from './hostile';
import { makeWorld, snapshot } from './channel';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { DomainError, Invalid } from '@/lib/errors';
import { fieldsWithNul } from '@/lib/validation/text';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import type { UpdateCustomerDetailsInput } from '@/lib/customers/schemas';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { cancelSubscription, reactivateSubscription, suspendSubscription } from '@/lib/subscriptions/change-status';
import type { ChangeSubscriptionInput, SubscriptionRef } from '@/lib/subscriptions/schemas';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { newCustomerOrderInput } from '@/lib/orders/schemas';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';
import { invitationIdInput, partnershipIdInput, sendPartnershipRequestInput } from '@/lib/partnerships/schemas';
import { revokeInvitation } from '@/lib/partnerships/manage-invitation';
import { removePartnership } from '@/lib/partnerships/remove-partnership';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { revokeRelationshipRequest } from '@/lib/relationships/revoke-relationship-request';
import { setTenantOwner } from '@/lib/relationships/set-tenant-owner';
import { removeDelegatedAdmin } from '@/lib/relationships/remove-delegated-admin';
import {
  removeDelegatedAdminInput,
  requestIdInput,
  sendRelationshipRequestInput,
  tenantOwnerInput,
} from '@/lib/relationships/schemas';
import { updateProviderProfile } from '@/lib/organizations/update-provider-profile';
import { setPartnerStatus } from '@/lib/organizations/set-partner-status';
import { enrolReseller } from '@/lib/organizations/enrol-reseller';
import { setPartnerStatusInput, updateProviderProfileInput } from '@/lib/organizations/schemas';
import { createOffer } from '@/lib/offers/create-offer';
import { createOfferInput } from '@/lib/offers/schemas';
import { changePassword } from '@/lib/users/change-password';
import { changePasswordInput } from '@/lib/users/schemas';

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
let vendor: Ctx;
const BASE = { baseUrl: 'http://portal.test', locale: 'en' };

beforeAll(async () => {
  await resetDatabase();
  world = await makeWorld();
  vendor = await makeCtx('VENDOR_ADMIN', { organizationId: (await makeOrg('VENDOR')).id });
});

const RUNS = { numRuns: 25 };
const anyFields = z.record(z.string(), z.string());

/** What a form field may carry: hostile text, odd numbers, flags, channel A's own ids (to reach the rules) and channel B's. */
function formValue(): fc.Arbitrary<string> {
  const own = [
    world.a.customer.id,
    world.subA.id,
    world.a.provider.id,
    world.a.resellerA.id,
    world.a.resellerB.id,
    world.offer.id,
    world.a.provider.mpnId!,
    world.a.resellerB.mpnId!,
  ];
  return fc.oneof(
    { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
    {
      arbitrary: fc.constantFrom(
        '',
        '0',
        '-1',
        '2.5',
        '1e9',
        'abc',
        '1',
        '7',
        'on',
        'true',
        'false',
        'en',
        'US',
        '2026-01-01T00:00:00.000Z',
        crypto.randomUUID(),
      ),
      weight: 3,
    },
    { arbitrary: fc.constantFrom(...own), weight: 2 },
    { arbitrary: fc.constantFrom(...world.foreign), weight: 2 },
  );
}
const form = (...keys: string[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, formValue()])), { requiredKeys: [] });
/** Fields no form has, which a forged post may add. */
const EXTRA = [
  'role',
  'orgId',
  'organizationId',
  'providerId',
  'resellerId',
  'unitPrice',
  'unitPriceMinor',
  'version',
  'status',
  'customerId',
  'managingResellerId',
  'tenantDomain',
];

/** As defineAction: NUL refused, the action's input parsed, then its run; a typed domain error is a refusal. */
async function submit(
  ctx: Ctx | null,
  schema: z.ZodType,
  raw: Record<string, string>,
  run: (ctx: Ctx, input: never) => Promise<unknown>,
): Promise<'done' | 'refused'> {
  try {
    const withNul = fieldsWithNul(raw);
    if (withNul.length) throw new Invalid({ [String(withNul[0])]: ['errors.invalidValue'] });
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw new Invalid({ _form: ['errors.invalidValue'] });
    await run(ctx as Ctx, parsed.data as never);
    return 'done';
  } catch (error) {
    if (error instanceof DomainError) return 'refused';
    throw error;
  }
}

/** Channel B as stored: never changed by channel A's users. */
async function channelB() {
  const { b, subB } = world;
  const d = db();
  return JSON.stringify(
    await Promise.all([
      d.customer.findUnique({ where: { id: b.customer.id } }),
      d.subscription.findUnique({ where: { id: subB.id } }),
      d.organization.findMany({
        where: { id: { in: [b.provider.id, b.resellerA.id, b.resellerB.id] } },
        orderBy: { id: 'asc' },
      }),
      d.partnership.findMany({ where: { providerId: b.provider.id }, orderBy: { id: 'asc' } }),
      d.subscriptionResellerAssociation.findMany({ where: { subscriptionId: subB.id }, orderBy: { id: 'asc' } }),
    ]),
  );
}

type Case = {
  name: string;
  ctx: () => Ctx | null;
  keys: string[];
  schema: z.ZodType;
  run: (ctx: Ctx, input: never) => Promise<unknown>;
  foreignSafe?: boolean;
};

const CASES: Case[] = [
  {
    name: 'customer account info (Edit customer)',
    ctx: () => world.ctx.providerA,
    schema: anyFields,
    keys: [
      'customerId',
      'version',
      'companyName',
      'addressLine1',
      'addressLine2',
      'city',
      'region',
      'postalCode',
      'country',
      'contactFirstName',
      'contactLastName',
      'contactEmail',
      'contactPhone',
      'language',
      'domainPrefix',
    ],
    run: (ctx, input) => updateCustomerDetails(ctx, input as unknown as UpdateCustomerDetailsInput),
  },
  {
    name: 'subscription Submit (licences, upgrade, reseller, support contact)',
    ctx: () => world.ctx.resellerA,
    schema: anyFields,
    keys: ['subscriptionId', 'version', 'quantity', 'offerId', 'resellerId', 'resellerMpnId', 'supportContactOrgId'],
    run: (ctx, input) => changeSubscription(ctx, input as unknown as ChangeSubscriptionInput),
  },
  {
    name: 'subscription Submit by the provider',
    ctx: () => world.ctx.providerA,
    schema: anyFields,
    keys: ['subscriptionId', 'version', 'quantity', 'offerId', 'resellerId', 'resellerMpnId', 'supportContactOrgId'],
    run: (ctx, input) => changeSubscription(ctx, input as unknown as ChangeSubscriptionInput),
  },
  {
    name: 'suspend, reactivate, cancel',
    ctx: () => world.ctx.providerA,
    schema: anyFields,
    keys: ['subscriptionId', 'version'],
    run: async (ctx, input) => {
      for (const step of [suspendSubscription, reactivateSubscription, cancelSubscription])
        await step(ctx, input as unknown as SubscriptionRef).catch((e) => {
          if (!(e instanceof DomainError)) throw e;
        });
    },
  },
  {
    name: 'Add subscriptions',
    ctx: () => world.ctx.providerA,
    schema: z.object({
      customerId: z.string(),
      idempotencyKey: z.string(),
      resellerId: z.string().optional(),
      lines: z.string().transform((t) => {
        try {
          return JSON.parse(t) as unknown;
        } catch {
          return [];
        }
      }),
    }),
    keys: ['customerId', 'idempotencyKey', 'resellerId', 'lines'],
    run: (ctx, input) => addSubscriptions(ctx, input),
  },
  {
    name: 'New customer order',
    ctx: () => world.ctx.resellerA,
    schema: newCustomerOrderInput,
    keys: [
      'companyName',
      'domainPrefix',
      'addressLine1',
      'city',
      'postalCode',
      'country',
      'contactFirstName',
      'contactLastName',
      'contactEmail',
      'contactPhone',
      'language',
      'lines',
      'idempotencyKey',
      'resellerId',
      'providerId',
    ],
    run: (ctx, input) => placeNewCustomerOrder(ctx, { ...(input as object), baseUrl: BASE.baseUrl } as never),
  },
  {
    name: 'partnership request Send',
    ctx: () => world.ctx.providerA,
    schema: sendPartnershipRequestInput,
    keys: ['invitationId', 'resellerEmail', 'subject', 'body'],
    run: (ctx, input) => sendPartnershipRequest(ctx, input),
  },
  {
    name: 'partnership invitation Revoke',
    ctx: () => world.ctx.providerA,
    schema: invitationIdInput,
    keys: ['invitationId'],
    run: (ctx, input) => revokeInvitation(ctx, input),
  },
  {
    name: 'Remove partnership',
    ctx: () => world.ctx.providerA,
    schema: partnershipIdInput,
    keys: ['partnershipId'],
    run: (ctx, input) => removePartnership(ctx, input),
  },
  {
    name: 'relationship request (provider)',
    ctx: () => world.ctx.providerA,
    schema: z.record(z.string(), z.unknown()),
    keys: ['customerId', 'resellerId', 'includeDelegatedAdmin'],
    run: (ctx, input) => startRelationshipRequest(ctx, input, BASE),
  },
  {
    name: 'relationship request (reseller)',
    ctx: () => world.ctx.resellerA,
    schema: z.record(z.string(), z.unknown()),
    keys: ['providerId', 'tenantDomain', 'includeDelegatedAdmin'],
    run: (ctx, input) => startRelationshipRequest(ctx, input, BASE),
  },
  {
    name: 'relationship request Send',
    ctx: () => world.ctx.providerA,
    schema: sendRelationshipRequestInput,
    keys: ['requestId', 'recipientEmail', 'subject', 'body'],
    run: (ctx, input) => sendRelationshipRequest(ctx, input),
  },
  {
    name: 'relationship request Revoke',
    ctx: () => world.ctx.resellerA,
    schema: requestIdInput,
    keys: ['requestId'],
    run: (ctx, input) => revokeRelationshipRequest(ctx, input),
  },
  {
    name: 'tenant owner (provider)',
    ctx: () => world.ctx.providerA,
    schema: tenantOwnerInput,
    keys: ['customerId', 'resellerId', 'grant'],
    run: (ctx, input) => setTenantOwner(ctx, input),
  },
  {
    name: 'Remove delegated admin (customer)',
    ctx: () => world.ctx.customerA,
    schema: removeDelegatedAdminInput,
    keys: ['resellerId'],
    run: (ctx, input) => removeDelegatedAdmin(ctx, input),
  },
  {
    name: 'provider profile',
    ctx: () => world.ctx.providerA,
    schema: updateProviderProfileInput,
    keys: ['orgId', 'description', 'regionsServed', 'contactEmail', 'contactPhone', 'website', 'version'],
    run: (ctx, input) => updateProviderProfile(ctx, input),
  },
  {
    name: 'change password',
    ctx: () => world.ctx.resellerA,
    schema: changePasswordInput,
    keys: ['currentPassword', 'newPassword', 'confirmPassword'],
    run: (ctx, input) => changePassword(ctx, input),
  },
  // Vendor staff reach every organisation: only "a refusal writes nothing" applies.
  {
    name: 'partner approve/suspend (vendor)',
    ctx: () => vendor,
    schema: setPartnerStatusInput,
    keys: ['orgId', 'status'],
    run: (ctx, input) => setPartnerStatus(ctx, input),
    foreignSafe: false,
  },
  {
    name: 'New offer (vendor)',
    ctx: () => vendor,
    schema: createOfferInput,
    foreignSafe: false,
    keys: [
      'sku',
      'name',
      'description',
      'billingFrequency',
      'termMonths',
      'unitPrice',
      'currency',
      'minQuantity',
      'maxQuantity',
      'isAzurePlan',
      'incentiveRate',
      'upgradeTargetIds',
      'active',
    ],
    run: (ctx, input) => createOffer(ctx, input),
  },
  {
    name: 'enrolment (public)',
    ctx: () => null,
    schema: z.record(z.string(), z.string()),
    foreignSafe: false,
    keys: ['companyName', 'mpnId', 'country', 'adminName', 'email', 'password', 'confirmPassword'],
    run: (_ctx, input) => enrolReseller(input as never),
  },
];

describe('form posts with random and hostile values', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await fc.assert(
      fc.asyncProperty(form(...c.keys), form(...EXTRA), fc.boolean(), async (fields, extra, withExtra) => {
        const raw = (withExtra ? { ...extra, ...fields } : fields) as Record<string, string>;
        const [before, beforeB] = await Promise.all([snapshot(), channelB()]);
        const outcome = await submit(c.ctx(), c.schema, raw, c.run);
        if (outcome === 'refused') expect(await snapshot()).toBe(before);
        if (c.foreignSafe !== false) expect(await channelB()).toBe(beforeB);
      }),
      RUNS,
    );
  });
});
