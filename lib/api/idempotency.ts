import 'server-only';
import { createHash } from 'node:crypto';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import type { Prisma } from '@/lib/generated/prisma/client';

// Idempotency-Key on the Partner API's POSTs (per app, kept 24 hours): the
// first answer is stored; the same key with the same request answers it
// again, with another request answers 422. A key whose first request is
// still running answers 409 (try again). Only answers that changed
// something (2xx) and the rules' refusals (4xx) are kept: a 5xx leaves the
// key free so the client may retry.

export const IDEMPOTENCY_HOURS = 24;
const KEY = /^[\x21-\x7e]{1,200}$/;

export type StoredAnswer = { status: number; body: unknown; headers: Record<string, string> };

export function validIdempotencyKey(key: string): boolean {
  return KEY.test(key);
}

export function requestHash(method: string, path: string, body: string): string {
  return createHash('sha256').update(`${method} ${path}\n${body}`).digest('base64url');
}

/** The uuid the domain's own idempotency takes, derived from the app and its Idempotency-Key. */
export function domainIdempotencyKey(appId: string | undefined, key: string | undefined): string {
  if (!appId || !key) return crypto.randomUUID();
  const h = createHash('sha256').update(`${appId}\n${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const cutoff = () => new Date(clock.now().getTime() - IDEMPOTENCY_HOURS * 3_600_000);

/** A pending claim: status 0 until the first request's answer is stored. */
const PENDING = 0;
const STALE_CLAIM_MS = 60_000;

export type Claim =
  { kind: 'new' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'mismatch' } | { kind: 'in-progress' };

/** Claims the key for this request, or says what the key already holds. */
export async function claimKey(appId: string, key: string, hash: string): Promise<Claim> {
  const now = clock.now();
  // An expired key is forgotten first, so it can be claimed again.
  await db().apiIdempotencyKey.deleteMany({ where: { appId, key, createdAt: { lt: cutoff() } } });
  const inserted = await db().$executeRaw`
    INSERT INTO "ApiIdempotencyKey" ("appId", "key", "requestHash", "status", "body", "headers", "createdAt")
    VALUES (${appId}, ${key}, ${hash}, ${PENDING}, 'null'::jsonb, '{}'::jsonb, ${now})
    ON CONFLICT ("appId", "key") DO NOTHING`;
  if (inserted === 1) return { kind: 'new' };
  const row = await db().apiIdempotencyKey.findUnique({ where: { appId_key: { appId, key } } });
  if (!row) return claimKey(appId, key, hash);
  if (row.requestHash !== hash) return { kind: 'mismatch' };
  if (row.status === PENDING) {
    // A first request that never settled (its process died) frees the key after a minute.
    const stale = row.createdAt.getTime() < now.getTime() - STALE_CLAIM_MS;
    const taken = stale
      ? await db().apiIdempotencyKey.updateMany({
          where: { appId, key, status: PENDING, createdAt: row.createdAt },
          data: { createdAt: now },
        })
      : { count: 0 };
    return taken.count === 1 ? { kind: 'new' } : { kind: 'in-progress' };
  }
  return {
    kind: 'replay',
    answer: { status: row.status, body: row.body, headers: row.headers as Record<string, string> },
  };
}

/** Stores the first answer of a claimed key, or frees the key when the answer is not to be kept. */
export async function settleKey(appId: string, key: string, answer: StoredAnswer): Promise<void> {
  if (answer.status >= 500 || answer.status === 429) {
    await db().apiIdempotencyKey.deleteMany({ where: { appId, key, status: PENDING } });
    return;
  }
  await db().apiIdempotencyKey.update({
    where: { appId_key: { appId, key } },
    data: { status: answer.status, body: answer.body as Prisma.InputJsonValue, headers: answer.headers },
  });
  if (Math.random() < 0.01) await db().apiIdempotencyKey.deleteMany({ where: { createdAt: { lt: cutoff() } } });
}
