import { describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { proxy } from '@/proxy';

// proxy.ts without a server: the per-request policy and HSTS (https only).
describe('proxy.ts headers', () => {
  it('over http: a CSP with a fresh nonce and frame-ancestors none, no HSTS', async () => {
    const a = await proxy(new NextRequest('http://127.0.0.1:3000/customers'));
    const b = await proxy(new NextRequest('http://127.0.0.1:3000/customers'));
    const csp = a.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
    expect(csp).not.toBe(b.headers.get('content-security-policy'));
    expect(a.headers.get('strict-transport-security')).toBeNull();
    // Next reads the nonce from the request's CSP header: it is forwarded too.
    expect(a.headers.get('x-middleware-request-content-security-policy')).toBe(csp);
  });

  it('over https: HSTS and upgrade-insecure-requests', async () => {
    const response = await proxy(new NextRequest('https://portal.example/customers'));
    expect(response.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(response.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });
});
