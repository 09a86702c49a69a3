// Extra accounts and records the end-to-end suite needs beyond SPEC §8's demo
// data, added to its throwaway database only: by scripts/e2e-server.ts, and
// on the embedded target by scripts/start.ts (PC_E2E_FIXTURES).
import { hash } from '@node-rs/argon2';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../lib/generated/prisma/client';
import { addFlowFixtures } from './fixtures/flows';
import { addOtherChannel } from './fixtures/other-channel';

export { LICENCE_CHANGES, LITWARE, PARTNERSHIP_REMOVAL } from './fixtures/flows';
export { OTHER_CHANNEL } from './fixtures/other-channel';

export const FIRST_SIGN_IN = { email: 'first-sign-in@woodgrove.onmicrosoft.example', password: 'Temporary-Passw0rd-1' };

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
    await addFlowFixtures(db, woodgrove);
    await addOtherChannel(db);
  } finally {
    await db.$disconnect();
  }
}
