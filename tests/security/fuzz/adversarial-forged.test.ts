// Adversarial input, case by case, on the domain functions behind the forms
// (no HTTP needed): forged extra fields, tokens altered by one character,
// formulas in CSV cells, HTML in names. Each case: a clear refusal or an
// ignored field, and nothing changed. Licence counts, tenant domains and mail
// headers: adversarial-input.test.ts.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../../setup/per-file';
import { makeCtx, makeCustomer, makeOrg, makeSubscription } from '../../factories';
import { alter, baseUrl, key, refusedWithMessage, scenario } from './adversarial';
import { db } from '@/lib/db';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { respondToInvitation, viewInvitation } from '@/lib/partnerships/respond-to-invitation';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import {
  respondToRelationshipRequest,
  viewRelationshipRequest,
} from '@/lib/relationships/respond-to-relationship-request';
import { updateProviderProfile } from '@/lib/organizations/update-provider-profile';
import { exportAuditEventsCsv } from '@/lib/reports/export-reports';

beforeEach(resetDatabase);

describe('forged extra fields in form posts', () => {
  it(
    'Edit customer ignores providerId, managingResellerId, tenantDomain, ' + 'domainPrefix and resellerDelegatedAdmin',
    async () => {
      const { providerCtx, customer, resellerB } = await scenario();
      const other = await makeOrg('INDIRECT_PROVIDER');
      const c = await db().customer.findUniqueOrThrow({ where: { id: customer.id } });
      await updateCustomerDetails(providerCtx, {
        customerId: c.id,
        version: c.updatedAt.toISOString(),
        companyName: c.companyName,
        addressLine1: c.addressLine1,
        city: 'Kyoto',
        postalCode: c.postalCode,
        country: c.country,
        contactFirstName: c.contactFirstName,
        contactLastName: c.contactLastName,
        contactEmail: c.contactEmail,
        language: 'en',
        ...({
          providerId: other.id,
          managingResellerId: resellerB.id,
          tenantDomain: 'evil.onmicrosoft.example',
          domainPrefix: 'evil',
          resellerDelegatedAdmin: 'false',
        } as object),
      });
      const after = await db().customer.findUniqueOrThrow({ where: { id: c.id } });
      expect(after).toMatchObject({
        city: 'Kyoto',
        providerId: c.providerId,
        managingResellerId: c.managingResellerId,
        tenantDomain: c.tenantDomain,
        domainPrefix: c.domainPrefix,
        resellerDelegatedAdmin: c.resellerDelegatedAdmin,
      });
    },
  );

  it("Add subscriptions ignores unitPrice and role; the price is the offer's", async () => {
    const { providerCtx, customer, offers } = await scenario();
    const added = await addSubscriptions(providerCtx, {
      customerId: customer.id,
      idempotencyKey: key(),
      lines: [{ offerId: offers.basic.id, quantity: 2, ...({ unitPrice: '0.01', unitPriceMinor: 1 } as object) }],
      ...({ role: 'VENDOR_ADMIN' } as object),
    });
    const period = await db().subscriptionResellerAssociation.findFirstOrThrow({
      where: { subscriptionId: added.subscriptionIds[0] },
    });
    expect(period.unitPriceMinor).toBe(offers.basic.unitPriceMinor);
  });

  it('Add subscriptions as a reseller crediting another reseller is refused (R4)', async () => {
    const { resellerCtx, customer, offers, resellerB } = await scenario();
    await refusedWithMessage(() =>
      addSubscriptions(resellerCtx, {
        customerId: customer.id,
        idempotencyKey: key(),
        resellerId: resellerB.id,
        lines: [{ offerId: offers.basic.id, quantity: 1 }],
      }),
    );
  });

  it('the subscription page ignores customerId, unitPrice and status', async () => {
    const { resellerCtx, customer, resellerA, offers } = await scenario();
    const other = await makeCustomer(customer.providerId);
    const sub = await makeSubscription(customer.id, resellerA.id, offers.basic.id);
    await changeSubscription(resellerCtx, {
      subscriptionId: sub.id,
      version: sub.version,
      quantity: 6,
      ...({ customerId: other.id, unitPrice: '0', status: 'CANCELLED' } as object),
    });
    expect(await db().subscription.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({
      customerId: customer.id,
      status: 'ACTIVE',
      quantity: 6,
    });
  });

  it("a provider profile names its organisation: another provider's orgId is not found", async () => {
    const { providerCtx } = await scenario();
    const other = await makeOrg('INDIRECT_PROVIDER');
    await refusedWithMessage(() =>
      updateProviderProfile(providerCtx, {
        orgId: other.id,
        description: 'Hijacked',
        regionsServed: [],
        contactEmail: null,
        contactPhone: null,
        website: null,
        version: null,
      }),
    );
  });

  it('a stale version (optimistic lock) is refused and nothing changes', async () => {
    const { resellerCtx, customer, resellerA, offers } = await scenario();
    const sub = await makeSubscription(customer.id, resellerA.id, offers.basic.id);
    await refusedWithMessage(() =>
      changeSubscription(resellerCtx, { subscriptionId: sub.id, version: sub.version + 1, quantity: 7 }),
    );
  });
});

describe('tokens altered by one character', () => {
  it.each([0, 10, -1])('a partnership link altered at %i is invalid and accepts nothing', async (at) => {
    const { providerCtx } = await scenario();
    const resellerCtx = await makeCtx('ADMIN', { organizationId: (await makeOrg('INDIRECT_RESELLER')).id });
    const draft = await startPartnershipRequest(providerCtx, { baseUrl });
    const token = draft.link.split('/').pop()!;
    const altered = alter(token, at < 0 ? token.length - 1 : at);
    expect((await viewInvitation(resellerCtx, altered)).status).toBe('invalid');
    await refusedWithMessage(() =>
      respondToInvitation(resellerCtx, { token: altered, decision: 'accept', agree: 'on', baseUrl }),
    );
  });

  it.each([0, 10, -1])('a relationship link altered at %i is invalid and accepts nothing', async (at) => {
    const { providerCtx, customer, resellerB } = await scenario();
    const adminCtx = await makeCtx('CUSTOMER_ADMIN', { customerId: customer.id });
    const draft = await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerB.id },
      { baseUrl },
    );
    const token = draft.link.split('/').pop()!;
    const altered = alter(token, at < 0 ? token.length - 1 : at);
    expect((await viewRelationshipRequest(adminCtx, altered)).status).toBe('invalid');
    await refusedWithMessage(() => respondToRelationshipRequest(adminCtx, { token: altered, decision: 'accept' }));
  });
});

describe('CSV exports', () => {
  it.each(['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'])(
    'a company name %j starts with an apostrophe in the audit CSV',
    async (name) => {
      const { providerCtx, customer } = await scenario();
      const c = await db().customer.findUniqueOrThrow({ where: { id: customer.id } });
      await updateCustomerDetails(providerCtx, {
        customerId: c.id,
        version: c.updatedAt.toISOString(),
        companyName: `${name}`,
        addressLine1: c.addressLine1,
        city: c.city,
        postalCode: c.postalCode,
        country: c.country,
        contactFirstName: name,
        contactLastName: c.contactLastName,
        contactEmail: c.contactEmail,
        language: 'en',
      });
      const { body } = await exportAuditEventsCsv(
        providerCtx,
        {},
        ['When', 'Who', 'Organisation', 'Action', 'Target', 'Change'],
        (a) => a,
      );
      const cells = body
        .replace(/^\uFEFF/, '')
        .split(/,|\r\n/)
        .map((cell) => cell.replace(/^"|"$/g, ''));
      for (const cell of cells) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(/^[=+\-@\t\r]/);
    },
  );
});

describe('HTML in names is text everywhere', () => {
  it('no page or component writes raw HTML (React escapes every name, message and invitation text)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const files = ['app', 'components'].flatMap((dir) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => /\.tsx?$/.test(f))
        .map((f) => `${dir}/${f}`),
    );
    expect(files.length).toBeGreaterThan(40);
    const raw = files.filter((f) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(readFileSync(f, 'utf8')),
    );
    expect(raw).toEqual([]);
  });

  it('every mail is plain text: a company name with HTML is sent as typed, with no HTML part', async () => {
    const { providerCtx, customer, resellerB } = await scenario();
    await db().organization.update({
      where: { id: resellerB.id },
      data: { legalName: '<img src=x onerror=alert(1)> Reseller' },
    });
    const draft = await startRelationshipRequest(
      providerCtx,
      { customerId: customer.id, resellerId: resellerB.id },
      { baseUrl },
    );
    await sendRelationshipRequest(providerCtx, {
      requestId: draft.requestId,
      recipientEmail: 'admin@customer.example',
      subject: draft.subject,
      body: draft.body,
    });
    const mails = await db().outboxMessage.findMany();
    expect(mails.length).toBeGreaterThan(0);
    for (const mail of mails) expect(mail.html).toBeNull();
  });
});
