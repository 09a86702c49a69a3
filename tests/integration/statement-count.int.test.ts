// No N+1 in any list: counts the SQL statements each list's domain function
// sends to PostgreSQL (every query on every pooled connection, Prisma's
// through its pg adapter included) for a small data set and again once each
// list has more rows than a page. The count must not grow with the rows, and
// the lists that are one statement must stay one statement.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeCustomer, makeOffer, makeOrg, makePartnership, makeSubscription } from '../factories';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { findCustomers } from '@/lib/customers/find-customers';
import { findCustomerSubscriptions } from '@/lib/customers/find-customer-subscriptions';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { findPublicProviders } from '@/lib/organizations/find-public-providers';
import { findResellerSubscriptions } from '@/lib/reports/find-reseller-subscriptions';
import { findAuditEvents } from '@/lib/reports/find-audit-events';
import { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';

let statements = 0;
const original = pg.Client.prototype.query;
beforeAll(() => {
  // pg.Pool#query and Prisma's adapter both end in Client#query: one call, one statement.
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
});
afterAll(() => {
  pg.Client.prototype.query = original;
});

/** Statements one call sends; the result's rows, to check that the page really is full. */
async function count(run: () => Promise<unknown>): Promise<{ statements: number; rows: number }> {
  await run(); // warm: connections open, nothing lazy left
  statements = 0;
  const result = await run();
  const n = statements;
  const rows = Array.isArray(result)
    ? result.length
    : Array.isArray((result as { rows?: unknown[] }).rows)
      ? (result as { rows: unknown[] }).rows.length
      : 0;
  return { statements: n, rows };
}

type World = {
  provider: Ctx;
  reseller: Ctx;
  vendorProvider: string;
  resellerId: string;
  providerId: string;
  bigCustomer: string;
  offerId: string;
};

/**
 * A provider, a partnered reseller, two customers it manages (one with two
 * subscriptions), an incentive period and two audit events.
 */
async function smallWorld(): Promise<World> {
  const provider = await makeOrg('INDIRECT_PROVIDER');
  const reseller = await makeOrg('INDIRECT_RESELLER');
  await makePartnership(provider.id, reseller.id);
  const offer = await makeOffer();
  const a = await makeCustomer(provider.id, reseller.id);
  await makeCustomer(provider.id, reseller.id);
  for (let i = 0; i < 2; i++) {
    const sub = await makeSubscription(a.id, reseller.id, offer.id);
    await db().subscription.update({ where: { id: sub.id }, data: { resellerId: reseller.id } });
    await db().subscriptionResellerAssociation.create({
      data: {
        subscriptionId: sub.id,
        resellerId: reseller.id,
        offerId: offer.id,
        quantity: 5,
        unitPriceMinor: 1000,
        currency: 'USD',
        incentiveRateBps: 500,
        startedAt: new Date(Date.now() - 3_600_000),
      },
    });
  }
  for (let i = 0; i < 2; i++) {
    await db().auditEvent.create({
      data: { action: 'customer.updated', targetType: 'customer', targetId: a.id, orgIds: [provider.id, reseller.id] },
    });
  }
  return {
    provider: await makeCtx('ADMIN', { organizationId: provider.id }),
    reseller: await makeCtx('ADMIN', { organizationId: reseller.id }),
    vendorProvider: provider.id,
    resellerId: reseller.id,
    providerId: provider.id,
    bigCustomer: a.id,
    offerId: offer.id,
  };
}

const MORE = 60; // more than a page (50) of every list

/**
 * Set-based: MORE resellers partnered with the provider, MORE customers of the
 * reseller with a subscription each, MORE subscriptions on one customer, MORE
 * periods, events and public providers.
 */
async function grow(w: World) {
  const n = MORE;
  await db().$executeRaw`
    WITH r AS (
      INSERT INTO "Organization" (id, kind, "legalName", "mpnId", country, status, "updatedAt")
      SELECT 'sc-r-' || g, 'INDIRECT_RESELLER', 'Scale reseller ' || g, (5000000 + g)::text, 'US', 'ACTIVE', now() FROM generate_series(1, ${n}) g
      RETURNING id)
    INSERT INTO "Partnership" (id, "providerId", "resellerId") SELECT 'sc-p-' || r.id, ${w.providerId}, r.id FROM r`;
  await db().$executeRaw`
    INSERT INTO "Customer" (id, "companyName", "domainPrefix", "tenantDomain", "addressLine1", city, "postalCode", country,
                            "contactFirstName", "contactLastName", "contactEmail", "providerId", "managingResellerId", "updatedAt")
    SELECT 'sc-c-' || g, 'Scale customer ' || g, 'scalec' || g, 'scalec' || g || '.onmicrosoft.example', '1 Main St', 'Seattle', '98101', 'US',
           'Pat', 'Doe', 'pat@test.example', ${w.providerId}, ${w.resellerId}, now()
      FROM generate_series(1, ${n}) g`;
  await db().$executeRaw`
    INSERT INTO "Subscription" (id, "customerId", "offerId", quantity, "purchasedAt", "termStartedAt", "resellerId", "supportContactOrgId", "updatedAt")
    SELECT 'sc-s-' || g, CASE WHEN g <= ${n} THEN 'sc-c-' || g ELSE ${w.bigCustomer} END, ${w.offerId}, 3, now(), now(), ${w.resellerId}, ${w.resellerId}, now()
      FROM generate_series(1, ${2 * n}) g`;
  await db().$executeRaw`
    INSERT INTO "SubscriptionResellerAssociation" (id, "subscriptionId", "resellerId", "offerId", quantity, "unitPriceMinor", currency, "incentiveRateBps", "startedAt")
    SELECT 'sc-a-' || g, 'sc-s-' || g, ${w.resellerId}, ${w.offerId}, 3, 1000, 'USD', 500, now() - interval '1 hour' FROM generate_series(1, ${2 * n}) g`;
  await db().$executeRaw`
    INSERT INTO "AuditEvent" (id, action, "targetType", "targetId", "orgIds")
    SELECT 'sc-e-' || g, 'customer.updated', 'customer', 'sc-c-' || g, ARRAY[${w.providerId}, ${w.resellerId}] FROM generate_series(1, ${n}) g`;
  await db().$executeRaw`
    WITH p AS (
      INSERT INTO "Organization" (id, kind, "legalName", "mpnId", country, status, "updatedAt")
      SELECT 'sc-pr-' || g, 'INDIRECT_PROVIDER', 'Scale provider ' || g, (6000000 + g)::text, 'US', 'ACTIVE', now() FROM generate_series(1, ${n}) g
      RETURNING id)
    INSERT INTO "ProviderProfile" (id, "organizationId", description, "regionsServed", "updatedAt")
    SELECT 'sc-pp-' || p.id, p.id, 'Serves everyone', ARRAY['US', 'JP'], now() FROM p`;
}

/** Every list, as a page calls it. */
function lists(w: World): [string, () => Promise<unknown>][] {
  return [
    ['findCustomers (provider)', () => findCustomers(w.provider, {})],
    ['findCustomers (provider, one reseller)', () => findCustomers(w.provider, { reseller: w.resellerId })],
    ['findCustomers (provider, last page)', () => findCustomers(w.provider, { last: '1' })],
    [
      'findCustomers (provider, one reseller, with its filter: the Customers page)',
      () => findCustomers(w.provider, { reseller: w.resellerId }, { filter: true }),
    ],
    ['findIndirectResellers', () => findIndirectResellers(w.provider, {})],
    [
      'findIndirectResellers (with the pending invitations: the Indirect resellers page)',
      () => findIndirectResellers(w.provider, {}, { invitations: true }),
    ],
    ['findPublicProviders', () => findPublicProviders()],
    ['findResellerSubscriptions', () => findResellerSubscriptions(w.reseller, {})],
    ['findCustomerSubscriptions', () => findCustomerSubscriptions(w.provider, w.bigCustomer)],
    ['findAuditEvents', () => findAuditEvents(w.provider, {})],
    ['getIncentivesReport (provider)', () => getIncentivesReport(w.provider, {})],
    ['getIncentivesReport (reseller)', () => getIncentivesReport(w.reseller, {})],
  ];
}

/** At most this many statements per call: one for each list that is one SQL statement by design. */
const MOST: Record<string, number> = {
  findCustomers: 1,
  findIndirectResellers: 1,
  findPublicProviders: 1,
  findResellerSubscriptions: 1,
  findCustomerSubscriptions: 1,
  findAuditEvents: 1,
  getIncentivesReport: 1,
};

describe('SQL statements per list', () => {
  let small: Map<string, { statements: number; rows: number }>;
  let large: Map<string, { statements: number; rows: number }>;

  beforeAll(async () => {
    await resetDatabase();
    const w = await smallWorld();
    small = new Map();
    for (const [name, run] of lists(w)) small.set(name, await count(run));
    await grow(w);
    large = new Map();
    for (const [name, run] of lists(w)) large.set(name, await count(run));
  }, 60_000);

  it.each(lists({} as World).map(([name]) => name))(
    '%s: the same number of statements for 2 rows and for a full page',
    (name) => {
      const s = small.get(name)!;
      const l = large.get(name)!;
      // The large data set really fills the page (otherwise the comparison proves nothing).
      expect(l.rows, `${name} rows`).toBeGreaterThanOrEqual(50);
      expect(s.rows, `${name} rows`).toBeLessThan(l.rows);
      expect(
        l.statements,
        `${name}: ${s.statements} statements for ${s.rows} rows, ${l.statements} for ${l.rows}`,
      ).toBe(s.statements);
      expect(l.statements, name).toBeLessThanOrEqual(MOST[name.split(' ')[0]!]!);
      expect(l.statements, name).toBeGreaterThanOrEqual(1);
    },
  );
});
