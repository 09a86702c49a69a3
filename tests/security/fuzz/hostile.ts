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
