// `npm run db:seed:scale` at a small size on the test database: the counts it
// reports, the domain rules its data keeps (R3, R8, R9, R10, tenant domains,
// the outbox), and that a second run changes nothing while --fresh rebuilds.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, parseFlags, resolveSizes, seedScale } from '@/scripts/db/seed-scale';

const SIZES = { customers: 2000, resellers: 200, subscriptions: 6000, auditEvents: 20000, outbox: 500 };
const TENANT_DOMAIN = process.env.TENANT_DOMAIN || 'onmicrosoft.example';

/** One query on its own connection, closed before seedScale runs (the
 * embedded server serves one connection at a time). */
async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

const one = async (sql: string) => Number(Object.values((await query(sql))[0] ?? {})[0]);

/** Changes to any table show here: row counts and a digest of ids and timestamps. */
const fingerprint = () =>
  query(`SELECT
    (SELECT md5(string_agg(id || "updatedAt", ',' ORDER BY id)) FROM "Customer") AS customers,
    (SELECT md5(string_agg(id || version || "updatedAt", ',' ORDER BY id)) FROM "Subscription") AS subscriptions,
    (SELECT md5(string_agg(id || coalesce("endedAt"::text, ''), ',' ORDER BY id)) FROM "SubscriptionResellerAssociation") AS associations,
    (SELECT md5(string_agg(id, ',' ORDER BY id)) FROM "AuditEvent") AS audit,
    (SELECT md5(string_agg(id || state, ',' ORDER BY id)) FROM "OutboxMessage") AS outbox,
    (SELECT md5(string_agg(id || state, ',' ORDER BY id)) FROM "Partnership") AS partnerships`);

describe('sizes and flags', () => {
  it('scales the other sizes with --customers alone, keeps given ones, providers stay 5', () => {
    expect(resolveSizes({ customers: 10_000 })).toEqual({
      providers: 5,
      resellers: 1000,
      customers: 10_000,
      subscriptions: 30_000,
      auditEvents: 100_000,
      outbox: 5000,
    });
    expect(resolveSizes({})).toEqual(DEFAULT_SIZES);
    expect(resolveSizes({ customers: 10_000, auditEvents: 7 })).toMatchObject({ resellers: 1000, auditEvents: 7 });
    expect(parseFlags(['--customers', '100_000', '--audit-events', '5', '--fresh']).sizes).toEqual({
      customers: 100_000,
      auditEvents: 5,
    });
  });

  it('refuses unknown flags, bad numbers and impossible sizes with a message', () => {
    expect(() => parseFlags(['--customer', '5'])).toThrow(/customer/);
    expect(() => parseFlags(['--customers', 'many'])).toThrow(/--customers many: expected a whole number/);
    expect(() => parseFlags(['--customers', '-3'])).toThrow();
    expect(() => parseFlags(['--customers', '0', '--subscriptions', '9'])).toThrow(/subscriptions need customers/);
  });

  it('refuses a database on another machine unless forced, before connecting', async () => {
    await expect(seedScale('postgresql://postgres@db.example.com:5432/x', SIZES)).rejects.toThrow(
      /Refusing to fill db\.example\.com.*--force/,
    );
  });
});

describe('seedScale', () => {
  it('fills the demo data and the scale data, keeping the domain rules; a second run changes nothing; --fresh rebuilds', async () => {
    const url = process.env.DATABASE_URL!;
    const lines: string[] = [];
    const counts = await seedScale(url, SIZES, { log: (line) => lines.push(line) });
    expect(lines.join('\n')).toMatch(/demo data: seeded/);

    // Counts: what it reports is what is there, the demo's rows included.
    const scale = (table: string) => one(`SELECT count(*) FROM "${table}" WHERE starts_with(id, 'sc')`);
    expect(await scale('Customer')).toBe(2000);
    expect(await scale('Subscription')).toBe(6000);
    expect(await scale('AuditEvent')).toBe(20_000);
    expect(await scale('OutboxMessage')).toBe(500);
    expect(
      await one(
        `SELECT count(*) FROM "Organization" WHERE starts_with(id, 'sc') AND kind = 'INDIRECT_RESELLER' AND status = 'ACTIVE'`,
      ),
    ).toBe(200);
    expect(
      await one(
        `SELECT count(*) FROM "Organization" o JOIN "ProviderProfile" p ON p."organizationId" = o.id WHERE o.kind = 'INDIRECT_PROVIDER' AND o.status = 'ACTIVE'`,
      ),
    ).toBe(5);
    for (const [table, rows] of Object.entries(counts))
      expect(await one(`SELECT count(*) FROM "${table}"`), table).toBe(rows);
    expect(counts).toMatchObject({
      Customer: 2001,
      Subscription: 6001,
      AuditEvent: 20_005,
      OutboxMessage: 500,
      ProviderProfile: 5,
    });
    expect(await one(`SELECT count(*) FROM "User" WHERE email = 'admin@northwind.example'`)).toBe(1);

    // 60 % of the scale customers under Northwind, the rest under the other providers.
    expect(
      await one(
        `SELECT count(*) FROM "Customer" c JOIN "Organization" o ON o.id = c."providerId" WHERE starts_with(c.id, 'sc') AND o."mpnId" = '4100001'`,
      ),
    ).toBe(1200);
    expect(await one(`SELECT count(DISTINCT "providerId") FROM "Customer"`)).toBe(5);
    // R3: every managing reseller is in an ACTIVE partnership with the customer's provider; about 90 % are managed.
    const active = (provider: string, reseller: string) =>
      `EXISTS (SELECT 1 FROM "Partnership" p WHERE p."providerId" = ${provider} AND p."resellerId" = ${reseller} AND p.state = 'ACTIVE')`;
    expect(
      await one(
        `SELECT count(*) FROM "Customer" c WHERE c."managingResellerId" IS NOT NULL AND NOT ${active('c."providerId"', 'c."managingResellerId"')}`,
      ),
    ).toBe(0);
    const managed = await one(
      `SELECT count(*) FROM "Customer" WHERE starts_with(id, 'sc') AND "managingResellerId" IS NOT NULL`,
    );
    expect(managed).toBeGreaterThan(1700);
    expect(managed).toBeLessThan(1900);
    // R9: the support contact is the provider or a reseller partnered with it; R8: so is the credited reseller.
    expect(
      await one(`SELECT count(*) FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId"
      WHERE s."supportContactOrgId" <> c."providerId" AND NOT ${active('c."providerId"', 's."supportContactOrgId"')}`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId"
      WHERE s."resellerId" IS NOT NULL AND NOT ${active('c."providerId"', 's."resellerId"')}`),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM "Subscription" WHERE "supportContactOrgId" <> (SELECT "providerId" FROM "Customer" c WHERE c.id = "customerId")`,
      ),
    ).toBeGreaterThan(0);
    // Each subscription carries its customer's managing reseller, as the database's triggers keep it.
    expect(
      await one(`SELECT count(*) FROM "Subscription" s JOIN "Customer" c ON c.id = s."customerId"
      WHERE s."customerManagingResellerId" IS DISTINCT FROM c."managingResellerId"`),
    ).toBe(0);
    // R8: one open association period per credited subscription, none once cancelled (cancelling closes it);
    // periods carry the offer's terms; some subscriptions have an earlier closed period.
    const openPeriods = `(SELECT count(*) FROM "SubscriptionResellerAssociation" a WHERE a."subscriptionId" = s.id AND a."endedAt" IS NULL)`;
    expect(
      await one(
        `SELECT count(*) FROM "Subscription" s WHERE s."resellerId" IS NOT NULL AND s.status <> 'CANCELLED' AND ${openPeriods} <> 1`,
      ),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM "Subscription" s WHERE (s."resellerId" IS NULL OR s.status = 'CANCELLED') AND ${openPeriods} <> 0`,
      ),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM "Subscription" s WHERE s."resellerId" IS NOT NULL AND s.status <> 'CANCELLED'`),
    ).toBeGreaterThan(4000);
    expect(
      await one(`SELECT count(*) FROM "SubscriptionResellerAssociation" a JOIN "Subscription" s ON s.id = a."subscriptionId"
      WHERE a."endedAt" IS NULL AND (a."resellerId" <> s."resellerId" OR a.quantity <> s.quantity OR a."offerId" <> s."offerId")`),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM "SubscriptionResellerAssociation" a JOIN "Offer" o ON o.id = a."offerId"
      WHERE a."unitPriceMinor" <> o."unitPriceMinor" OR a.currency <> o.currency OR a."incentiveRateBps" <> o."incentiveRateBps" OR a."endedAt" < a."startedAt"`),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM "SubscriptionResellerAssociation" WHERE starts_with(id, 'sc') AND "endedAt" IS NOT NULL`,
      ),
    ).toBeGreaterThan(300);
    // R7: the Azure plan has quantity 1; a cancellation falls within 168 hours of the term's start.
    expect(
      await one(
        `SELECT count(*) FROM "Subscription" s JOIN "Offer" o ON o.id = s."offerId" WHERE o."isAzurePlan" AND s.quantity <> 1`,
      ),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM "Subscription" WHERE status = 'CANCELLED' AND NOT ("cancelledAt" BETWEEN "termStartedAt" AND "termStartedAt" + interval '168 hours')`,
      ),
    ).toBe(0);
    expect(
      await one(`SELECT count(*) FROM "Subscription" WHERE "termStartedAt" < "purchasedAt" OR "termStartedAt" > now()`),
    ).toBe(0);
    // Tenant domains: prefix + TENANT_DOMAIN, well formed and unique.
    expect(
      await one(
        `SELECT count(*) FROM "Customer" WHERE "tenantDomain" <> "domainPrefix" || '.${TENANT_DOMAIN}' OR "domainPrefix" !~ '^[a-z][a-z0-9]{2,26}$'`,
      ),
    ).toBe(0);
    expect(await one(`SELECT count(DISTINCT "tenantDomain") FROM "Customer"`)).toBe(2001);
    // Audit events show in the organisations' own logs.
    expect(
      await one(
        `SELECT count(*) FROM "AuditEvent" WHERE starts_with(id, 'sc') AND (cardinality("orgIds") = 0 OR "actorOrgId" IS NULL)`,
      ),
    ).toBe(0);
    expect(
      await one(
        `SELECT count(*) FROM "AuditEvent" e JOIN "Organization" o ON o."mpnId" = '5200001' WHERE e."orgIds" @> ARRAY[o.id]`,
      ),
    ).toBeGreaterThan(0);
    // The outbox: nothing left for a worker to send.
    expect(await one(`SELECT count(*) FROM "OutboxMessage" WHERE state = 'PENDING'`)).toBe(0);
    expect(
      await one(`SELECT count(*) FROM "OutboxMessage" WHERE state = 'SENT' AND "sentAt" IS NOT NULL`),
    ).toBeGreaterThan(450);

    // A second run without --fresh leaves everything as it was.
    const before = await fingerprint();
    lines.length = 0;
    expect(await seedScale(url, SIZES, { log: (line) => lines.push(line) })).toEqual(counts);
    expect(lines.join('\n')).toMatch(/already holds scale data: nothing changed/);
    expect(await fingerprint()).toEqual(before);

    // --fresh empties it and seeds again, at the new sizes.
    const fresh = await seedScale(url, { customers: 500 }, { fresh: true });
    expect(fresh).toMatchObject({ Customer: 501, Subscription: 1501, AuditEvent: 5005, OutboxMessage: 250 });
    expect(await scale('Customer')).toBe(500);
  }, 300_000);
});
