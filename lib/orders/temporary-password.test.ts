import { describe, expect, it } from 'vitest';
import { newPasswordSchema } from '@/lib/users/schemas';
import { generateTemporaryPassword } from './temporary-password';

describe('R6 temporary password', () => {
  it('is long, mixes upper, lower, digit and symbol, passes the password rules, and differs every time', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generateTemporaryPassword();
      expect(p).toHaveLength(18);
      for (const re of [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/]) expect(p).toMatch(re);
      expect(newPasswordSchema.safeParse(p).success).toBe(true);
      seen.add(p);
    }
    expect(seen.size).toBe(200);
  });
});
