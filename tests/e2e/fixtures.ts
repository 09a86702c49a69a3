// Extra accounts the end-to-end suite needs beyond SPEC §8's demo data,
// added by scripts/e2e-server.ts to its throwaway database only.
import { hash } from '@node-rs/argon2';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';

export const FIRST_SIGN_IN = { email: 'first-sign-in@woodgrove.onmicrosoft.example', password: 'Temporary-Passw0rd-1' };

/** F6 / R11: a second customer of Northwind, managed by no reseller, with an Azure plan subscription and its own admin. */
export const LITWARE = { company: 'Litware Inc', prefix: 'litware', admin: 'admin@litware.onmicrosoft.example' };

export async function addE2eFixtures(databaseUrl: string): Promise<void> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
  try {
    const woodgrove = await db.customer.findFirstOrThrow({ where: { companyName: 'Woodgrove Bank' } });
    await db.user.create({
      data: {
        email: FIRST_SIGN_IN.email, name: 'First Sign-in', role: 'CUSTOMER_USER', customerId: woodgrove.id,
        passwordHash: await hash(FIRST_SIGN_IN.password), mustChangePassword: true,
      },
    });
    await addLitware(db, woodgrove);
  } finally {
    await db.$disconnect();
  }
}

async function addLitware(db: PrismaClient, woodgrove: { providerId: string; tenantDomain: string }) {
  const suffix = woodgrove.tenantDomain.slice(woodgrove.tenantDomain.indexOf('.') + 1);
  const tenantDomain = `${LITWARE.prefix}.${suffix}`;
  const litware = await db.customer.create({
    data: {
      companyName: LITWARE.company, domainPrefix: LITWARE.prefix, tenantDomain,
      addressLine1: '2 Litware Street', city: 'Portland', region: 'OR', postalCode: '97201', country: 'US',
      contactFirstName: 'Lee', contactLastName: 'Ware', contactEmail: 'it@litware.example', providerId: woodgrove.providerId,
    },
  });
  await db.user.create({
    data: { email: `admin@${tenantDomain}`, name: 'Litware Admin', role: 'CUSTOMER_ADMIN', customerId: litware.id, passwordHash: await hash(process.env.DEMO_PASSWORD || 'Demo-Passw0rd!') },
  });
  const now = new Date();
  for (const [sku, quantity] of [['AZURE-PLAN', 1], ['M365-BASIC', 3]] as const) {
    const offer = await db.offer.findFirst({ where: sku === 'AZURE-PLAN' ? { isAzurePlan: true } : { name: 'Microsoft 365 Business Basic' } });
    if (!offer) continue;
    await db.subscription.create({ data: { customerId: litware.id, offerId: offer.id, quantity, purchasedAt: now, termStartedAt: now, supportContactOrgId: woodgrove.providerId } });
  }
}
