import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './callback-url';

describe('safeCallbackUrl', () => {
  it('keeps same-site paths', () => {
    expect(safeCallbackUrl('/customers?reseller=x')).toBe('/customers?reseller=x');
  });
  it.each(['https://evil.example/', '//evil.example/', '/\\evil.example', 'javascript:alert(1)', '', undefined])(
    'sends %s home',
    (value) => {
      expect(safeCallbackUrl(value)).toBe('/');
    },
  );
});

describe('safeCallbackUrl as the browser reads it', () => {
  it.each(['/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example/x', '/\t\\evil.example'])(
    'sends %j home',
    (value) => {
      expect(safeCallbackUrl(value)).toBe('/');
    },
  );
});
