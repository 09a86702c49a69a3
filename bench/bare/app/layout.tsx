// The framework's floor for `npm run bench` (scripts/bench/bare.ts): a bare
// Next.js app of the portal's own Next.js and React versions, built for
// production, with no session, no query, no styles and no proxy.
export const dynamic = 'force-dynamic';

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
