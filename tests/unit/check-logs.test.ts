// The end-to-end runs' log check (scripts/check-logs.ts) fails `npm test` on
// any server error in a test server's log: Next's `⨯` lines, unhandled
// rejections, uncaught exceptions. Only Next's refusal of a cross-site server
// action (hostile requests the adversarial specs send on purpose) is not one.
import { describe, expect, it } from 'vitest';
import { scanForServerErrors } from '../../scripts/check-logs';

const RED = (s: string) => `\x1b[31m\x1b[1m${s}\x1b[22m\x1b[39m`;

describe('server errors in a log', () => {
  it('finds a ⨯ error (colours and all) with the lines after it', () => {
    const log = [
      'e2e server on http://127.0.0.1:3100',
      `${RED('⨯')} error: prepared statement "pc_DtIGlGE5KaOaYZvimCGTrG-ypl6Ztvqm" already exists`,
      '    at async k (lib/db.ts:67:7)',
      "  code: '42P05',",
    ].join('\n');
    const found = scanForServerErrors(log);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line: 2, kind: 'server error' });
    expect(found[0]!.excerpt).toContain('already exists');
    expect(found[0]!.excerpt).toContain('lib/db.ts:67:7');
  });

  it('finds unhandled rejections and uncaught exceptions', () => {
    expect(scanForServerErrors('ok\nUnhandled Rejection at: Promise {}\nreason: boom')).toHaveLength(1);
    expect(scanForServerErrors('unhandledRejection: Error: boom')).toHaveLength(1);
    expect(scanForServerErrors('Uncaught Exception: TypeError: x is not a function')).toHaveLength(1);
  });

  it('lets pass Next refusing a cross-site server action, and nothing else of that shape', () => {
    const refused = [
      '`x-forwarded-host` header with value `127.0.0.1:3100` does not match `origin` header with value `evil.example` from a forwarded Server Actions request. Aborting the action.',
      `${RED('⨯')} Error: Invalid Server Actions request.`,
      '    at ignore-listed frames {',
    ].join('\n');
    expect(scanForServerErrors(refused)).toEqual([]);
    // The same error line without the refusal before it is a failure.
    expect(scanForServerErrors(`[mail] sent 1\n${RED('⨯')} Error: Invalid Server Actions request.`)).toHaveLength(1);
  });

  it('a clean log has none', () => {
    expect(scanForServerErrors('e2e server on http://127.0.0.1:3100\n[mail] sent 1, will retry 0, failed 0\n')).toEqual(
      [],
    );
  });
});
