import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

// Messages are compiled at build time (ICU to a compact form), so neither the
// server nor the browser parses them per request and the browser gets the
// formatter without the ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: ['en', 'ja'], precompile: true } },
});

// On every response. The Content-Security-Policy (with a nonce per request)
// and HSTS are set by proxy.ts; Next's build files, which proxy.ts skips, get
// a policy that allows nothing to run from them as documents.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

const config: NextConfig = {
  poweredByHeader: false,
  // Native and WASM packages load at run time from node_modules.
  serverExternalPackages: [
    '@node-rs/argon2',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    '@prisma/schema-engine-wasm',
  ],
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      {
        source: '/_next/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

export default withNextIntl(config);
