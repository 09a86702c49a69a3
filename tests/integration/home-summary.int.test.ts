// Home's counts: exact on every visit for a small base; for a large one
// counted at most once a minute per process and shown with their time.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeCustomer } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { HOME_EXACT_MAX, HOME_REFRESH_MS, getHomeSummary } from '@/lib/organizations/get-home-summary';

beforeEach(resetDatabase);
afterEach(() => clock.reset());

it('counts a small base exactly on every visit', async () => {
  const { provider } = await makeChannel();
  const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
  expect(await getHomeSummary(ctx)).toMatchObject({ customers: 1, asOf: null });
  await makeCustomer(provider.id);
  expect(await getHomeSummary(ctx)).toMatchObject({ customers: 2, asOf: null });
});

it('counts a large base at most once a minute, with the time it was counted', async () => {
  const { provider } = await makeChannel();
  const tag = Math.random().toString(36).slice(2, 8);
  await db().$executeRaw`
    INSERT INTO "Customer" (id, "companyName", "domainPrefix", "tenantDomain", "addressLine1", city, "postalCode", country,
                            "contactFirstName", "contactLastName", "contactEmail", "providerId", "updatedAt")
    SELECT 'h' || ${tag} || g, 'Home ' || g, 'h' || ${tag} || g, 'h' || ${tag} || g || '.onmicrosoft.example',
           '1 Main St', 'Seattle', '98101', 'US', 'Pat', 'Doe', 'pat@test.example', ${provider.id}, now()
      FROM generate_series(1, ${HOME_EXACT_MAX}) g`;
  const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
  const first = await getHomeSummary(ctx);
  expect(first.customers).toBe(HOME_EXACT_MAX + 1);
  expect(first.asOf).toBeInstanceOf(Date);
  await makeCustomer(provider.id);
  expect(await getHomeSummary(ctx)).toMatchObject({ customers: HOME_EXACT_MAX + 1, asOf: first.asOf });
  clock.advance(HOME_REFRESH_MS);
  const later = await getHomeSummary(ctx);
  expect(later.customers).toBe(HOME_EXACT_MAX + 2);
  expect(later.asOf!.getTime()).toBeGreaterThan(first.asOf!.getTime());
});
