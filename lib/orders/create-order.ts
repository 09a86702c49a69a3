import 'server-only';
import { db, type Tx } from '@/lib/db';
import type { Ctx } from '@/lib/authz/context';
import { recordAuditMany, type AuditEntry } from '@/lib/audit/record-audit';
import { Invalid } from '@/lib/errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { periodData } from '@/lib/subscriptions/association';
import { lineFieldErrors, validateLines, type OrderLineDraft } from './validate-lines';
import { emitEvent } from '@/lib/webhooks/events';

// What placing a new customer's order and adding subscriptions share: R7 at
// purchase, and the order with its subscriptions written in the caller's
// transaction.

const OFFER_FIELDS = {
  id: true,
  name: true,
  active: true,
  minQuantity: true,
  maxQuantity: true,
  isAzurePlan: true,
  termMonths: true,
  unitPriceMinor: true,
  currency: true,
  incentiveRateBps: true,
} as const;

/** R7: loads the lines' offers and refuses every line that breaks a rule (Invalid, keyed lines.<offerId>). */
export async function checkLines(lines: OrderLineDraft[]) {
  const offers = await db().offer.findMany({
    where: { id: { in: [...new Set(lines.map((l) => l.offerId))] } },
    select: OFFER_FIELDS,
  });
  const issues = validateLines(lines, offers);
  if (issues.length) throw new Invalid(lineFieldErrors(issues));
  return new Map(offers.map((o) => [o.id, o]));
}
export type CheckedOffers = Awaited<ReturnType<typeof checkLines>>;

/** Calendar months in UTC (Jan 31 + 1 month → the last day of February). */
export function addMonths(date: Date, months: number): Date {
  const d = new Date(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

type NewOrder = {
  customerId: string;
  providerId: string;
  reseller: { id: string; mpnId: string | null } | null;
  idempotencyKey: string;
  lines: OrderLineDraft[];
  offers: CheckedOffers;
  now: Date;
  /** Events of the same change written with the order's (e.g. the new customer's), before them. */
  audit?: AuditEntry[];
};

/**
 * The order, its lines and one ACTIVE subscription per line (support contact:
 * the provider; R8: the reseller credited with an open association period),
 * with audit events (one statement for all of them). The (placedByOrgId,
 * idempotencyKey) unique index makes a second submission of the same review
 * fail here (R5).
 */
export async function createOrder(tx: Tx, ctx: Ctx, o: NewOrder) {
  const order = await tx.order.create({
    data: {
      customerId: o.customerId,
      placedByUserId: ctx.userId,
      placedByOrgId: ctx.orgId!,
      idempotencyKey: o.idempotencyKey,
      createdAt: o.now,
    },
    select: { id: true },
  });
  await tx.orderLine.createMany({
    data: o.lines.map((l) => ({
      orderId: order.id,
      offerId: l.offerId,
      quantity: l.quantity,
      resellerMpnId: o.reseller?.mpnId ?? null,
    })),
  });
  const orgIds = [o.providerId, o.reseller?.id];
  const subscriptionIds: string[] = [];
  const events: AuditEntry[] = [...(o.audit ?? [])];
  for (const line of o.lines) {
    const offer = o.offers.get(line.offerId)!;
    const termMonths = offer.termMonths;
    const subscription = await tx.subscription.create({
      data: {
        customerId: o.customerId,
        offerId: line.offerId,
        orderId: order.id,
        quantity: line.quantity,
        status: 'ACTIVE',
        purchasedAt: o.now,
        termStartedAt: o.now,
        renewsAt: termMonths ? addMonths(o.now, termMonths) : null,
        supportContactOrgId: o.providerId,
        resellerId: o.reseller?.id ?? null,
        resellerAssociations: o.reseller
          ? { create: periodData(o.reseller.id, { ...offer, offerId: offer.id, quantity: line.quantity }, o.now) }
          : undefined,
      },
      select: { id: true },
    });
    subscriptionIds.push(subscription.id);
    const after = {
      customerId: o.customerId,
      offerId: line.offerId,
      quantity: line.quantity,
      resellerMpnId: o.reseller?.mpnId ?? null,
    };
    await emitEvent(tx, {
      type: 'subscription.created',
      subject: { kind: 'subscription', id: subscription.id },
      data: { subscriptionId: subscription.id, ...after, status: 'ACTIVE', resellerId: o.reseller?.id ?? null },
    });
    events.push({
      action: 'subscription.created',
      targetType: 'subscription',
      targetId: subscription.id,
      orgIds,
      after,
    });
  }
  events.push({
    action: 'order.placed',
    targetType: 'order',
    targetId: order.id,
    orgIds,
    after: { customerId: o.customerId, lines: o.lines, resellerMpnId: o.reseller?.mpnId ?? null },
  });
  await recordAuditMany(tx, ctx, events);
  await emitEvent(tx, {
    type: 'order.completed',
    subject: { kind: 'customer', id: o.customerId },
    data: { orderId: order.id, customerId: o.customerId, subscriptionIds, lines: o.lines },
  });
  return { orderId: order.id, subscriptionIds };
}

/** The order a previous submission of this review created, if any (R5). */
export function findReplay(orgId: string, idempotencyKey: string) {
  return db().order.findUnique({
    where: { placedByOrgId_idempotencyKey: { placedByOrgId: orgId, idempotencyKey } },
    select: {
      id: true,
      customerId: true,
      customer: { select: { tenantDomain: true } },
      subscriptions: { select: { id: true }, orderBy: { createdAt: 'asc' } },
    },
  });
}
