import 'server-only';
import { timingSafeEqual } from 'node:crypto';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { hashToken } from '@/lib/tokens';
import type { ApiScope } from './scopes';

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/**
 * The app a client id and secret belong to (the current secret, or the one
 * before a rotation within its grace period), with its organisation and
 * scopes; null for anything else, a revoked app or an organisation that is
 * no longer active included. Marks the app as used.
 */
export async function verifyClient(clientId: string, clientSecret: string) {
  // Bounded, and no NUL (PostgreSQL text cannot hold it): such a client is no one.
  if (clientId.length > 100 || clientSecret.length > 200 || clientId.includes('\u0000')) return null;
  const app = await db().apiApp.findUnique({
    where: { clientId },
    select: {
      id: true,
      organizationId: true,
      scopes: true,
      secretHash: true,
      previousSecretHash: true,
      previousSecretExpiresAt: true,
      revokedAt: true,
      organization: { select: { status: true } },
    },
  });
  const hash = hashToken(clientSecret);
  const now = clock.now();
  const current = app !== null && same(app.secretHash, hash);
  const previous =
    app?.previousSecretHash != null &&
    app.previousSecretExpiresAt !== null &&
    app.previousSecretExpiresAt > now &&
    same(app.previousSecretHash, hash);
  if (!app || app.revokedAt || app.organization.status !== 'ACTIVE' || !(current || previous)) return null;
  await db().apiApp.update({ where: { id: app.id }, data: { lastUsedAt: now } });
  return { appId: app.id, organizationId: app.organizationId, scopes: app.scopes as ApiScope[] };
}
