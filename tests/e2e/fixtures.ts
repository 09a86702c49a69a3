// Extra accounts the end-to-end suite needs beyond SPEC §8's demo data,
// added by scripts/e2e-server.ts to its throwaway database only.
import { hash } from '@node-rs/argon2';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';

export const FIRST_SIGN_IN = { email: 'first-sign-in@woodgrove.onmicrosoft.example', password: 'Temporary-Passw0rd-1' };

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
  } finally {
    await db.$disconnect();
  }
}
