// Adversarial input, case by case, on the domain functions behind the forms
// (no HTTP needed): odd licence counts, look-alike tenant domains, header
// injection in mail, forged extra fields, altered tokens, HTML in names,
// formulas in CSV cells. Each case: a clear message (a catalog key on the
// field) or an ignored field, and nothing changed. Token reuse, expiry,
// revocation and the wrong organisation are covered in
// tests/integration/partnership-accept and relationship-accept; sessions
// after sign-out, password change and disabling in tests/integration/sessions.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../../setup/per-file';
import { makeChannel, makeCtx, makeCustomer, makeDemoOffers, makeOrg, makeSubscription } from '../../factories';
import { snapshot } from './channel';
import { db } from '@/lib/db';
import { Conflict, Invalid, NotFound, Refused } from '@/lib/errors';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { isDomainPrefixAvailable } from '@/lib/orders/is-domain-available';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { updateCustomerDetails } from '@/lib/customers/update-customer-details';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';
import { sendPartnershipRequestInput } from '@/lib/partnerships/schemas';
import { respondToInvitation, viewInvitation } from '@/lib/partnerships/respond-to-invitation';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import { sendRelationshipRequestInput } from '@/lib/relationships/schemas';
import {
  respondToRelationshipRequest,
  viewRelationshipRequest,
} from '@/lib/relationships/respond-to-relationship-request';
import { updateProviderProfile } from '@/lib/organizations/update-provider-profile';
import { exportAuditEventsCsv } from '@/lib/reports/export-reports';

const baseUrl = 'http://portal.test';
const key = () => crypto.randomUUID();
beforeEach(resetDatabase);

async function scenario() {
  const channel = await makeChannel();
  const offers = await makeDemoOffers();
  const providerCtx = await makeCtx('ADMIN', { organizationId: channel.provider.id });
  const resellerCtx = await makeCtx('ADMIN', { organizationId: channel.resellerA.id });
  return { ...channel, offers, providerCtx, resellerCtx };
}

/** Expects a refusal whose field messages are catalog keys (the action translates them), and nothing written. */
async function refusedWithMessage(run: () => Promise<unknown>, field?: string) {
  const before = await snapshot();
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'refused').not.toBeNull();
  if (field) {
    expect(error).toBeInstanceOf(Invalid);
    const messages = (error as Invalid).fieldErrors[field];
    expect(messages, `a message on ${field}: ${JSON.stringify((error as Invalid).fieldErrors)}`).toBeTruthy();
    for (const m of messages!) expect(typeof m === 'string' ? m : m.key).toMatch(/^[a-zA-Z]+\.[a-zA-Z.]+$/);
  } else {
    expect(
      [Invalid, Refused, NotFound, Conflict].some((type) => error instanceof type),
      String(error),
    ).toBe(true);
  }
  expect(await snapshot()).toBe(before);
  return error;
}

const BAD_QUANTITIES: unknown[] = [0, -1, 2.5, 1e9, 'abc', '0', '-1', '2.5', '1e9', '', ' ', '0x10', 'Infinity', null];

describe('licence counts', () => {
  it.each(BAD_QUANTITIES.map((q) => [JSON.stringify(q), q]))(
    'Add subscriptions refuses %s with a message next to the offer',
    async (_label, quantity) => {
      const { providerCtx, customer, offers } = await scenario();
      await refusedWithMessage(
        () =>
          addSubscriptions(providerCtx, {
            customerId: customer.id,
            idempotencyKey: key(),
            lines: [{ offerId: offers.basic.id, quantity: quantity as number }],
          }),
        `lines.${offers.basic.id}`,
      );
    },
  );

  it.each([0, -1, 2.5, 1e9, 'abc', '1e9', 'Infinity', '0x10', '1e3'].map((q) => [JSON.stringify(q), q]))(
    'the subscription page refuses %s licences',
    async (_label, quantity) => {
      const { resellerCtx, customer, resellerA, offers } = await scenario();
      const sub = await makeSubscription(customer.id, resellerA.id, offers.basic.id);
      await refusedWithMessage(
        () =>
          changeSubscription(resellerCtx, {
            subscriptionId: sub.id,
            version: sub.version,
            quantity: quantity as number,
          }),
        'quantity',
      );
    },
  );
});

describe('tenant domain prefixes', () => {
  const LOOK_ALIKES = [
    ['Cyrillic о and с', 'соntoso'],
    ['punycode', 'xn--ntoso-3ve'],
    ['a zero-width space', 'contoso\u200b'],
    ['full-width letters', 'ｃｏｎｔｏｓｏ'],
    ['a dotless ı', 'contıso'],
    ['a dotted İ', 'İcontoso'],
    ['a dot', 'contoso.evil'],
    ['a NUL', 'contoso\u0000'],
    ['a leading digit', '1contoso'],
    ['too short', 'ab'],
    ['too long', 'a'.repeat(28)],
  ];

  it.each(LOOK_ALIKES)('%s is refused as you type and on Submit', async (_label, prefix) => {
    const { resellerCtx, providerCtx, offers, provider } = await scenario();
    expect(await isDomainPrefixAvailable(providerCtx, prefix)).toMatchObject({
      available: false,
      reason: 'orders.errors.domainPrefix',
    });
    await refusedWithMessage(
      () =>
        placeNewCustomerOrder(resellerCtx, {
          companyName: 'Look Alike',
          domainPrefix: prefix,
          addressLine1: '1 Main St',
          city: 'Seattle',
          postalCode: '98101',
          country: 'US',
          contactFirstName: 'Pat',
          contactLastName: 'Doe',
          contactEmail: 'pat@test.example',
          language: 'en',
          lines: [{ offerId: offers.basic.id, quantity: 1 }],
          idempotencyKey: key(),
          providerId: provider.id,
          baseUrl,
        }),
      'domainPrefix',
    );
  });

  it('upper case is the same prefix (stored lower-cased), so it cannot open a second tenant next to the first', async () => {
    const { providerCtx, provider } = await scenario();
    const existing = await makeCustomer(provider.id);
    expect(await isDomainPrefixAvailable(providerCtx, existing.domainPrefix.toUpperCase())).toMatchObject({
      available: false,
      reason: 'orders.errors.domainTaken',
    });
  });
});

describe('mail header injection (CR/LF in subjects and addresses)', () => {
  const SUBJECTS = [
    'Hello\r\nBcc: victim@evil.example',
    'Hello\nBcc: victim@evil.example',
    'Hello\rX-Header: 1',
    'Hello\u0000',
  ];
  const ADDRESSES = [
    'reseller@example.com\r\nBcc: victim@evil.example',
    'reseller@example.com\nbcc:victim@evil.example',
    'a@b.example, victim@evil.example',
    '<victim@evil.example>',
  ];

  it.each(SUBJECTS)('partnership request Send refuses the subject %j', async (subject) => {
    const { providerCtx } = await scenario();
    const draft = await startPartnershipRequest(providerCtx, { baseUrl });
    const raw = { invitationId: draft.invitationId, resellerEmail: 'reseller@example.com', subject, body: draft.body };
    expect(sendPartnershipRequestInput.safeParse(raw).success).toBe(false);
    await refusedWithMessage(() => sendPartnershipRequest(providerCtx, raw));
  });

  it.each(ADDRESSES)('partnership request Send refuses the address %j', async (resellerEmail) => {
    const { providerCtx } = await scenario();
    const draft = await startPartnershipRequest(providerCtx, { baseUrl });
    const raw = { invitationId: draft.invitationId, resellerEmail, subject: draft.subject, body: draft.body };
    expect(sendPartnershipRequestInput.safeParse(raw).success).toBe(false);
    await refusedWithMessage(() => sendPartnershipRequest(providerCtx, raw));
  });

  it.each([...SUBJECTS.map((s) => ['subject', s]), ...ADDRESSES.map((a) => ['recipientEmail', a])])(
    'relationship request Send refuses the %s %j',
    async (field, value) => {
      const { providerCtx, customer, resellerB } = await scenario();
      const draft = await startRelationshipRequest(
        providerCtx,
        { customerId: customer.id, resellerId: resellerB.id },
        { baseUrl },
      );
      const raw = {
        requestId: draft.requestId,
        recipientEmail: 'admin@customer.example',
        subject: draft.subject,
        body: draft.body,
        [field]: value,
      };
      expect(sendRelationshipRequestInput.safeParse(raw).success).toBe(false);
      await refusedWithMessage(() => sendRelationshipRequest(providerCtx, raw));
    },
  );

  it('mail is plain text only: HTML typed into a message is never sent as HTML', async () => {
    const { providerCtx } = await scenario();
    const draft = await startPartnershipRequest(providerCtx, { baseUrl });
    await sendPartnershipRequest(providerCtx, {
      invitationId: draft.invitationId,
      resellerEmail: 'reseller@example.com',
      subject: '<b>Hi</b>',
      body: `<script>alert(1)</script>\n${draft.body}`,
    });
    const mail = await db().outboxMessage.findFirstOrThrow({ where: { to: 'reseller@example.com' } });
    expect(mail.html).toBeNull();
    expect(mail.subject).toBe('<b>Hi</b>');
  });
});

describe('forged extra fields in form posts', () => {
  it('Edit customer ignores providerId, managingResellerId, tenantDomain, domainPrefix and resellerDelegatedAdmin', async () => {
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
  });

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

/** The same token with one character changed (a different character of the same alphabet). */
function alter(token: string, at: number): string {
  const c = token[at]!;
  return token.slice(0, at) + (c === 'A' ? 'B' : 'A') + token.slice(at + 1);
}

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
