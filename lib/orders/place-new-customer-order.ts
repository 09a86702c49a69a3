import 'server-only';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { env } from '@/lib/env';
import type { Ctx } from '@/lib/authz/context';
import { assertAudience, assertCan } from '@/lib/authz/policy';
import type { AuditEntry } from '@/lib/audit/record-audit';
import { enqueueMail } from '@/lib/email/enqueue';
import { hashRandomSecret } from '@/lib/auth/password';
import { Invalid } from '@/lib/errors';
import { holdActivePartnership } from '@/lib/partnerships/assert-partnership';
import { checkLines, createOrder, findReplay, isUniqueViolation } from './create-order';
import { parseInput } from '@/lib/validation/parse-input';
import { resolveParties } from './resolve-parties';
import { generateTemporaryPassword } from './temporary-password';
import { newCustomerOrderInput, type NewCustomerOrderInput } from './schemas';
import { emitEvent } from '@/lib/webhooks/events';

export type PlacedOrder = {
  customerId: string;
  orderId: string;
  adminEmail: string;
  temporaryPassword: string | null;
  replayed: boolean;
};

async function replayOf(orgId: string, idempotencyKey: string): Promise<PlacedOrder | null> {
  const order = await findReplay(orgId, idempotencyKey);
  // R6: the password was shown to the first submission only.
  return (
    order && {
      customerId: order.customerId,
      orderId: order.id,
      adminEmail: `admin@${order.customer.tenantDomain}`,
      temporaryPassword: null,
      replayed: true,
    }
  );
}

/** A promise's outcome as a value, so one failure among reads made at once is looked at in its turn. */
async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

const legalNameOf = (id: string) =>
  db()
    .organization.findUniqueOrThrow({ where: { id }, select: { legalName: true } })
    .then((o) => o.legalName);

const domainTaken = () => new Invalid({ domainPrefix: ['orders.errors.domainTaken'] });

/**
 * F3 / R5: a new customer tenant, its CUSTOMER_ADMIN user (temporary password,
 * must change it), the order and its subscriptions, in one transaction.
 * The same review submitted again, one after the other or at once, returns
 * the first order without the password (R6).
 */
export async function placeNewCustomerOrder(
  ctx: Ctx,
  raw: NewCustomerOrderInput & { baseUrl?: string },
): Promise<PlacedOrder> {
  assertCan(ctx, 'orders.write');
  assertCan(ctx, 'customers.write');
  assertAudience(ctx, 'provider', 'reseller');
  const input = parseInput(newCustomerOrderInput, raw);
  const { providerId, reseller } = await resolveParties(ctx, input);
  const orgId = ctx.orgId!;
  // What the order needs to know first, read at once (each is one statement); a replay wins over the rest.
  // The temporary password is hashed (on libuv's threads) meanwhile. A domain prefix already taken is
  // refused by its unique index inside the transaction (below), as a concurrent order's would be.
  const temporaryPassword = generateTemporaryPassword();
  const [earlier, checked, providerName, passwordHash] = await Promise.all([
    replayOf(orgId, input.idempotencyKey),
    settle(checkLines(input.lines)),
    providerId === orgId ? ctx.orgName : legalNameOf(providerId),
    hashRandomSecret(temporaryPassword),
  ]);
  if (earlier) return earlier;
  if (!checked.ok) throw checked.error;
  const offers = checked.value;

  const tenantDomain = `${input.domainPrefix}.${env.TENANT_DOMAIN}`;
  const adminEmail = `admin@${tenantDomain}`;
  const now = clock.now();
  const { lines, idempotencyKey } = input;
  const details = {
    companyName: input.companyName,
    domainPrefix: input.domainPrefix,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2,
    city: input.city,
    region: input.region,
    postalCode: input.postalCode,
    country: input.country,
    contactFirstName: input.contactFirstName,
    contactLastName: input.contactLastName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    language: input.language,
  };
  try {
    return await db().$transaction(async (tx) => {
      // R1 again, holding the partnership until commit (a concurrent R10 must not leave this customer with an
      // ex-partner).
      if (reseller) await holdActivePartnership(tx, providerId, reseller.id);
      const customer = await tx.customer.create({
        data: { ...details, tenantDomain, providerId, managingResellerId: reseller?.id ?? null, createdAt: now },
        select: { id: true },
      });
      const admin = await tx.user.create({
        data: {
          email: adminEmail,
          name: `${details.companyName} Admin`,
          role: 'CUSTOMER_ADMIN',
          customerId: customer.id,
          passwordHash,
          mustChangePassword: true,
          locale: details.language,
        },
        select: { id: true },
      });
      const created: AuditEntry = {
        action: 'customer.created',
        targetType: 'customer',
        targetId: customer.id,
        orgIds: [providerId, reseller?.id],
        after: {
          companyName: details.companyName,
          tenantDomain,
          managingResellerMpnId: reseller?.mpnId ?? null,
          adminUserId: admin.id,
        },
      };
      await emitEvent(tx, {
        type: 'customer.created',
        subject: { kind: 'customer', id: customer.id },
        data: {
          customerId: customer.id,
          companyName: details.companyName,
          tenantDomain,
          providerId,
          managingResellerId: reseller?.id ?? null,
        },
      });
      const { orderId } = await createOrder(tx, ctx, {
        customerId: customer.id,
        providerId,
        reseller,
        idempotencyKey,
        lines,
        offers,
        now,
        audit: [created],
      });
      await enqueueMail(tx, {
        kind: 'customer-welcome',
        to: details.contactEmail,
        locale: details.language,
        values: {
          company: details.companyName,
          tenantDomain,
          adminEmail,
          provider: providerName,
          reseller: reseller?.legalName ?? '',
          url: raw.baseUrl ?? '',
        },
      });
      return { customerId: customer.id, orderId, adminEmail, temporaryPassword, replayed: false };
    });
  } catch (error) {
    // A concurrent submission of the same review won the race (the unique
    // indexes refused this one and it rolled back), or another order took the prefix.
    if (!isUniqueViolation(error)) throw error;
    const replay = await replayOf(orgId, idempotencyKey);
    if (replay) return replay;
    throw domainTaken();
  }
}
