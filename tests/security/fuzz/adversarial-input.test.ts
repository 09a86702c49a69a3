// Adversarial input, case by case, on the domain functions behind the forms
// (no HTTP needed): odd licence counts, look-alike tenant domains, header
// injection in mail. Each case: a clear message (a catalog key on the field)
// or an ignored field, and nothing changed. Forged extra fields, altered
// tokens, formulas in CSV cells and HTML in names: adversarial-forged.test.ts.
// Token reuse, expiry, revocation and the wrong organisation are covered in
// tests/integration/partnership-accept and relationship-accept; sessions
// after sign-out, password change and disabling in tests/integration/sessions.
import { beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '../../setup/per-file';
import { makeCustomer, makeSubscription } from '../../factories';
import { baseUrl, key, refusedWithMessage, scenario } from './adversarial';
import { addSubscriptions } from '@/lib/orders/add-subscriptions';
import { placeNewCustomerOrder } from '@/lib/orders/place-new-customer-order';
import { isDomainPrefixAvailable } from '@/lib/orders/is-domain-available';
import { changeSubscription } from '@/lib/subscriptions/change-subscription';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';
import { sendPartnershipRequestInput } from '@/lib/partnerships/schemas';
import { startRelationshipRequest } from '@/lib/relationships/start-relationship-request';
import { sendRelationshipRequest } from '@/lib/relationships/send-relationship-request';
import { sendRelationshipRequestInput } from '@/lib/relationships/schemas';
import { db } from '@/lib/db';

beforeEach(resetDatabase);

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

  it(
    'upper case is the same prefix (stored lower-cased), ' + 'so it cannot open a second tenant next to the first',
    async () => {
      const { providerCtx, provider } = await scenario();
      const existing = await makeCustomer(provider.id);
      expect(await isDomainPrefixAvailable(providerCtx, existing.domainPrefix.toUpperCase())).toMatchObject({
        available: false,
        reason: 'orders.errors.domainTaken',
      });
    },
  );
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
