import { describe, expect, it } from 'vitest';
import { toFormState } from './form-state';
import { Conflict } from '@/lib/errors';

const tr = (key: string) => `<${key}>`;

describe('toFormState', () => {
  it('turns a database outage into a "try again" form error instead of a 500', () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(toFormState(outage, tr)).toEqual({ ok: false, formError: '<errors.unavailable>' });
  });

  it('keeps domain errors and rethrows anything else', () => {
    expect(toFormState(new Conflict(), tr)).toEqual({ ok: false, formError: '<errors.conflict>' });
    expect(() => toFormState(new TypeError('bug'), tr)).toThrow('bug');
  });
});
