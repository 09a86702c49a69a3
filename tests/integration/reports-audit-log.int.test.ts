import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeChannel, makeCtx, makeOrg } from '../factories';
import { event } from './reports-audit-log-helpers';
import { db } from '@/lib/db';
import { findAuditEvents } from '@/lib/reports/find-audit-events';
import { AUDIT_PAGE_SIZE } from '@/lib/reports/schemas';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import { removePartnership } from '@/lib/partnerships/remove-partnership';
import { makeCreditedSubscription } from '../factories/reports';
import { makeDemoOffers } from '../factories';

// Who may read it, the CSV export and the change summaries: reports-audit-log-export.int.test.ts.
beforeEach(resetDatabase);

describe('audit log', () => {
  it("shows the events of the user's organisation, newest first, with actor name and organisation; vendor staff see all", async () => {
    const { provider, resellerA, resellerB, customer } = await makeChannel();
    const other = await makeOrg('INDIRECT_PROVIDER');
    const providerCtx = await makeCtx('ADMIN', { organizationId: provider.id });
    // A real change: the managing reseller and the provider both see it.
    await updateCustomerDetails(providerCtx, {
      customerId: customer.id,
      version: customer.updatedAt.toISOString(),
      companyName: customer.companyName,
      addressLine1: customer.addressLine1,
      addressLine2: '',
      city: 'Kyoto',
      region: '',
      postalCode: customer.postalCode,
      country: customer.country,
      contactFirstName: customer.contactFirstName,
      contactLastName: customer.contactLastName,
      contactEmail: customer.contactEmail,
      contactPhone: '',
      language: 'en',
    });
    await event({
      action: 'subscription.support_contact_changed',
      orgIds: [provider.id, resellerB.id],
      at: '2026-10-02T10:00:00Z',
    });
    await event({ action: 'partnership.removed', orgIds: [other.id], at: '2026-10-03T10:00:00Z' });

    const mine = await findAuditEvents(providerCtx, {});
    expect(mine.rows.map((r) => r.action)).toEqual(['customer.updated', 'subscription.support_contact_changed']);
    expect(mine.rows[0]).toMatchObject({
      actorName: 'User ADMIN',
      actorOrg: provider.legalName,
      targetType: 'customer',
      targetId: customer.id,
      outcome: 'OK',
      change: 'city: Seattle → Kyoto',
    });
    expect(
      (await findAuditEvents(await makeCtx('ADMIN', { organizationId: resellerA.id }), {})).rows.map((r) => r.action),
    ).toEqual(['customer.updated']);
    expect(
      (await findAuditEvents(await makeCtx('ADMIN_AGENT', { organizationId: resellerB.id }), {})).rows.map(
        (r) => r.action,
      ),
    ).toEqual(['subscription.support_contact_changed']);
    expect(
      (await findAuditEvents(await makeCtx('ADMIN', { organizationId: other.id }), {})).rows.map((r) => r.action),
    ).toEqual(['partnership.removed']);
    const vendor = await makeOrg('VENDOR');
    expect((await findAuditEvents(await makeCtx('VENDOR_ADMIN', { organizationId: vendor.id }), {})).rows).toHaveLength(
      3,
    );
  });

  it('filters by actor, action, target and date range', async () => {
    const { provider } = await makeChannel();
    const alice = await db().user.create({
      data: {
        email: 'alice@filter.example',
        name: 'Alice Auditor',
        role: 'ADMIN',
        organizationId: provider.id,
        passwordHash: 'x',
      },
    });
    const bob = await db().user.create({
      data: { email: 'bob@filter.example', name: 'Bob', role: 'ADMIN', organizationId: provider.id, passwordHash: 'x' },
    });
    await event({
      action: 'subscription.quantity_changed',
      orgIds: [provider.id],
      at: '2026-10-01T23:59:00Z',
      actorUserId: alice.id,
      actorOrgId: provider.id,
      targetId: 'sub-A',
    });
    await event({
      action: 'subscription.cancelled',
      orgIds: [provider.id],
      at: '2026-10-02T00:00:00Z',
      actorUserId: bob.id,
      actorOrgId: provider.id,
      targetId: 'sub-B',
    });
    await event({
      action: 'customer.updated',
      orgIds: [provider.id],
      at: '2026-10-05T12:00:00Z',
      actorUserId: alice.id,
      actorOrgId: provider.id,
      targetType: 'customer',
      targetId: 'cus-1',
    });
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    const ids = async (input: Parameters<typeof findAuditEvents>[1]) =>
      (await findAuditEvents(ctx, input)).rows.map((r) => r.action);
    expect(await ids({ actor: 'alice' })).toEqual(['customer.updated', 'subscription.quantity_changed']);
    expect(await ids({ actor: 'BOB@filter' })).toEqual(['subscription.cancelled']);
    expect(await ids({ actor: '%' })).toEqual([]);
    expect(await ids({ action: 'subscription.cancelled' })).toEqual(['subscription.cancelled']);
    expect(await ids({ targetType: 'customer' })).toEqual(['customer.updated']);
    expect(await ids({ targetId: 'sub-A' })).toEqual(['subscription.quantity_changed']);
    expect(await ids({ from: '2026-10-02', to: '2026-10-02' })).toEqual(['subscription.cancelled']);
    expect(await ids({ to: '2026-10-01' })).toEqual(['subscription.quantity_changed']);
    expect(await ids({ from: '2026-10-03' })).toEqual(['customer.updated']);
    // Nonsense filters are ignored, not errors.
    expect(await ids({ from: 'yesterday', action: "x' OR 1=1" })).toHaveLength(3);
  });

  it('pages newest first with a keyset cursor on (occurredAt, id), events at the same instant included', async () => {
    const { provider } = await makeChannel();
    const total = AUDIT_PAGE_SIZE + 7;
    await db().auditEvent.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        action: 'offer.updated',
        targetType: 'offer',
        orgIds: [provider.id],
        occurredAt: new Date(Date.UTC(2026, 9, 1, 0, Math.floor(i / 3))),
      })),
    });
    const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
    const first = await findAuditEvents(ctx, {});
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    const second = await findAuditEvents(ctx, { after: first.nextCursor! });
    expect(second.rows).toHaveLength(7);
    expect(second.nextCursor).toBeNull();
    const all = [...first.rows, ...second.rows];
    expect(new Set(all.map((r) => r.id)).size).toBe(total);
    const times = all.map((r) => r.occurredAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it("R10: removing a partnership leaves an event on each customer and subscription it changed, in both organisations' logs", async () => {
    const { provider, resellerA, customer } = await makeChannel();
    const { basic } = await makeDemoOffers();
    const sub = await makeCreditedSubscription(customer.id, resellerA.id, basic, resellerA.id, 5);
    const partnership = await db().partnership.findFirstOrThrow({
      where: { providerId: provider.id, resellerId: resellerA.id },
    });
    await removePartnership(await makeCtx('ADMIN', { organizationId: provider.id }), { partnershipId: partnership.id });
    const vendor = await makeCtx('VENDOR_ADMIN', { organizationId: (await makeOrg('VENDOR')).id });
    const onSubscription = await findAuditEvents(vendor, { targetId: sub.id });
    expect(onSubscription.rows.map((r) => r.action).sort()).toEqual([
      'subscription.reseller_changed',
      'subscription.support_contact_changed',
    ]);
    expect(onSubscription.rows.find((r) => r.action === 'subscription.support_contact_changed')!.change).toBe(
      `supportContact: ${resellerA.legalName} → ${provider.legalName}`,
    );
    const onCustomer = await findAuditEvents(vendor, { targetId: customer.id });
    expect(onCustomer.rows.map((r) => r.action)).toEqual(['customer.updated']);
    for (const r of [...onSubscription.rows, ...onCustomer.rows]) {
      const stored = await db().auditEvent.findUniqueOrThrow({ where: { id: r.id } });
      expect(stored.orgIds.sort()).toEqual([provider.id, resellerA.id].sort());
    }
    // The reseller, no longer partnered, still reads its own audit log.
    expect(
      (
        await findAuditEvents(await makeCtx('ADMIN', { organizationId: resellerA.id }), {
          action: 'partnership.removed',
        })
      ).rows,
    ).toHaveLength(1);
  });
});
