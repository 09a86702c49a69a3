import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Ctx } from '@/lib/authz/context';
import { NotFound, Refused } from '@/lib/errors';
import { parseInput } from '@/lib/validation/parse-input';
import { assertTenantAccess } from './access';
import { recordTenantChange } from './activity';
import { licenceInput, tenantInput, type LicenceInput, type TenantInput } from './schemas';

// Licence assignments: a tenant's subscriptions' licences given to its
// users. A subscription never has more assigned than its quantity: an
// assignment locks the subscription's row and counts under that lock, and
// a quantity change (lib/subscriptions/change-subscription.ts) takes the same
// lock before it compares, so the two cannot pass each other.

/** The tenant's live subscriptions with their licences (quantity, assigned, to whom), and its enabled users. */
export async function findTenantLicences(ctx: Ctx, raw: TenantInput) {
  const { customerId } = tenantInput.parse(raw);
  await assertTenantAccess(ctx, customerId, 'read');
  const [subscriptions, users] = await Promise.all([
    db().subscription.findMany({
      where: { customerId, status: { not: 'CANCELLED' } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: {
        id: true,
        quantity: true,
        status: true,
        offer: { select: { name: true } },
        licenceAssignments: {
          orderBy: { user: { name: 'asc' } },
          select: { user: { select: { id: true, name: true, email: true } } },
        },
      },
    }),
    db().user.findMany({
      where: { customerId, removedAt: null, disabled: false },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, email: true },
    }),
  ]);
  return {
    subscriptions: subscriptions.map(({ licenceAssignments, ...s }) => ({
      ...s,
      assigned: licenceAssignments.map((a) => a.user),
    })),
    users,
  };
}

/** The tenant's subscription, locked, with its quantity and how many of its licences are assigned. */
async function lockSubscription(tx: Prisma.TransactionClient, customerId: string, subscriptionId: string) {
  const [row] = await tx.$queryRaw<{ id: string; quantity: number; status: string; offerName: string }[]>(Prisma.sql`
    SELECT s.id, s.quantity, s.status::text AS status, o.name AS "offerName"
      FROM "Subscription" s JOIN "Offer" o ON o.id = s."offerId"
     WHERE s.id = ${subscriptionId} AND s."customerId" = ${customerId}
       FOR UPDATE OF s`);
  if (!row) throw new NotFound('subscription');
  return row;
}

/** Assigns one of the subscription's licences to a tenant user; refused when all are assigned. */
export async function assignLicence(ctx: Ctx, raw: LicenceInput) {
  const input = parseInput(licenceInput, raw);
  const via = await assertTenantAccess(ctx, input.customerId, 'assignLicences');
  return db().$transaction(async (tx) => {
    const subscription = await lockSubscription(tx, input.customerId, input.subscriptionId);
    if (subscription.status === 'CANCELLED') throw new NotFound('subscription');
    const user = await tx.user.findFirst({
      where: { id: input.userId, customerId: input.customerId, removedAt: null, disabled: false },
      select: { id: true, name: true },
    });
    if (!user) throw new NotFound('user');
    const existing = await tx.licenceAssignment.findUnique({
      where: { subscriptionId_userId: { subscriptionId: subscription.id, userId: user.id } },
      select: { id: true },
    });
    if (existing) return { changed: false };
    const assigned = await tx.licenceAssignment.count({ where: { subscriptionId: subscription.id } });
    if (assigned >= subscription.quantity)
      throw new Refused('tenant.errors.noLicenceLeft', undefined, {
        offer: subscription.offerName,
        quantity: subscription.quantity,
      });
    await tx.licenceAssignment.create({
      data: { subscriptionId: subscription.id, userId: user.id, assignedById: ctx.userId },
    });
    await recordTenantChange(tx, ctx, via, input.customerId, {
      action: 'licence.assigned',
      targetType: 'subscription',
      targetId: subscription.id,
      detail: { offer: subscription.offerName, userId: user.id, user: user.name },
    });
    return { changed: true };
  });
}

/** Takes a licence back from a tenant user. */
export async function unassignLicence(ctx: Ctx, raw: LicenceInput) {
  const input = parseInput(licenceInput, raw);
  const via = await assertTenantAccess(ctx, input.customerId, 'assignLicences');
  return db().$transaction(async (tx) => {
    const subscription = await lockSubscription(tx, input.customerId, input.subscriptionId);
    const { count } = await tx.licenceAssignment.deleteMany({
      where: { subscriptionId: subscription.id, userId: input.userId, user: { customerId: input.customerId } },
    });
    if (count === 0) return { changed: false };
    await recordTenantChange(tx, ctx, via, input.customerId, {
      action: 'licence.unassigned',
      targetType: 'subscription',
      targetId: subscription.id,
      detail: { offer: subscription.offerName, userId: input.userId },
    });
    return { changed: true };
  });
}
