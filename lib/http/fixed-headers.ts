// The headers every answer carries whatever it is, in one place: next.config.ts
// sets them on Next.js's answers, and the portal's server on the build files
// it sends itself (lib/http/static-brotli.ts). No imports: next.config.ts
// loads this file before anything else is set up.

export const SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** The policy of an answer that is not a page (build files, the 400 for an undecodable path): nothing runs. */
export const BARE_POLICY = "default-src 'none'; frame-ancestors 'none'";
