import { readEnv } from '@/lib/env/schema';

// The WebAuthn relying party: the portal's host name, and the origins a
// browser may report. NEXTAUTH_URL fixes it behind a proxy; otherwise the
// Host the browser used (http and https of that host: the scheme is not known
// here without a proxy's word).

export type RelyingParty = { rpID: string; origins: string[] };

export function relyingParty(host: string | null | undefined): RelyingParty {
  const configured = readEnv('NEXTAUTH_URL');
  if (configured) {
    const url = new URL(configured);
    return { rpID: url.hostname, origins: [url.origin] };
  }
  const url = new URL(`http://${host || 'localhost'}`);
  return { rpID: url.hostname, origins: [`http://${url.host}`, `https://${url.host}`] };
}

export const RP_NAME = 'Partner Center';
