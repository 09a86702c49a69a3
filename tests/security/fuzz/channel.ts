// Two independent channels (provider, two resellers, a customer with
// subscriptions and audit events each) for the fuzz tests: everything of
// channel B is "another organisation's data" for channel A's users.
import { makeChannel, makeCtx, makeOffer, makeSubscription, makeUser } from '../../factories';
import { db } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';

export async function makeWorld() {
  const a = await makeChannel();
  const b = await makeChannel();
  const offer = await makeOffer();
  const subA = await makeSubscription(a.customer.id, a.resellerA.id, offer.id);
  const subB = await makeSubscription(b.customer.id, b.resellerA.id, offer.id);
  for (const [ch, sub] of [
    [a, subA],
    [b, subB],
  ] as const) {
    await db().subscription.update({ where: { id: sub.id }, data: { resellerId: ch.resellerA.id } });
    await db().subscriptionResellerAssociation.create({
      data: {
        subscriptionId: sub.id,
        resellerId: ch.resellerA.id,
        offerId: offer.id,
        quantity: 5,
        unitPriceMinor: 1000,
        currency: 'USD',
        incentiveRateBps: 500,
        startedAt: new Date(Date.now() - 86_400_000),
      },
    });
    await db().auditEvent.create({
      data: {
        action: 'customer.updated',
        targetType: 'customer',
        targetId: ch.customer.id,
        orgIds: [ch.provider.id, ch.resellerA.id],
        after: { companyName: ch.customer.companyName },
      },
    });
  }
  const ctx = {
    providerA: await makeCtx('ADMIN', { organizationId: a.provider.id }),
    resellerA: await makeCtx('ADMIN', { organizationId: a.resellerA.id }),
    customerA: await makeCtx('CUSTOMER_ADMIN', { customerId: a.customer.id }),
  } satisfies Record<string, Ctx>;
  /** Users besides those of the contexts: a colleague of resellerA's admin, and a user of channel B. */
  const users = {
    colleagueA: await makeUser('ADMIN', { organizationId: a.resellerA.id }),
    userB: await makeUser('ADMIN', { organizationId: b.resellerA.id }),
  };
  /** Ids and names that must never appear in what channel A's users get. */
  const foreign = [
    b.provider.id,
    b.resellerA.id,
    b.resellerB.id,
    b.customer.id,
    subB.id,
    b.customer.companyName,
    b.customer.tenantDomain,
    b.provider.legalName,
    b.resellerA.legalName,
  ];
  return { a, b, subA, subB, offer, ctx, users, foreign };
}

/** The row counts and latest change of every table a domain write touches: equal before and after a refusal. */
export async function snapshot() {
  const d = db();
  const [counts, latest] = await Promise.all([
    Promise.all([
      d.organization.count(),
      d.user.count(),
      d.customer.count(),
      d.subscription.count(),
      d.subscriptionResellerAssociation.count(),
      d.order.count(),
      d.partnership.count(),
      d.partnershipInvitation.count(),
      d.customerRelationshipRequest.count(),
      d.providerProfile.count(),
      d.orderLine.count(),
      d.offer.count(),
      d.auditEvent.count(),
      d.outboxMessage.count(),
    ]),
    Promise.all([
      d.customer.aggregate({ _max: { updatedAt: true } }),
      d.subscription.aggregate({ _max: { updatedAt: true } }),
      d.organization.aggregate({ _max: { updatedAt: true } }),
      d.offer.aggregate({ _max: { updatedAt: true } }),
      d.user.aggregate({ _max: { updatedAt: true } }),
      d.partnershipInvitation.findMany({ orderBy: { id: 'asc' } }),
      d.customerRelationshipRequest.findMany({ orderBy: { id: 'asc' } }),
      d.subscription.aggregate({ _sum: { version: true, quantity: true } }),
    ]),
  ]);
  return JSON.stringify({ counts, latest });
}
