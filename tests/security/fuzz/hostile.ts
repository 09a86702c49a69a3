// Hostile text for the fuzz and adversarial tests: what an attacker, a
// careless paste or a broken client sends into a text field.
import fc from 'fast-check';

export const HOSTILE_STRINGS = [
  "' OR 1=1 --",
  '\'; DROP TABLE "Customer"; --',
  '%',
  '_',
  '%_%',
  '\\',
  '\\%',
  'a\u0000b',
  '\u0000',
  '😀🏢',
  '𝕬𝖉𝖆𝖙𝖚𝖒',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '=HYPERLINK("http://evil.example")',
  'x\r\nBcc: victim@evil.example',
  '\u202e',
  '\ud800',
  ' '.repeat(300),
  'a'.repeat(10_000),
];

/** Random text biased towards the hostile cases above. */
export const hostileText = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_STRINGS), weight: 3 },
  { arbitrary: fc.string({ maxLength: 60, unit: 'binary' }), weight: 2 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
);

/** Anything a form or URL may carry in one field, or a hand-made JSON body. */
export const anyFieldValue = fc.oneof(
  { arbitrary: hostileText, weight: 4 },
  { arbitrary: fc.constantFrom(undefined, null, '', 0, -1, 2.5, 1e9, Number.NaN, true, [], {}), weight: 2 },
  { arbitrary: fc.array(hostileText, { maxLength: 3 }), weight: 1 },
);

/** What a forged JSON body puts under a prototype key: properties meant to land on every object. */
const POISON = '{"polluted":"yes","role":"VENDOR_ADMIN","isAdmin":true}';

/**
 * Forged bodies for an input with these fields (none: a single field's
 * value), made by JSON.parse as a server makes them, so `__proto__` is an own
 * key: prototype keys beside the fields, inside each field, as each field's
 * value, and a body without a prototype at all.
 */
export function prototypeBodies(keys: string[]): unknown[] {
  const values = [
    `{"__proto__":${POISON}}`,
    `{"constructor":{"prototype":${POISON}}}`,
    `[{"__proto__":${POISON}}]`,
    '"__proto__"',
    '"constructor"',
    '"toString"',
  ];
  if (keys.length === 0) return [...values.map((v) => JSON.parse(v) as unknown), Object.create(null)];
  const body = (value: string, beside = '') =>
    JSON.parse(`{${beside}${keys.map((k) => `${JSON.stringify(k)}:${value}`).join(',')}}`) as unknown;
  const bare = Object.assign(Object.create(null) as object, ...keys.map((k) => ({ [k]: 'x' })));
  return [
    body('"x"', `"__proto__":${POISON},"constructor":{"prototype":${POISON}},"prototype":${POISON},`),
    ...values.map((v) => body(v)),
    bare,
  ];
}
