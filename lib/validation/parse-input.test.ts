import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { addSubscriptionsInput } from '@/lib/orders/schemas';
import { Invalid } from '@/lib/errors';
import { checkInput, parseInput } from './parse-input';

const base = { customerId: 'c1', idempotencyKey: '0b7c3c1e-3f1f-4f6e-9a51-2f0f5a8f6d10' };
const badLine = [{ offerId: 'standard', quantity: '0' }];

describe('checkInput', () => {
  it('keys a licence error to its offer whether the lines come as a list or as one JSON text', () => {
    for (const lines of [badLine, JSON.stringify(badLine)]) {
      const result = checkInput(addSubscriptionsInput, { ...base, lines });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(Object.keys(result.fieldErrors)).toEqual(['lines.standard']);
    }
  });

  it('keys a line without an offer id by its index, and unreadable JSON under lines', () => {
    const noOffer = checkInput(addSubscriptionsInput, { ...base, lines: JSON.stringify([{ quantity: '2' }]) });
    expect(noOffer.ok ? [] : Object.keys(noOffer.fieldErrors)).toEqual(['lines.0']);
    const unreadable = checkInput(addSubscriptionsInput, { ...base, lines: '[{' });
    expect(unreadable.ok ? [] : Object.keys(unreadable.fieldErrors)).toEqual(['lines']);
  });

  it('names a field with a NUL byte instead of passing it on', () => {
    const result = checkInput(z.object({ name: z.string() }), { name: 'a\u0000b' });
    expect(result).toEqual({ ok: false, nul: true, fieldErrors: { name: ['errors.invalidValue'] } });
  });

  it('keeps catalog keys and turns zod’s own English messages into errors.invalidValue', () => {
    const schema = z.object({ a: z.string().min(2, 'orders.errors.tooShort'), b: z.number() });
    const result = checkInput(schema, { a: 'x', b: 'not a number' });
    expect(result.ok ? {} : result.fieldErrors).toEqual({ a: ['orders.errors.tooShort'], b: ['errors.invalidValue'] });
  });
});

describe('parseInput', () => {
  it('returns the parsed value, or throws Invalid with the field errors', () => {
    expect(parseInput(z.object({ n: z.coerce.number() }), { n: '3' })).toEqual({ n: 3 });
    expect(() => parseInput(z.object({ n: z.number() }), { n: 'x' })).toThrow(Invalid);
  });
});
