import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeDemoOffers, makeOrg, makePartnership } from '../factories';
import { db } from '@/lib/db';
import { verifyPassword } from '@/lib/auth/password';
import { Invalid, Refused } from '@/lib/errors';
import type { Ctx } from '@/lib/authz/context';
import { findPurchasableOffers } from '@/lib/offers/find-purchasable-offers';
import { isDomainPrefixAvailable } from '@/lib/orders/is-domain-available';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import type { NewCustomerOrderInput } from '@/lib/orders/schemas';

beforeEach(resetDatabase);

async function scenario() {
  const provider = await makeOrg('INDIRECT_PROVIDER', { legalName: 'Northwind' });
  const reseller = await makeOrg('INDIRECT_RESELLER', { legalName: 'Tailspin' });
  const stranger = await makeOrg('INDIRECT_RESELLER');
  await makePartnership(provider.id, reseller.id);
  const offers = await makeDemoOffers();
  const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
  const resellerCtx = await makeCtx('SALES_AGENT', { organizationId: reseller.id });
  return { provider, reseller, stranger, offers, providerCtx, resellerCtx };
}

function review(overrides: Partial<NewCustomerOrderInput> = {}): NewCustomerOrderInput {
  return {
    companyName: 'Contoso Pharma',
    domainPrefix: 'contosopharma',
    addressLine1: '1 Main St',
    city: 'Seattle',
    region: 'WA',
    postalCode: '98101',
    country: 'US',
    contactFirstName: 'Pat',
    contactLastName: 'Doe',
    contactEmail: 'pat@contoso.example',
    language: 'en',
    idempotencyKey: crypto.randomUUID(),
    lines: [],
    ...overrides,
  };
}

async function counts() {
  const [customers, users, orders, subscriptions, mails] = await Promise.all([
    db().customer.count(),
    db().user.count({ where: { customerId: { not: null } } }),
    db().order.count(),
    db().subscription.count(),
    db().outboxMessage.count(),
  ]);
  return { customers, users, orders, subscriptions, mails };
}
const NOTHING = { customers: 0, users: 0, orders: 0, subscriptions: 0, mails: 0 };

describe('F3 / R5 placing a new customer’s order', () => {
  it('creates the customer, its admin (temporary password, must change it), the order and subscriptions in one go', async () => {
    const { providerCtx, provider, reseller, offers } = await scenario();
    expect((await findPurchasableOffers(providerCtx)).map((o) => o.name)).toEqual([
      'Azure plan',
      'Microsoft 365 Business Basic',
      'Microsoft 365 Business Standard',
    ]);
    const lines = [
      { offerId: offers.basic.id, quantity: 5 },
      { offerId: offers.azure.id, quantity: 1 },
    ];
    const placed = await placeNewCustomerOrder(providerCtx, review({ resellerId: reseller.id, lines }));

    expect(placed).toMatchObject({ adminEmail: 'admin@contosopharma.onmicrosoft.example', replayed: false });
    expect(await counts()).toEqual({ customers: 1, users: 1, orders: 1, subscriptions: 2, mails: 1 });
    const customer = await db().customer.findUniqueOrThrow({ where: { id: placed.customerId } });
    expect(customer).toMatchObject({
      providerId: provider.id,
      managingResellerId: reseller.id,
      tenantDomain: 'contosopharma.onmicrosoft.example',
    });

    const admin = await db().user.findUniqueOrThrow({
      where: { email: placed.adminEmail },
      omit: { passwordHash: false },
    });
    expect(admin).toMatchObject({ role: 'CUSTOMER_ADMIN', customerId: customer.id, mustChangePassword: true });
    expect(placed.temporaryPassword).toMatch(/^.{16,}$/);
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(admin.passwordHash, placed.temporaryPassword!)).toBe(true);

    const order = await db().order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { lines: true } });
    expect(order).toMatchObject({
      customerId: customer.id,
      placedByUserId: providerCtx.userId,
      placedByOrgId: provider.id,
      state: 'COMPLETED',
    });
    expect(order.lines.map((l) => l.resellerMpnId)).toEqual([reseller.mpnId, reseller.mpnId]);

    const subs = await db().subscription.findMany({
      where: { customerId: customer.id },
      include: { resellerAssociations: true },
    });
    for (const sub of subs) {
      expect(sub).toMatchObject({
        status: 'ACTIVE',
        resellerId: reseller.id,
        supportContactOrgId: provider.id,
        orderId: order.id,
      });
      expect(sub.termStartedAt).toEqual(sub.purchasedAt);
      expect(sub.resellerAssociations).toMatchObject([{ resellerId: reseller.id, endedAt: null }]);
    }
    const basicSub = subs.find((s) => s.offerId === offers.basic.id)!;
    expect(basicSub.quantity).toBe(5);
    expect(basicSub.renewsAt!.getTime()).toBeGreaterThan(basicSub.purchasedAt.getTime() + 27 * 86_400_000);
    expect(subs.find((s) => s.offerId === offers.azure.id)!.renewsAt).toBeNull();

    const actions = (await db().auditEvent.findMany({ orderBy: { action: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['customer.created', 'order.placed', 'subscription.created', 'subscription.created']);
    const mail = await db().outboxMessage.findFirstOrThrow();
    expect(mail).toMatchObject({ kind: 'customer-welcome', to: 'pat@contoso.example' });
    expect(mail.text).toContain(placed.adminEmail);
    expect(mail.text + mail.subject).not.toContain(placed.temporaryPassword!);
  });

  it('R5: two concurrent submissions of one review create one customer and one order; only one sees the password', async () => {
    const { providerCtx, offers } = await scenario();
    const input = review({ lines: [{ offerId: offers.basic.id, quantity: 5 }] });
    const results = await Promise.all([
      placeNewCustomerOrder(providerCtx, input),
      placeNewCustomerOrder(providerCtx, input),
    ]);
    expect(await counts()).toEqual({ customers: 1, users: 1, orders: 1, subscriptions: 1, mails: 1 });
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(results.filter((r) => r.temporaryPassword !== null)).toHaveLength(1);
    expect(results.filter((r) => r.replayed)).toHaveLength(1);
  });

  it('R5/R6: submitting the review again returns the first order without the password', async () => {
    const { resellerCtx, provider, reseller, offers } = await scenario();
    const input = review({ providerId: provider.id, lines: [{ offerId: offers.basic.id, quantity: 5 }] });
    const first = await placeNewCustomerOrder(resellerCtx, input);
    const again = await placeNewCustomerOrder(resellerCtx, input);
    expect(again).toEqual({ ...first, temporaryPassword: null, replayed: true });
    expect(await counts()).toMatchObject({ customers: 1, orders: 1, subscriptions: 1 });
    expect((await db().customer.findFirstOrThrow()).managingResellerId).toBe(reseller.id);
  });

  it('R7: refuses 0, -1, 2.5 and 301 Business Basic licences, 2 Azure plans and a retired offer, storing nothing', async () => {
    const { providerCtx, offers } = await scenario();
    const cases: [string, number, string][] = [
      [offers.basic.id, 0, 'orders.errors.quantityWhole'],
      [offers.basic.id, -1, 'orders.errors.quantityWhole'],
      [offers.basic.id, 2.5, 'orders.errors.quantityWhole'],
      [offers.basic.id, 301, 'orders.errors.quantityRange'],
      [offers.azure.id, 2, 'orders.errors.azurePlanQuantity'],
      [offers.retired.id, 1, 'orders.errors.offerInactive'],
    ];
    for (const [offerId, quantity, key] of cases) {
      const error = await placeNewCustomerOrder(providerCtx, review({ lines: [{ offerId, quantity }] })).catch(
        (e: unknown) => e,
      );
      expect(error, `${quantity}`).toBeInstanceOf(Invalid);
      expect((error as Invalid).fieldErrors).toEqual({ [`lines.${offerId}`]: [key] });
    }
    expect(await counts()).toEqual(NOTHING);
  });

  it('refuses a taken domain prefix before submit and at submit', async () => {
    const { providerCtx, resellerCtx, offers } = await scenario();
    expect(await isDomainPrefixAvailable(resellerCtx, 'ContosoPharma')).toEqual({
      available: true,
      tenantDomain: 'contosopharma.onmicrosoft.example',
    });
    expect(await isDomainPrefixAvailable(providerCtx, '9lives')).toMatchObject({
      available: false,
      reason: 'orders.errors.domainPrefix',
    });
    await placeNewCustomerOrder(providerCtx, review({ lines: [{ offerId: offers.basic.id, quantity: 1 }] }));
    expect(await isDomainPrefixAvailable(providerCtx, 'contosopharma')).toMatchObject({
      available: false,
      reason: 'orders.errors.domainTaken',
    });
    const before = await counts();
    const error = await placeNewCustomerOrder(
      providerCtx,
      review({ lines: [{ offerId: offers.basic.id, quantity: 1 }] }),
    ).catch((e: unknown) => e);
    expect((error as Invalid).fieldErrors).toEqual({ domainPrefix: ['orders.errors.domainTaken'] });
    expect(await counts()).toEqual(before);
  });

  it('R5: a failure half-way leaves nothing behind', async () => {
    const { provider, providerCtx, offers } = await scenario();
    // The admin account's address is already someone's: the customer row is
    // written first, then the user insert fails and everything rolls back.
    await db().user.create({
      data: {
        email: 'admin@contosopharma.onmicrosoft.example',
        name: 'Squatter',
        role: 'ADMIN',
        organizationId: provider.id,
        passwordHash: 'x',
      },
    });
    const error = await placeNewCustomerOrder(
      providerCtx,
      review({ lines: [{ offerId: offers.basic.id, quantity: 1 }] }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Invalid);
    expect(await counts()).toEqual(NOTHING);
    expect(await db().auditEvent.count()).toBe(0);
  });

  it('R3/R4/R1: a non-partnered reseller, a reseller for another, a helpdesk agent and a customer user are refused', async () => {
    const { provider, reseller, stranger, offers, providerCtx, resellerCtx } = await scenario();
    const lines = [{ offerId: offers.basic.id, quantity: 1 }];
    const strangerCtx = await makeCtx('ADMIN', { organizationId: stranger.id });
    await expect(placeNewCustomerOrder(strangerCtx, review({ providerId: provider.id, lines }))).rejects.toMatchObject({
      rule: 'R1',
    });
    await expect(placeNewCustomerOrder(providerCtx, review({ resellerId: stranger.id, lines }))).rejects.toMatchObject({
      rule: 'R1',
    });
    await expect(
      placeNewCustomerOrder(resellerCtx, review({ providerId: provider.id, resellerId: stranger.id, lines })),
    ).rejects.toMatchObject({ rule: 'R4' });
    await expect(placeNewCustomerOrder(resellerCtx, review({ lines }))).rejects.toMatchObject({
      fieldErrors: { providerId: ['orders.errors.providerRequired'] },
    });
    const helpdesk = await makeCtx('HELPDESK_AGENT', { organizationId: provider.id });
    await expect(placeNewCustomerOrder(helpdesk, review({ lines }))).rejects.toBeInstanceOf(Refused);
    await expect(isDomainPrefixAvailable(helpdesk, 'contoso')).rejects.toBeInstanceOf(Refused);
    const placed = await placeNewCustomerOrder(providerCtx, review({ resellerId: reseller.id, lines }));
    const customerCtx: Ctx = await makeCtx('CUSTOMER_ADMIN', { customerId: placed.customerId });
    await expect(placeNewCustomerOrder(customerCtx, review({ domainPrefix: 'other', lines }))).rejects.toBeInstanceOf(
      Refused,
    );
    expect(await counts()).toMatchObject({ customers: 1, orders: 1 });
  });
});
