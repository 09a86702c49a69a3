import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { BARE_POLICY, SECURITY_HEADERS } from './lib/http/fixed-headers';
import { withClientEntries } from './scripts/lib/client-entries';

// Messages are compiled at build time (ICU to a compact form), so neither the
// server nor the browser parses them per request and the browser gets the
// formatter without the ICU parser.
const withNextIntl = createNextIntlPlugin({
  requestConfig: './lib/i18n/request.ts',
  experimental: { messages: { path: './lib/i18n/messages', format: 'json', locales: ['en', 'ja'], precompile: true } },
});

// On every response: SECURITY_HEADERS (lib/http/fixed-headers.ts). The
// Content-Security-Policy (with a nonce per request) and HSTS are set by
// proxy.ts; Next's build files, which proxy.ts skips, get a policy that allows
// nothing to run from them as documents.
const config: NextConfig = {
  poweredByHeader: false,
  // Native and WASM packages load at run time from node_modules.
  serverExternalPackages: [
    '@node-rs/argon2',
    '@electric-sql/pglite',
    '@electric-sql/pglite-socket',
    '@prisma/schema-engine-wasm',
  ],
  // Production builds use webpack (`next build --webpack`, decision 0055);
  // `npm run dev` keeps Turbopack, which needs no settings of its own.
  webpack: withClientEntries,
  turbopack: {},
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      {
        source: '/_next/:path*',
        headers: [{ key: 'Content-Security-Policy', value: BARE_POLICY }],
      },
    ];
  },
};

export default withNextIntl(config);
