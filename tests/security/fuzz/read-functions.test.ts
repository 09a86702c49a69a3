// Property-based: the reads behind every search, filter and id in a URL
// (customers and their subscriptions, subscriptions, audit log, incentives,
// indirect resellers, vendor staff's partners, detail pages, token links)
// answer any input with rows or a typed domain error (never a database or
// type error, which the user would see as a 500), and never with another
// organisation's data, even when the input names that organisation's ids.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { resetDatabase } from '../../setup/per-file';
import { makeCtx, makeOrg } from '../../factories';
import { anyFieldValue, hostileText } from './hostile';
import { makeWorld } from './channel';
import type { Ctx } from '@/lib/authz/context';
import { DomainError } from '@/lib/errors';
import { findCustomers } from '@/lib/customers/find-customers';
import { getCustomer } from '@/lib/customers/get-customer';
import { findCustomerSubscriptions } from '@/lib/customers/find-customer-subscriptions';
import { findPartners } from '@/lib/organizations/find-partners';
import { findResellerSubscriptions } from '@/lib/reports/find-reseller-subscriptions';
import { findAuditEvents } from '@/lib/reports/find-audit-events';
import { getIncentivesReport } from '@/lib/reports/incentives/get-incentives-report';
import { exportAuditEventsCsv, exportIncentivesCsv } from '@/lib/reports/export-reports';
import { findIndirectResellers } from '@/lib/partnerships/find-indirect-resellers';
import { getSubscriptionDetail } from '@/lib/subscriptions/get-subscription-detail';
import { viewInvitation } from '@/lib/partnerships/respond-to-invitation';
import { viewRelationshipRequest } from '@/lib/relationships/respond-to-relationship-request';
import { getProviderProfile } from '@/lib/organizations/get-provider-profile';
import { isDomainPrefixAvailable } from '@/lib/orders/is-domain-available';

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
let vendor: Ctx;

beforeAll(async () => {
  await resetDatabase();
  world = await makeWorld();
  vendor = await makeCtx('VENDOR_ADMIN', { organizationId: (await makeOrg('VENDOR')).id });
});

const RUNS = { numRuns: 40 };

/** A field value: hostile text, odd types, or one of channel B's ids and names. */
const value = () =>
  fc.oneof({ arbitrary: anyFieldValue, weight: 3 }, { arbitrary: fc.constantFrom(...world.foreign), weight: 2 });
const fields = (...keys: string[]) =>
  fc.record(Object.fromEntries(keys.map((k) => [k, value()])), { requiredKeys: [] }) as fc.Arbitrary<never>;

/**
 * Runs a read: a typed domain error is an answer; anything else fails the
 * property. The result must not name channel B, unless the reader is vendor
 * staff, who reach every organisation.
 */
async function read(run: () => Promise<unknown>, vendorWide = false) {
  let result: unknown;
  try {
    result = await run();
  } catch (error) {
    if (error instanceof DomainError) return;
    throw error;
  }
  if (vendorWide) return;
  const text = JSON.stringify(result);
  for (const foreign of world.foreign) expect(text, `leaks ${foreign}`).not.toContain(foreign);
}

describe('the leak check itself', () => {
  it("sees channel A's own rows and flags channel B's", async () => {
    expect(JSON.stringify(await findCustomers(world.ctx.providerA, {}))).toContain(world.a.customer.id);
    await expect(read(async () => [world.b.customer])).rejects.toThrow(/leaks/);
  });
});

describe('searches and filters', () => {
  it('customers (q, reseller, after) for provider, reseller and customer users', async () => {
    await fc.assert(
      fc.asyncProperty(
        fields('q', 'reseller', 'after'),
        fc.constantFrom('providerA', 'resellerA', 'customerA') as fc.Arbitrary<keyof World['ctx']>,
        async (input, who) => {
          await read(() => findCustomers(world.ctx[who], input));
        },
      ),
      RUNS,
    );
  });

  it('reseller subscriptions (relation, status, q, after)', async () => {
    await fc.assert(
      fc.asyncProperty(fields('relation', 'status', 'q', 'after'), async (input) =>
        read(() => findResellerSubscriptions(world.ctx.resellerA, input)),
      ),
      RUNS,
    );
  });

  it('audit log and its CSV (actor, action, targetType, targetId, from, to, after)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fields('actor', 'action', 'targetType', 'targetId', 'from', 'to', 'after'),
        fc.boolean(),
        async (input, provider) => {
          const ctx = provider ? world.ctx.providerA : world.ctx.resellerA;
          await read(() => findAuditEvents(ctx, input));
          await read(() => exportAuditEventsCsv(ctx, input, ['a', 'b', 'c', 'd', 'e', 'f'], (a) => a));
        },
      ),
      RUNS,
    );
  });

  it('incentives and its CSV (month, reseller)', async () => {
    await fc.assert(
      fc.asyncProperty(fields('month', 'reseller'), fc.boolean(), async (input, provider) => {
        const ctx = provider ? world.ctx.providerA : world.ctx.resellerA;
        await read(() => getIncentivesReport(ctx, input));
        await read(() => exportIncentivesCsv(ctx, input, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i']));
      }),
      RUNS,
    );
  });

  it('indirect resellers (q)', async () => {
    await fc.assert(
      fc.asyncProperty(fields('q'), async (input) => read(() => findIndirectResellers(world.ctx.providerA, input))),
      RUNS,
    );
  });

  it("a customer's subscriptions (after), of any customer id, for provider, reseller and customer users", async () => {
    await fc.assert(
      fc.asyncProperty(
        // Besides any value, cursors of the right shape (`<ms>.<id>`), at the edges of time and naming channel B.
        fc.record(
          {
            after: fc.oneof(
              value(),
              fc.constantFrom('0.a', '999999999999999.zz', `${Date.now()}.${world.subA.id}`, `1.${world.subB.id}`),
            ),
          },
          { requiredKeys: [] },
        ),
        fc.oneof(hostileText, fc.constantFrom(world.a.customer.id, ...world.foreign)),
        fc.constantFrom('providerA', 'resellerA', 'customerA') as fc.Arbitrary<keyof World['ctx']>,
        async (input, customerId, who) => read(() => findCustomerSubscriptions(world.ctx[who], customerId, input)),
      ),
      RUNS,
    );
  });

  it("partners (q, status, after): vendor staff's list answers anything, everyone else is refused", async () => {
    await fc.assert(
      fc.asyncProperty(fields('q', 'status', 'after'), fc.boolean(), async (input, asVendor) => {
        if (asVendor) await read(() => findPartners(vendor, input), true);
        else await expect(findPartners(world.ctx.providerA, input)).rejects.toBeInstanceOf(DomainError);
      }),
      RUNS,
    );
  });
});

describe('ids and tokens from a URL', () => {
  const id = () => fc.oneof(hostileText, fc.constantFrom(...world.foreign));
  it('customer, subscription and provider profile pages: 404 for anything not in reach', async () => {
    await fc.assert(
      fc.asyncProperty(id(), async (x) => {
        await read(() => getCustomer(world.ctx.providerA, x));
        await read(() => getSubscriptionDetail(world.ctx.resellerA, x));
        await read(() => getProviderProfile(world.ctx.providerA, x));
      }),
      RUNS,
    );
  });

  it('invitation and relationship-request links: any token is a page with a message, never an error', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (token) => {
        await read(() => viewInvitation(world.ctx.resellerA, token));
        await read(() => viewInvitation(null, token));
        await read(() => viewRelationshipRequest(world.ctx.resellerA, token));
        await read(() => viewRelationshipRequest(null, token));
      }),
      RUNS,
    );
  });

  it('domain prefix check: any text is answered', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, async (prefix) => read(() => isDomainPrefixAvailable(world.ctx.providerA, prefix))),
      RUNS,
    );
  });
});
