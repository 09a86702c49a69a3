// Real concurrency against real PostgreSQL: many requests fired at once with
// Promise.all, several rounds each so a timing window has room to bite.
// (50 concurrent licence increments: tests/integration/subscription-concurrency.int.test.ts;
// Remove partnership racing orders and changes: races-remove-partnership.int.test.ts.)
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { baseUrl, rejectionsOf, review, ROUNDS } from './races-helpers';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { Refused } from '@/lib/errors';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { respondToInvitation } from '@/lib/partnerships/respond-to-invitation';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { Conflict } from '@/lib/errors';
import { makeSubscriptionSetup, periodsOf, readSubscription } from '../factories/subscriptions';

beforeEach(async () => {
  clock.reset();
  await resetDatabase();
});

describe('races', () => {
  it('20 concurrent accepts of one partnership link by two resellers make one partnership', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const provider = await makeOrg('INDIRECT_PROVIDER');
      const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
      const resellers = [await makeOrg('INDIRECT_RESELLER'), await makeOrg('INDIRECT_RESELLER')];
      const ctxs = [
        await makeCtx('ADMIN', { organizationId: resellers[0]!.id }),
        await makeCtx('ADMIN', { organizationId: resellers[1]!.id }),
      ];
      const token = (await startPartnershipRequest(providerCtx, { baseUrl })).link.split('/').pop()!;

      const attempts = Array.from({ length: 20 }, (_, i) => ctxs[i % 2]!);
      const results = await Promise.allSettled(
        attempts.map((ctx) => respondToInvitation(ctx, { token, decision: 'accept', agree: 'on', baseUrl })),
      );

      const partnerships = await db().partnership.findMany({ where: { providerId: provider.id } });
      expect(partnerships).toHaveLength(1);
      const winner = partnerships[0]!.resellerId;
      const accepted = results.filter(
        (r) => r.status === 'fulfilled' && (r.value as { status: string }).status === 'accepted',
      );
      expect(accepted).toHaveLength(1);
      // Every other attempt: the winner's own repeat is harmless, the loser is told the link was used.
      results.forEach((r, i) => {
        if (r.status === 'fulfilled')
          expect(['accepted', 'alreadyAccepted']).toContain((r.value as { status: string }).status);
        if (r.status === 'fulfilled' && (r.value as { status: string }).status === 'alreadyAccepted')
          expect(attempts[i]!.orgId).toBe(winner);
        if (r.status === 'rejected') {
          expect(r.reason).toBeInstanceOf(Refused);
          expect((r.reason as Refused).rule).toBe('R2');
        }
      });
      expect(rejectionsOf(results).length + results.filter((r) => r.status === 'fulfilled').length).toBe(20);
      expect(
        await db().auditEvent.count({ where: { action: 'partnership.accepted', orgIds: { has: provider.id } } }),
      ).toBe(1);
      expect(await db().outboxMessage.count({ where: { kind: 'partnership-accepted', to: providerCtx.email } })).toBe(
        1,
      );
      const invitation = await db().partnershipInvitation.findFirstOrThrow({ where: { providerId: provider.id } });
      expect(invitation).toMatchObject({ state: 'ACCEPTED', acceptedByOrgId: winner });
    }
  }, 60_000);

  it('20 concurrent submissions of one review make one order; the temporary password is shown once', async () => {
    const provider = await makeOrg('INDIRECT_PROVIDER');
    const reseller = await makeOrg('INDIRECT_RESELLER');
    await makePartnership(provider.id, reseller.id);
    const offers = await makeDemoOffers();
    const ctx = await makeCtx('SALES_AGENT', { organizationId: reseller.id });
    for (let round = 0; round < ROUNDS; round++) {
      const input = review({ providerId: provider.id, lines: [{ offerId: offers.basic.id, quantity: 3 }] });
      const results = await Promise.allSettled(Array.from({ length: 20 }, () => placeNewCustomerOrder(ctx, input)));
      expect(rejectionsOf(results)).toEqual([]);
      const placed = results.map(
        (r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof placeNewCustomerOrder>>>).value,
      );
      expect(new Set(placed.map((p) => p.orderId)).size).toBe(1);
      expect(new Set(placed.map((p) => p.customerId)).size).toBe(1);
      expect(placed.filter((p) => p.temporaryPassword !== null)).toHaveLength(1);
      expect(placed.filter((p) => !p.replayed)).toHaveLength(1);
      const customerId = placed[0]!.customerId;
      expect(await db().order.count({ where: { idempotencyKey: input.idempotencyKey } })).toBe(1);
      expect(await db().customer.count({ where: { domainPrefix: input.domainPrefix } })).toBe(1);
      expect(await db().user.count({ where: { customerId } })).toBe(1);
      expect(await db().subscription.count({ where: { customerId } })).toBe(1);
      expect(await db().auditEvent.count({ where: { action: 'customer.created', targetId: customerId } })).toBe(1);
      expect(
        await db().outboxMessage.count({ where: { kind: 'customer-welcome', text: { contains: input.domainPrefix } } }),
      ).toBe(1);
    }
    expect(await db().order.count()).toBe(ROUNDS);
  }, 60_000);

  it('50 concurrent licence increments, 5 rounds: every success counts, none is lost, every refusal is a conflict', async () => {
    // One round with retries: tests/integration/subscription-concurrency.int.test.ts.
    const { provider, subscription } = await makeSubscriptionSetup(10);
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    let expected = 10;
    let successes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const increment = async () => {
        const read = await readSubscription(subscription.id);
        return changeSubscription(ctx, {
          subscriptionId: subscription.id,
          version: read.version,
          quantity: read.quantity + 1,
        });
      };
      const results = await Promise.allSettled(Array.from({ length: 50 }, increment));
      const won = results.filter((r) => r.status === 'fulfilled').length;
      expect(won).toBeGreaterThanOrEqual(1);
      for (const reason of rejectionsOf(results)) expect(reason).toBeInstanceOf(Conflict);
      expected += won;
      successes += won;
      expect((await readSubscription(subscription.id)).quantity).toBe(expected);
    }
    expect(
      await db().auditEvent.count({ where: { action: 'subscription.quantity_changed', targetId: subscription.id } }),
    ).toBe(successes);
    const open = (await periodsOf(subscription.id)).filter((p) => p.endedAt === null);
    expect(open).toHaveLength(1);
    expect(open[0]!.quantity).toBe(expected);
  }, 60_000);
});
