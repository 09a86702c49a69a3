import path from 'node:path';
import type { NextConfig } from 'next';

// Built in a copy under .data/bench-bare (scripts/bench/bare.ts), whose folder
// is Turbopack's root (two levels up, as in the repository's layout). The
// portal's own `tsc` checks these files, so the build does not check types.
const config: NextConfig = {
  poweredByHeader: false,
  turbopack: { root: path.resolve(__dirname, '../..') },
  typescript: { ignoreBuildErrors: true },
};

export default config;
