import 'server-only';
import { generateSecret, generateURI, verify } from 'otplib';
import { clock } from '@/lib/clock';

// RFC 6238 codes with otplib (SHA-1, 6 digits, 30-second steps: what every
// authenticator app reads). A code of the step before or after is accepted
// (clock drift), and a step at or before the last accepted one never is, so
// each code signs in once.

const PERIOD_S = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, account: string): string {
  return generateURI({ issuer: 'Partner Center', label: account, secret });
}

/** The time step the code belongs to, or null when it is wrong or was used (step ≤ `afterTimeStep`). */
export async function acceptedTimeStep(
  secret: string,
  code: string,
  afterTimeStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(clock.now().getTime() / 1000),
    epochTolerance: PERIOD_S,
    ...(afterTimeStep !== null ? { afterTimeStep } : {}),
  }).catch(() => null);
  return result?.valid && 'timeStep' in result ? result.timeStep : null;
}
