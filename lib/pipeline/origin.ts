/**
 * A write sent from another site is refused: when the browser names the
 * page's origin, its host must be this portal's (behind a trusted proxy, the
 * forwarded host). Next.js checks the same for server actions; the public
 * actions and the API's handlers check it themselves, so the rule does not
 * rest on the framework alone. A request without Origin (not a browser's
 * cross-site form) passes, as it does in Next.js.
 */
export function isSameOrigin(headers: Pick<Headers, 'get'>): boolean {
  const origin = headers.get('origin');
  if (!origin) return true;
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
