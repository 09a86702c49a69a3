// Property-based: every input schema of the portal (inputs.ts finds them by
// the rule: each zod export of a lib/**/schemas.ts) takes ANY value a client
// can send without throwing: it parses or reports issues. Search filters
// never let NUL (which PostgreSQL text cannot hold) through. Forged bodies
// with prototype keys (__proto__, constructor) throw nothing, pollute no
// prototype and put nothing of theirs in the parsed value. A schema the rule
// finds with no fuzz case (FUZZ in inputs.ts) fails here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anyFieldValue, prototypeBodies } from './hostile';
import { FUZZ, INPUT_SCHEMAS, areaAndExport, fuzzKind, keysOf } from './inputs';

const schemas = INPUT_SCHEMAS;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Whether a value, or an object inside it, shows the forged property (own or through its prototype). */
function showsPoison(value: unknown, depth = 0): boolean {
  if (value === null || typeof value !== 'object' || depth > 4) return false;
  if ((value as { polluted?: unknown }).polluted !== undefined) return true;
  return Object.values(value).some((v) => showsPoison(v, depth + 1));
}

describe('every input schema takes any client value without throwing', () => {
  it('finds the schemas', () => {
    expect(schemas.length).toBeGreaterThan(25);
    for (const name of [
      'createOfferInput',
      'newCustomerOrderInput',
      'changeSubscriptionInput',
      'sendPartnershipRequestInput',
      'sendRelationshipRequestInput',
      'findAuditEventsInput',
    ]) {
      expect(schemas.some(([n]) => n.endsWith(`#${name}`))).toBe(true);
    }
    // The generator sends each schema its own fields (through transforms and pipes).
    expect(keysOf(schemas.find(([n]) => n.endsWith('#createOfferInput'))![1])).toContain('sku');
    expect(keysOf(schemas.find(([n]) => n.endsWith('#newCustomerOrderInput'))![1])).toContain('lines');
  });

  it('every input schema the rule finds has a fuzz case', () => {
    const missing = schemas.map(([name]) => name).filter((name) => !fuzzKind(name));
    expect(missing, 'add each to FUZZ in tests/security/fuzz/inputs.ts, and fuzz the verb that parses it').toEqual([]);
  });

  it('every fuzz case names a schema the rule finds', () => {
    const found = new Set(schemas.map(([name]) => areaAndExport(name).join('#')));
    const cases = Object.entries(FUZZ).flatMap(([area, exports]) => Object.keys(exports).map((e) => `${area}#${e}`));
    expect(cases.filter((c) => !found.has(c))).toEqual([]);
  });

  it.each(schemas)('%s', (name, schema) => {
    const kind = fuzzKind(name);
    expect(kind, `${name} has no fuzz case (FUZZ in inputs.ts)`).toBeDefined();
    const keys = keysOf(schema);
    // An object schema gets its own fields; a single field's rule gets single values.
    const value: fc.Arbitrary<unknown> = keys.length
      ? fc.record(Object.fromEntries(keys.map((k) => [k, anyFieldValue])), { requiredKeys: [] })
      : anyFieldValue;
    fc.assert(
      fc.property(fc.oneof({ arbitrary: value, weight: 5 }, { arbitrary: fc.anything(), weight: 1 }), (input) => {
        const result = z.safeParse(schema, input);
        if (result.success && kind === 'search') {
          for (const s of strings(result.data)) expect(s).not.toContain('\u0000');
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('forged prototype keys reach nothing', () => {
  it.each(schemas)('%s', (_name, schema) => {
    for (const body of prototypeBodies(keysOf(schema))) {
      let result: ReturnType<typeof z.safeParse> | undefined;
      expect(() => (result = z.safeParse(schema, body))).not.toThrow();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(Object.prototype).not.toHaveProperty('isAdmin');
      if (result?.success) expect(showsPoison(result.data), JSON.stringify(result.data)).toBe(false);
    }
  });
});
