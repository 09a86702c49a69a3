import 'server-only';
import { randomInt } from 'node:crypto';

// R6: the customer admin's first password, shown once on the Confirmation
// page and stored only as a hash. Look-alike characters are left out because
// people copy it by hand.
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '!#$%*+-=?@_';
const ALL = UPPER + LOWER + DIGITS + SYMBOLS;

/** 18 characters from a CSPRNG, with at least one upper, lower, digit and symbol (about 110 bits). */
export function generateTemporaryPassword(length = 18): string {
  const chars = [UPPER, LOWER, DIGITS, SYMBOLS].map((set) => set[randomInt(set.length)]!);
  while (chars.length < length) chars.push(ALL[randomInt(ALL.length)]!);
  // Fisher–Yates, so the guaranteed classes are not always first.
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
