// PostgreSQL restarted while the portal runs, on a PRIVATE cluster (the
// machine's shared server is never stopped). The portal's domain layer runs
// in this process with its one Prisma client, as a server process would:
// during the outage requests fail fast with an error the portal recognises
// as "database unavailable, try again" (isDatabaseUnavailable), nothing is
// half-written, the process does not crash, and once the server is back the
// same process serves again without a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../scripts/db/migrate';
import { makeCtx, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { privateClusterUnavailable, startPrivateCluster, type PrivateCluster } from './private-postgres';
import { db, disconnectDb, isDatabaseUnavailable } from '@/lib/db';
import { loadCtx } from '@/lib/auth/session';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import type { NewCustomerOrderInput } from '@/lib/orders/schemas';
import { Invalid } from '@/lib/errors';

let cluster: PrivateCluster | undefined;
const unhandled: unknown[] = [];
const onUnhandled = (e: unknown) => unhandled.push(e);

beforeAll(async () => {
  if (privateClusterUnavailable) return;
  cluster = await startPrivateCluster();
  await applyMigrations(cluster.url);
  // From here on the app's Prisma client talks to the private cluster.
  await disconnectDb();
  process.env.DATABASE_URL = cluster.url;
  process.env.DATABASE_POOL_MAX = '5';
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
}, 120_000);

afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  process.off('uncaughtException', onUnhandled);
  await disconnectDb();
  cluster?.destroy();
});

let n = 0;
async function scenario() {
  const provider = await makeOrg('INDIRECT_PROVIDER');
  const reseller = await makeOrg('INDIRECT_RESELLER');
  await makePartnership(provider.id, reseller.id);
  const offers = await makeDemoOffers();
  const ctx = await makeCtx('SALES_AGENT', { organizationId: reseller.id });
  const user = await db().user.findUniqueOrThrow({
    where: { id: ctx.userId },
    select: { id: true, sessionVersion: true },
  });
  const review = (): NewCustomerOrderInput => ({
    companyName: 'Outage Co',
    domainPrefix: `outage${Date.now().toString(36)}${n++}`,
    addressLine1: '1 Main St',
    city: 'Seattle',
    region: 'WA',
    postalCode: '98101',
    country: 'US',
    contactFirstName: 'Pat',
    contactLastName: 'Doe',
    contactEmail: 'pat@outage.example',
    language: 'en',
    idempotencyKey: crypto.randomUUID(),
    providerId: provider.id,
    lines: [{ offerId: offers.basic.id, quantity: 1 }],
  });
  return { ctx, user, review };
}

/** What every portal request does first: load the session's context. */
const request = (user: { id: string; sessionVersion: number }) => loadCtx(user.id, user.sessionVersion);

async function expectUnavailable(work: () => Promise<unknown>) {
  const started = performance.now();
  const error = await work().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the request should fail while the database is down').not.toBeNull();
  expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  // Fails fast: the user gets the "try again" answer, not a hanging page.
  expect(performance.now() - started).toBeLessThan(10_000);
}

describe.skipIf(privateClusterUnavailable)('PostgreSQL restarted while the portal runs', () => {
  it('requests during the outage fail fast as "unavailable, try again"; after the restart the same process serves again', async () => {
    const { ctx, user, review } = await scenario();
    // A warm pool: several connections open, as under real traffic.
    await Promise.all(Array.from({ length: 5 }, () => request(user)));

    cluster!.stop();
    const duringOutage = review();
    for (let i = 0; i < 3; i++) {
      await expectUnavailable(() => request(user));
      await expectUnavailable(() => placeNewCustomerOrder(ctx, duringOutage));
    }

    cluster!.start();
    // Recovered without restarting the process: the first requests succeed.
    expect((await request(user))?.userId).toBe(ctx.userId);
    await Promise.all(Array.from({ length: 5 }, async () => expect((await request(user))?.userId).toBe(ctx.userId)));
    // The order tried during the outage left nothing; submitting the same review again places it once.
    expect(await db().customer.count({ where: { domainPrefix: duringOutage.domainPrefix } })).toBe(0);
    const placed = await placeNewCustomerOrder(ctx, duringOutage);
    expect(placed.replayed).toBe(false);
    expect(await db().order.count({ where: { idempotencyKey: duringOutage.idempotencyKey } })).toBe(1);
    expect(unhandled).toEqual([]);
  });

  it('restarted while idle: the first request afterwards succeeds (broken pooled connections are dropped, not handed out)', async () => {
    const { ctx, user } = await scenario();
    await Promise.all(Array.from({ length: 5 }, () => request(user)));
    cluster!.stop();
    await new Promise((r) => setTimeout(r, 200));
    cluster!.start();
    await new Promise((r) => setTimeout(r, 200));
    expect((await request(user))?.userId).toBe(ctx.userId);
    expect(unhandled).toEqual([]);
  });

  it('stopped in the middle of a transaction: nothing of it is kept', async () => {
    const { ctx, review } = await scenario();
    const order = review();
    // A transaction that has written and is still running when the server stops.
    const running = db()
      .$transaction(
        async (tx) => {
          await tx.organization.create({
            data: { kind: 'INDIRECT_RESELLER', legalName: `Half-written ${order.domainPrefix}`, country: 'US' },
          });
          await tx.$queryRaw`SELECT pg_sleep(30)`;
        },
        { timeout: 60_000 },
      )
      .then(
        () => null,
        (e: unknown) => e,
      );
    await new Promise((r) => setTimeout(r, 300));
    cluster!.stop();
    const error = await running;
    expect(isDatabaseUnavailable(error), String(error)).toBe(true);
    cluster!.start();
    expect(await db().organization.count({ where: { legalName: `Half-written ${order.domainPrefix}` } })).toBe(0);
    expect((await placeNewCustomerOrder(ctx, order)).replayed).toBe(false);
    expect(unhandled).toEqual([]);
  });

  it('the classifier does not call ordinary errors "unavailable"', async () => {
    const { ctx, review } = await scenario();
    const unique = await makeOrg('INDIRECT_PROVIDER');
    const duplicate = await db()
      .organization.create({ data: { kind: 'INDIRECT_PROVIDER', legalName: 'x', country: 'US', mpnId: unique.mpnId } })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(duplicate).not.toBeNull();
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(
      isDatabaseUnavailable(
        await db().$queryRaw`SELECT 1/0`.then(
          () => null,
          (e: unknown) => e,
        ),
      ),
    ).toBe(false);
    // A refusal of the portal's own (an invalid review) is not "unavailable" either.
    const refused = await placeNewCustomerOrder(ctx, { ...review(), lines: [] }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(Invalid);
    expect(isDatabaseUnavailable(refused)).toBe(false);
  });
});
