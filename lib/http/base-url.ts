import 'server-only';
import { headers } from 'next/headers';
import { readEnv } from '@/lib/env/schema';

/** The portal's public address: NEXTAUTH_URL when configured, else the address the browser used. */
export async function baseUrl(): Promise<string> {
  const configured = readEnv('NEXTAUTH_URL');
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost:3000';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  return `${proto}://${host}`;
}
