import { describe, expect, it } from 'vitest';
import { hashRecoveryCode, normaliseRecoveryCode } from './recovery-codes';

describe('recovery codes as typed', () => {
  it.each(['abcde-fghjk', 'ABCDE-FGHJK', ' abcdefghjk ', 'abcde fghjk', 'abc de-fgh jk'])(
    '%j is the code abcde-fghjk',
    (typed) => {
      expect(normaliseRecoveryCode(typed)).toBe('abcde-fghjk');
      expect(hashRecoveryCode(typed)).toBe(hashRecoveryCode('abcde-fghjk'));
    },
  );

  it('another code has another hash, and the hash is not the code', () => {
    expect(hashRecoveryCode('abcde-fghjm')).not.toBe(hashRecoveryCode('abcde-fghjk'));
    expect(hashRecoveryCode('abcde-fghjk')).not.toContain('abcde');
  });
});
