// `npm run db:seed`: SPEC §8's demo data on DATABASE_URL (skipped when the
// database already has organisations).
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../lib/generated/prisma/client';
import { readEnv } from '../lib/env/schema';
import { seedDemoData } from './demo-data';

export async function seed(databaseUrl: string): Promise<'seeded' | 'skipped'> {
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 1 }) });
  try {
    return await seedDemoData(db, {
      password: readEnv('DEMO_PASSWORD'),
      vendorName: readEnv('VENDOR_NAME'),
      tenantDomain: readEnv('TENANT_DOMAIN'),
    });
  } finally {
    await db.$disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = readEnv('DATABASE_URL');
  if (!url) {
    console.error('DATABASE_URL is not set: point it at the database to fill with demo data.');
    process.exit(1);
  }
  const result = await seed(url);
  console.log(result === 'seeded' ? 'Demo data created.' : 'The database already has data: demo data not added.');
}
