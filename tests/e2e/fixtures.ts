// Extra accounts the end-to-end suite needs beyond SPEC §8's demo data,
// added by scripts/e2e-server.ts to its throwaway database only.
import { hash } from '@node-rs/argon2';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';

export const FIRST_SIGN_IN = { email: 'first-sign-in@woodgrove.onmicrosoft.example', password: 'Temporary-Passw0rd-1' };

/**
 * F6 / R11: a second customer of Northwind, managed by no reseller, with an
 * Azure plan subscription and its own admin.
 */
export const LITWARE = { company: 'Litware Inc', prefix: 'litware', admin: 'admin@litware.onmicrosoft.example' };

/**
 * Issue 7's page matrix: a second channel no demo account belongs to (provider,
 * reseller, customer and one record of every kind), with fixed ids so the
 * spec can put them in URLs. None of its names or ids may reach a demo user.
 */
export const OTHER_CHANNEL = {
  ids: {
    customer: 'matrixotherchannelcustomer',
    subscription: 'matrixotherchannelsubscription',
    partnership: 'matrixotherchannelpartnership',
    invitation: 'matrixotherchannelinvitation',
    relationshipRequest: 'matrixotherchannelrequest',
    order: 'matrixotherchannelorder',
    auditEvent: 'matrixotherchannelauditevent',
    user: 'matrixotherchanneluser',
    providerProfile: 'matrixotherchannelprovider',
    offer: 'matrixotherchanneloffer',
    reseller: 'matrixotherchannelreseller',
  },
  names: [
    'Zava Matrix Provider',
    'Proseware Matrix Reseller',
    'Fourth Coffee Matrix',
    'fourthcoffeematrix',
    'admin@zava-matrix.example',
    'Matrix other offer',
  ],
} as const;

export async function addE2eFixtures(databaseUrl: string): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
  try {
    const woodgrove = await db.customer.findFirstOrThrow({ where: { companyName: 'Woodgrove Bank' } });
    await db.user.create({
      data: {
        email: FIRST_SIGN_IN.email,
        name: 'First Sign-in',
        role: 'CUSTOMER_USER',
        customerId: woodgrove.id,
        passwordHash: await hash(FIRST_SIGN_IN.password),
        mustChangePassword: true,
      },
    });
    await addLitware(db, woodgrove);
    await addOtherChannel(db);
  } finally {
    await db.$disconnect();
  }
}

async function addLitware(db: PrismaClient, woodgrove: { providerId: string; tenantDomain: string }) {
  const suffix = woodgrove.tenantDomain.slice(woodgrove.tenantDomain.indexOf('.') + 1);
  const tenantDomain = `${LITWARE.prefix}.${suffix}`;
  const litware = await db.customer.create({
    data: {
      companyName: LITWARE.company,
      domainPrefix: LITWARE.prefix,
      tenantDomain,
      addressLine1: '2 Litware Street',
      city: 'Portland',
      region: 'OR',
      postalCode: '97201',
      country: 'US',
      contactFirstName: 'Lee',
      contactLastName: 'Ware',
      contactEmail: 'it@litware.example',
      providerId: woodgrove.providerId,
    },
  });
  await db.user.create({
    data: {
      email: `admin@${tenantDomain}`,
      name: 'Litware Admin',
      role: 'CUSTOMER_ADMIN',
      customerId: litware.id,
      passwordHash: await hash(process.env.DEMO_PASSWORD || 'Demo-Passw0rd!'),
    },
  });
  const now = new Date();
  for (const [sku, quantity] of [
    ['AZURE-PLAN', 1],
    ['M365-BASIC', 3],
  ] as const) {
    const offer = await db.offer.findFirst({
      where: sku === 'AZURE-PLAN' ? { isAzurePlan: true } : { name: 'Microsoft 365 Business Basic' },
    });
    if (!offer) continue;
    await db.subscription.create({
      data: {
        customerId: litware.id,
        offerId: offer.id,
        quantity,
        purchasedAt: now,
        termStartedAt: now,
        supportContactOrgId: woodgrove.providerId,
      },
    });
  }
}

async function addOtherChannel(db: PrismaClient) {
  const { ids } = OTHER_CHANNEL;
  const now = new Date();
  const provider = await db.organization.create({
    data: {
      id: ids.providerProfile,
      kind: 'INDIRECT_PROVIDER',
      legalName: 'Zava Matrix Provider',
      mpnId: '4100999',
      country: 'US',
      status: 'ACTIVE',
      profile: { create: { description: 'Zava Matrix profile', regionsServed: ['Matrixland'] } },
    },
  });
  const reseller = await db.organization.create({
    data: {
      id: ids.reseller,
      kind: 'INDIRECT_RESELLER',
      legalName: 'Proseware Matrix Reseller',
      mpnId: '5200999',
      country: 'US',
      status: 'ACTIVE',
    },
  });
  const admin = await db.user.create({
    data: {
      id: ids.user,
      email: 'admin@zava-matrix.example',
      name: 'Zava Matrix Admin',
      role: 'ADMIN',
      organizationId: provider.id,
      passwordHash: await hash(`${Math.random()}-Unused-1`),
    },
  });
  await db.partnership.create({
    data: { id: ids.partnership, providerId: provider.id, resellerId: reseller.id, startedAt: now },
  });
  const suffix = (await db.customer.findFirstOrThrow({ select: { tenantDomain: true } })).tenantDomain
    .split('.')
    .slice(1)
    .join('.');
  const customer = await db.customer.create({
    data: {
      id: ids.customer,
      companyName: 'Fourth Coffee Matrix',
      domainPrefix: 'fourthcoffeematrix',
      tenantDomain: `fourthcoffeematrix.${suffix}`,
      addressLine1: '9 Matrix Road',
      city: 'Redmond',
      postalCode: '98052',
      country: 'US',
      contactFirstName: 'Fay',
      contactLastName: 'Coffee',
      contactEmail: 'it@fourthcoffee-matrix.example',
      providerId: provider.id,
      managingResellerId: reseller.id,
    },
  });
  const offer = await db.offer.create({
    data: {
      id: ids.offer,
      sku: 'MATRIX-OTHER',
      name: 'Matrix other offer',
      billingFrequency: 'MONTHLY',
      termMonths: 1,
      unitPriceMinor: 700,
      maxQuantity: 300,
      active: false,
    },
  });
  const order = await db.order.create({
    data: {
      id: ids.order,
      customerId: customer.id,
      placedByUserId: admin.id,
      placedByOrgId: provider.id,
      idempotencyKey: 'matrix-other',
      lines: { create: [{ offerId: offer.id, quantity: 4, resellerMpnId: reseller.mpnId }] },
    },
  });
  await db.subscription.create({
    data: {
      id: ids.subscription,
      customerId: customer.id,
      offerId: offer.id,
      orderId: order.id,
      quantity: 4,
      purchasedAt: now,
      termStartedAt: now,
      resellerId: reseller.id,
      supportContactOrgId: reseller.id,
      resellerAssociations: {
        create: [
          {
            resellerId: reseller.id,
            startedAt: now,
            offerId: offer.id,
            quantity: 4,
            unitPriceMinor: 700,
            currency: 'USD',
            incentiveRateBps: 500,
          },
        ],
      },
    },
  });
  await db.auditEvent.create({
    data: {
      id: ids.auditEvent,
      actorUserId: admin.id,
      actorOrgId: provider.id,
      action: 'customer.created',
      targetType: 'customer',
      targetId: customer.id,
      orgIds: [provider.id, reseller.id],
      after: { companyName: 'Fourth Coffee Matrix' },
    },
  });
  const expiresAt = new Date(now.getTime() + 30 * 24 * 60 * 60 * 1000);
  await db.partnershipInvitation.create({
    data: {
      id: ids.invitation,
      providerId: provider.id,
      createdById: admin.id,
      subject: 'Matrix',
      body: 'Matrix',
      tokenHash: 'matrix-other-invitation',
      expiresAt,
    },
  });
  await db.customerRelationshipRequest.create({
    data: {
      id: ids.relationshipRequest,
      providerId: provider.id,
      resellerId: reseller.id,
      customerId: customer.id,
      createdById: admin.id,
      tokenHash: 'matrix-other-request',
      expiresAt,
    },
  });
}
