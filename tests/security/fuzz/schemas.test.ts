// Property-based: every zod input schema of the portal (lib/**/schemas.ts
// and the inputs domain files define inline) takes ANY value a client can
// send without throwing: it parses or reports issues. Search filters never
// let NUL (which PostgreSQL text cannot hold) through.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anyFieldValue } from './hostile';

const modules = import.meta.glob<Record<string, unknown>>('/lib/**/schemas.ts', { eager: true });

const schemas: [string, z.ZodType][] = [];
for (const [file, exports] of Object.entries(modules)) {
  for (const [name, value] of Object.entries(exports))
    if (value instanceof z.ZodType) schemas.push([`${file}#${name}`, value]);
}

/** The field names of an object schema, looking through transforms, pipes, preprocessing and refinements. */
function keysOf(schema: unknown, depth = 0): string[] {
  if (!schema || depth > 6) return [];
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def ?? {};
  for (const inner of [def.in, def.schema, def.innerType, def.out]) {
    const keys = keysOf(inner, depth + 1);
    if (keys.length) return keys;
  }
  return [];
}

const SEARCH_SCHEMAS = [
  'findCustomersInput',
  'findResellerSubscriptionsInput',
  'incentivesInput',
  'findAuditEventsInput',
  'findIndirectResellersInput',
  'findMailboxInput',
];

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
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

  it.each(schemas)('%s', (name, schema) => {
    const keys = keysOf(schema);
    const record = keys.length
      ? fc.record(Object.fromEntries(keys.map((k) => [k, anyFieldValue])), { requiredKeys: [] })
      : fc.constant({});
    const search = SEARCH_SCHEMAS.some((s) => name === s || name.endsWith(`#${s}`));
    fc.assert(
      fc.property(fc.oneof({ arbitrary: record, weight: 5 }, { arbitrary: fc.anything(), weight: 1 }), (value) => {
        const result = schema.safeParse(value);
        if (result.success && search) {
          for (const s of strings(result.data)) expect(s).not.toContain('\u0000');
        }
      }),
      { numRuns: 60 },
    );
  });
});
