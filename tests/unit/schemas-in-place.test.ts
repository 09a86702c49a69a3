// The rule: every zod input schema lives in its area's lib/<area>/schemas.ts,
// never inline in a verb or helper. This imports every other module of lib/
// (not lib/generated, not the shared field primitives of lib/validation, not
// the settings schema of lib/env — the environment, not a request's input —
// not tests) and fails when one exports a zod schema. The modules are imported
// for real (vitest.config.ts aliases `server-only` to an empty module), so a
// schema is found however it is written: z.object(…), another schema's
// .extend()/.omit(), a helper's return value, zod/mini. The fuzz tests
// (tests/security/fuzz/inputs.ts) find every input schema by the same rule.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

const others = import.meta.glob<Record<string, unknown>>([
  '/lib/**/*.{ts,tsx}',
  '!/lib/generated/**',
  '!/lib/validation/**',
  '!/lib/env/**',
  '!**/schemas.ts',
  '!**/*.test.{ts,tsx}',
]);
const schemaFiles = import.meta.glob<Record<string, unknown>>('/lib/**/schemas.ts');

/** A zod schema of any flavour (classic or mini: both are core $ZodType); a check such as z.minLength is not. */
function isZodSchema(value: unknown): boolean {
  return value instanceof z.core.$ZodType;
}

/** A plain object or a list: a schema kept in one is found too. */
function isPlain(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === Array.prototype || proto === null;
}

/** The exports of a module that are zod schemas, or a plain object or list holding one (`name.key`). */
function zodExports(exports: Record<string, unknown>): string[] {
  const names: string[] = [];
  for (const [name, value] of Object.entries(exports)) {
    if (isZodSchema(value)) names.push(name);
    else if (isPlain(value))
      for (const [key, inner] of Object.entries(value)) if (isZodSchema(inner)) names.push(`${name}.${key}`);
  }
  return names;
}

describe("input schemas live in their area's schemas.ts", () => {
  it('no other module of lib/ exports a zod schema', async () => {
    const misplaced: string[] = [];
    const unreadable: string[] = [];
    for (const [file, load] of Object.entries(others)) {
      try {
        misplaced.push(...zodExports(await load()).map((name) => `${file}#${name}`));
      } catch (error) {
        unreadable.push(`${file}: ${String(error)}`);
      }
    }
    // A module that cannot be imported cannot be checked: that fails too.
    expect(unreadable, 'modules the rule could not import').toEqual([]);
    expect(misplaced, "zod schemas outside schemas.ts: move them to their area's lib/<area>/schemas.ts").toEqual([]);
  }, 60_000);

  it('sees the modules of lib/ and would see a schema (the check is live)', async () => {
    const files = Object.keys(others);
    expect(files.length).toBeGreaterThan(80);
    expect(files).toContain('/lib/users/verify-credentials.ts');
    expect(files.some((f) => f.startsWith('/lib/generated/') || f.startsWith('/lib/validation/'))).toBe(false);
    let found = 0;
    for (const load of Object.values(schemaFiles)) found += zodExports(await load()).length;
    expect(found).toBeGreaterThan(30);
    expect(
      zodExports({
        a: z.object({}),
        b: { c: z.string() },
        d: z.minLength(1),
        e: 'x',
        f: null,
        g: undefined,
        h: [z.email()],
      }),
    ).toEqual(['a', 'b.c', 'h.0']);
  }, 60_000);
});
