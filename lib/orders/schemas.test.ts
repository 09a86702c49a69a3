import { describe, expect, it } from 'vitest';
import { customerDetailsInput } from '@/lib/customers/schemas';
import { addSubscriptionsInput, quantitySchema } from './schemas';

const details = {
  companyName: 'Contoso',
  domainPrefix: ' Contoso1 ',
  addressLine1: '1 Main St',
  addressLine2: '',
  city: 'Seattle',
  region: '',
  postalCode: '98101',
  country: 'us',
  contactFirstName: 'Pat',
  contactLastName: 'Doe',
  contactEmail: 'Pat@Contoso.example',
  contactPhone: '',
  language: 'en',
};

describe('order inputs', () => {
  it('coerces licences from form text but refuses 2.5, 0, -1 and non-numbers', () => {
    expect(quantitySchema.parse('5')).toBe(5);
    for (const bad of ['2.5', 2.5, '0', 0, '-1', -1, 'abc', '', null]) {
      expect(quantitySchema.safeParse(bad).error?.issues[0]?.message, String(bad)).toBe('orders.errors.quantityWhole');
    }
  });

  it('normalises the customer details and drops empty optional fields', () => {
    expect(customerDetailsInput.parse(details)).toMatchObject({
      domainPrefix: 'contoso1',
      country: 'US',
      contactEmail: 'pat@contoso.example',
      addressLine2: undefined,
      region: undefined,
      contactPhone: undefined,
    });
  });

  it.each(['ab', '1contoso', 'con-toso', 'a'.repeat(28)])('refuses the domain prefix %s', (domainPrefix) => {
    expect(customerDetailsInput.safeParse({ ...details, domainPrefix }).error?.issues[0]?.message).toBe(
      'orders.errors.domainPrefix',
    );
  });

  it('refuses an unknown country and language', () => {
    const issues = customerDetailsInput
      .safeParse({ ...details, country: 'XX', language: 'fr' })
      .error?.issues.map((i) => i.message);
    expect(issues).toEqual(['orders.errors.country', 'orders.errors.language']);
  });

  it('reads lines from JSON text and needs a UUID idempotency key', () => {
    const parsed = addSubscriptionsInput.parse({
      customerId: 'c1',
      idempotencyKey: crypto.randomUUID(),
      lines: '[{"offerId":"o1","quantity":"3"}]',
    });
    expect(parsed.lines).toEqual([{ offerId: 'o1', quantity: 3 }]);
    expect(
      addSubscriptionsInput
        .safeParse({ customerId: 'c1', idempotencyKey: 'x', lines: [] })
        .error?.issues.map((i) => i.message),
    ).toEqual(['orders.errors.idempotencyKey', 'orders.errors.noLines']);
  });
});
