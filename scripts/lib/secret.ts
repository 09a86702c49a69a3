// The session-signing secret. Configured (NEXTAUTH_SECRET) in production; on
// a developer machine one is made once and kept in the data folder, so
// sessions survive a restart. Several web processes must share the same one.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readEnv } from '../../lib/env/schema';

export function ensureAuthSecret(dataDir: string): string {
  const configured = readEnv('NEXTAUTH_SECRET');
  if (configured) return configured;
  const file = path.join(dataDir, 'auth-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
