import { describe, expect, it } from 'vitest';
import { canReach } from './upgrade-graph';

describe('upgrade targets', () => {
  const edges = new Map([
    ['basic', ['standard']],
    ['standard', ['premium', 'e3']],
    ['premium', ['e3']],
    ['e3', []],
  ]);

  it('follows upgrade paths transitively', () => {
    expect(canReach(edges, 'basic', 'e3')).toBe(true);
    expect(canReach(edges, 'e3', 'basic')).toBe(false);
  });

  it('terminates on a graph that already has a cycle', () => {
    const cyclic = new Map([
      ['a', ['b']],
      ['b', ['a']],
    ]);
    expect(canReach(cyclic, 'a', 'c')).toBe(false);
  });
});
