import 'server-only';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { readEnv } from '@/lib/env/schema';

// Signing secrets of webhook endpoints (Standard Webhooks: `whsec_` and the
// base64 of 32 random bytes). The server must sign with them, so they are
// stored encrypted, not hashed: AES-256-GCM under a key derived from
// NEXTAUTH_SECRET by HKDF for this use alone (as access-token.ts does).

const INFO = 'Partner Center webhook signing secret';
let cached: { secret: string; key: Buffer } | undefined;

function key(): Buffer {
  const secret = readEnv('NEXTAUTH_SECRET');
  if (!secret) throw new Error('NEXTAUTH_SECRET is not set');
  if (cached?.secret !== secret) cached = { secret, key: Buffer.from(hkdfSync('sha256', secret, '', INFO, 32)) };
  return cached.key;
}

/** A new signing secret, shown once. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** `v1.<iv>.<tag>.<ciphertext>`, each base64url. */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown webhook secret format');
  const decipher = createDecipheriv('aes-256-gcm', key(), Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
}

export type SignedHeaders = { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };

/** The Standard Webhooks headers of one attempt: the same id on every retry, the attempt's time, `v1,<HMAC>`. */
export function signedHeaders(secret: string, messageId: string, at: Date, body: string): SignedHeaders {
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}
