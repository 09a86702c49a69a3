import type { NextConfig } from 'next';
import { withClientEntries } from '../../scripts/lib/client-entries';

// Built in a copy under .data/bench-bare (scripts/bench/bare.ts) with webpack,
// as the portal is (decision 0055). The portal's own `tsc` checks these files,
// so the build does not check types.
const config: NextConfig = {
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true },
  webpack: withClientEntries,
};

export default config;
