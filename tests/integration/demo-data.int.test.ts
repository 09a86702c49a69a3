import { beforeEach, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { db } from '@/lib/db';
import { seedDemoData } from '@/prisma/demo-data';
import { verifyCredentials } from '@/lib/users/verify-credentials';

beforeEach(resetDatabase);

const options = { password: 'Demo-Passw0rd!', vendorName: 'Microsoft', tenantDomain: 'onmicrosoft.example' };

it('creates SPEC §8 demo data once', async () => {
  expect(await seedDemoData(db() as never, options)).toBe('seeded');
  expect(await seedDemoData(db() as never, options)).toBe('skipped');
  for (const email of [
    'staff@vendor.example',
    'admin@northwind.example',
    'sales@northwind.example',
    'admin@fabrikam.example',
    'admin@tailspin.example',
    'admin@adatum.example',
    'admin@woodgrove.onmicrosoft.example',
    'user@woodgrove.onmicrosoft.example',
    ...['northwind', 'fabrikam', 'tailspin', 'adatum'].flatMap((d) => [
      `agent@${d}.example`,
      `sales@${d}.example`,
      `helpdesk@${d}.example`,
    ]),
  ]) {
    expect(await verifyCredentials({ email, password: options.password }), email).not.toBeNull();
  }
  const northwind = await db().organization.findUniqueOrThrow({ where: { mpnId: '4100001' } });
  const partnered = await db().partnership.findMany({
    where: { providerId: northwind.id, state: 'ACTIVE' },
    select: { reseller: { select: { mpnId: true } } },
  });
  expect(partnered.map((p) => p.reseller.mpnId).sort()).toEqual(['5200001', '5200002']);
  const woodgrove = await db().customer.findFirstOrThrow({
    where: { companyName: 'Woodgrove Bank' },
    include: {
      managingReseller: true,
      subscriptions: { include: { offer: true, reseller: true, supportContactOrg: true } },
    },
  });
  expect(woodgrove.managingReseller?.mpnId).toBe('5200001');
  expect(woodgrove.subscriptions).toHaveLength(1);
  expect(woodgrove.subscriptions[0]).toMatchObject({
    quantity: 10,
    offer: { name: 'Microsoft 365 Business Basic' },
    reseller: { mpnId: '5200001' },
    supportContactOrg: { mpnId: '4100001' },
  });
  const basic = await db().offer.findUniqueOrThrow({ where: { sku: 'M365-BB' }, include: { upgradeTargets: true } });
  expect(basic.upgradeTargets.map((o) => o.name)).toContain('Microsoft 365 Business Standard');
  const admin = await db().user.findUniqueOrThrow({ where: { email: 'admin@woodgrove.onmicrosoft.example' } });
  expect(admin.mustChangePassword).toBe(false);
  const roles = await db().user.findMany({
    where: {
      email: {
        in: [
          'agent@fabrikam.example',
          'sales@fabrikam.example',
          'helpdesk@fabrikam.example',
          'user@woodgrove.onmicrosoft.example',
        ],
      },
    },
    select: { email: true, role: true },
  });
  expect(Object.fromEntries(roles.map((u) => [u.email, u.role]))).toEqual({
    'agent@fabrikam.example': 'ADMIN_AGENT',
    'sales@fabrikam.example': 'SALES_AGENT',
    'helpdesk@fabrikam.example': 'HELPDESK_AGENT',
    'user@woodgrove.onmicrosoft.example': 'CUSTOMER_USER',
  });
});
