// Factories: unique data per call, written straight to the test database.
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { loadCtx } from '@/lib/auth/session';
import type { Ctx } from '@/lib/authz/context';
import type { EnrolmentStatus, OrgKind, Role } from '@/lib/generated/prisma/enums';

export const PASSWORD = 'Factory-Passw0rd!';
let passwordHash: Promise<string> | undefined;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${randomBytes(2).toString('hex')}`;
const mpn = () => String(1_000_000 + Math.floor(Math.random() * 8_999_999));

export async function makeOrg(kind: OrgKind, overrides: { status?: EnrolmentStatus; legalName?: string } = {}) {
  return db().organization.create({
    data: {
      kind,
      legalName: overrides.legalName ?? `${kind} ${unique()}`,
      mpnId: kind === 'VENDOR' ? null : mpn(),
      country: 'US',
      status: overrides.status ?? 'ACTIVE',
    },
  });
}

export async function makeUser(
  role: Role,
  where: { organizationId?: string; customerId?: string },
  overrides: { mustChangePassword?: boolean } = {},
) {
  passwordHash ??= hashPassword(PASSWORD);
  return db().user.create({
    data: {
      email: `user-${unique()}@test.example`,
      name: `User ${role}`,
      role,
      passwordHash: await passwordHash,
      ...where,
      ...overrides,
    },
    select: { id: true, email: true, sessionVersion: true, role: true },
  });
}

/** A test customer's tenant, address and contact, from its domain prefix. */
export function customerFields(prefix: string) {
  return {
    domainPrefix: prefix,
    tenantDomain: `${prefix}.onmicrosoft.example`,
    addressLine1: '1 Main St',
    city: 'Seattle',
    postalCode: '98101',
    country: 'US',
    contactFirstName: 'Pat',
    contactLastName: 'Doe',
    contactEmail: 'pat@test.example',
  };
}

/** A user and the context the portal would build for it. */
export async function makeCtx(role: Role, where: { organizationId?: string; customerId?: string }): Promise<Ctx> {
  const user = await makeUser(role, where);
  const ctx = await loadCtx(user.id, user.sessionVersion);
  if (!ctx) throw new Error('factory user has no context');
  return ctx;
}

export async function makePartnership(providerId: string, resellerId: string) {
  return db().partnership.create({ data: { providerId, resellerId } });
}

export async function makeCustomer(
  providerId: string,
  managingResellerId: string | null = null,
  companyName = `Customer ${unique()}`,
) {
  const prefix = `c${unique()}`.replace(/[^a-z0-9]/g, '').slice(0, 27);
  return db().customer.create({
    data: {
      companyName,
      ...customerFields(prefix),
      providerId,
      managingResellerId,
    },
  });
}

export async function makeOffer() {
  return db().offer.create({
    data: {
      sku: `SKU-${unique()}`,
      name: 'Test offer',
      billingFrequency: 'MONTHLY',
      termMonths: 1,
      unitPriceMinor: 1000,
    },
  });
}

export async function makeSubscription(customerId: string, supportContactOrgId: string, offerId: string, quantity = 5) {
  const now = new Date();
  return db().subscription.create({
    data: { customerId, offerId, quantity, supportContactOrgId, purchasedAt: now, termStartedAt: now },
  });
}

/** `n` active resellers in ACTIVE partnerships with `providerId`, in two statements (MPN IDs from `firstMpn` + 1). */
export async function makePartners(providerId: string, n: number, firstMpn: number) {
  const tag = randomBytes(3).toString('hex');
  await db().$executeRaw`
    INSERT INTO "Organization" (id, kind, "legalName", "mpnId", country, status, "updatedAt")
    SELECT 'r' || ${tag} || g, 'INDIRECT_RESELLER', 'Reseller ' || g, (${firstMpn} + g)::text, 'US', 'ACTIVE', now() FROM generate_series(1, ${n}) g`;
  await db().$executeRaw`
    INSERT INTO "Partnership" (id, "providerId", "resellerId") SELECT 'p' || ${tag} || g, ${providerId}, 'r' || ${tag} || g FROM generate_series(1, ${n}) g`;
}

/** A provider with two partnered resellers and one customer managed by the first. */
export async function makeChannel() {
  const provider = await makeOrg('INDIRECT_PROVIDER');
  const resellerA = await makeOrg('INDIRECT_RESELLER');
  const resellerB = await makeOrg('INDIRECT_RESELLER');
  await makePartnership(provider.id, resellerA.id);
  await makePartnership(provider.id, resellerB.id);
  const customer = await makeCustomer(provider.id, resellerA.id);
  return { provider, resellerA, resellerB, customer };
}

/**
 * Offers shaped like the demo catalog: Business Basic and Standard (1–300,
 * monthly), Azure plan (usage, always 1), a retired one.
 */
export async function makeDemoOffers() {
  const offer = (name: string, extra: object = {}) =>
    db().offer.create({
      data: {
        sku: `SKU-${unique()}`,
        name,
        billingFrequency: 'MONTHLY',
        termMonths: 1,
        unitPriceMinor: 600,
        minQuantity: 1,
        maxQuantity: 300,
        ...extra,
      },
    });
  return {
    basic: await offer('Microsoft 365 Business Basic'),
    standard: await offer('Microsoft 365 Business Standard', { unitPriceMinor: 1250 }),
    azure: await offer('Azure plan', {
      billingFrequency: 'USAGE',
      termMonths: null,
      isAzurePlan: true,
      unitPriceMinor: 0,
      maxQuantity: 1,
    }),
    retired: await offer('Retired offer', { active: false }),
  };
}
