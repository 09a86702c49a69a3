import { describe, expect, it } from 'vitest';
import { fillIn, labelsOf } from './row-labels';

describe('row labels', () => {
  it("fills each placeholder with the row's value, taken literally", () => {
    expect(fillIn('Open subscription of {customer}: {offer}', { customer: 'A $& {offer} B', offer: 'E3' })).toBe(
      'Open subscription of A $& {offer} B: E3',
    );
    expect(fillIn('{target} のすべてのイベント', { target: 'Order x1' })).toBe('Order x1 のすべてのイベント');
    expect(fillIn('Expand {company}', {})).toBe('Expand {company}');
  });

  it('labels each distinct value once', () => {
    let calls = 0;
    const labels = labelsOf(
      [{ s: 'ACTIVE' }, { s: 'ENDED' }, { s: 'ACTIVE' }],
      (r) => r.s,
      (v) => (calls++, v.toLowerCase()),
    );
    expect(labels).toEqual({ ACTIVE: 'active', ENDED: 'ended' });
    expect(calls).toBe(2);
  });
});
