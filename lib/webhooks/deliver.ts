import 'server-only';
import { db, type Tx } from '@/lib/db';
import { clock } from '@/lib/clock';
import { readEnv } from '@/lib/env/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { enqueueMail } from '@/lib/email/enqueue';
import { describeError } from '@/lib/email/deliver';
import { retryDelayMs } from './backoff';
import { postJson, type PostResult } from './post';
import { decryptSecret, signedHeaders } from './sign';
import { resolveEndpoint, UnsafeEndpoint, type Resolver } from './ssrf';

/** How long a claimed delivery is hidden from other workers: longer than a request can take. */
export const LEASE_MS = 2 * 60_000;

type Claimed = { id: string; endpointId: string; messageId: string; payload: unknown; attempts: number };
export type WebhookRunResult = { delivered: number; retried: number; failed: number };
export type DeliverOptions = { limit?: number; resolve?: Resolver; timeoutMs?: number };

/**
 * Claims due deliveries in one statement. FOR UPDATE SKIP LOCKED keeps
 * workers of any process off each other's rows; moving nextAttemptAt to the
 * end of a lease keeps them off once this commits, and counting the attempt
 * here means a worker killed mid-request leaves a delivery that is claimed
 * again when its lease ends (at least once, never lost). A delivery waits
 * while an earlier one of the same resource for the same endpoint is
 * pending, so a resource's events arrive in order; a disabled endpoint's wait.
 */
export async function claimDueDeliveries(limit: number): Promise<Claimed[]> {
  const now = clock.now();
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  return db().$queryRaw<Claimed[]>`
    UPDATE "WebhookDelivery" d
       SET "nextAttemptAt" = ${leaseUntil}, "attempts" = d."attempts" + 1, "lastAttemptAt" = ${now}
     WHERE d."seq" IN (
       SELECT c."seq" FROM "WebhookDelivery" c
         JOIN "WebhookEndpoint" e ON e."id" = c."endpointId"
        WHERE c."state" = 'PENDING' AND c."nextAttemptAt" <= ${now} AND e."enabled"
          AND NOT EXISTS (
            SELECT 1 FROM "WebhookDelivery" p
             WHERE p."endpointId" = c."endpointId" AND p."resourceKey" = c."resourceKey"
               AND p."state" = 'PENDING' AND p."seq" < c."seq")
        ORDER BY c."seq"
        LIMIT ${limit}
        FOR UPDATE OF c SKIP LOCKED)
    RETURNING d."id", d."endpointId", d."messageId", d."payload", d."attempts"`;
}

/** One attempt: the address checked again, signed, posted. */
async function attempt(claimed: Claimed, options: DeliverOptions): Promise<PostResult> {
  const endpoint = await db().webhookEndpoint.findUnique({
    where: { id: claimed.endpointId },
    select: { url: true, secretEncrypted: true },
  });
  if (!endpoint) return { status: null, body: '', durationMs: 0, error: 'endpoint deleted' };
  const url = new URL(endpoint.url);
  let address;
  try {
    address = await resolveEndpoint(url, { allowPrivate: readEnv('WEBHOOK_ALLOW_PRIVATE'), resolve: options.resolve });
  } catch (error) {
    if (!(error instanceof UnsafeEndpoint)) throw error;
    return { status: null, body: '', durationMs: 0, error: `address refused: ${error.reason}` };
  }
  const body = JSON.stringify(claimed.payload);
  const headers = signedHeaders(decryptSecret(endpoint.secretEncrypted), claimed.messageId, clock.now(), body);
  return postJson(url, address, headers, body, options.timeoutMs);
}

/** An attempt that broke before its request (e.g. a secret that no longer decrypts) counts as a failure. */
function failedAttempt(error: unknown): PostResult {
  return { status: null, body: '', durationMs: 0, error: describeError(error) };
}

/** Every retry failed: the endpoint is disabled (audited) and its organisation's admins are mailed. */
async function disableFailingEndpoint(tx: Tx, endpointId: string) {
  const endpoint = await tx.webhookEndpoint.findUnique({
    where: { id: endpointId },
    select: { id: true, url: true, organizationId: true, organization: { select: { legalName: true } } },
  });
  if (!endpoint) return;
  const { count } = await tx.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true },
    data: { enabled: false, disabledReason: 'failing', disabledAt: clock.now() },
  });
  if (count === 0) return;
  await recordAudit(tx, null, {
    action: 'webhook_endpoint.disabled',
    targetType: 'webhookEndpoint',
    targetId: endpoint.id,
    orgIds: [endpoint.organizationId],
    after: { url: endpoint.url, reason: 'failing' },
  });
  const admins = await tx.user.findMany({
    where: { organizationId: endpoint.organizationId, role: 'ADMIN', disabled: false },
    select: { email: true, locale: true },
  });
  for (const admin of admins)
    await enqueueMail(tx, {
      kind: 'webhook-endpoint-disabled',
      to: admin.email,
      locale: admin.locale,
      values: { url: endpoint.url, organization: endpoint.organization.legalName },
    });
}

/** Writes an attempt's outcome, unless another worker has claimed the delivery since (its lease ended). */
async function record(claimed: Claimed, result: PostResult): Promise<keyof WebhookRunResult | null> {
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const now = clock.now();
  const outcome = {
    responseStatus: result.status,
    durationMs: result.durationMs,
    responseBody: result.body || null,
    error: ok ? null : (result.error ?? `HTTP ${result.status}`),
  };
  return db().$transaction(async (tx) => {
    const where = { id: claimed.id, attempts: claimed.attempts, state: 'PENDING' as const };
    if (ok) {
      const { count } = await tx.webhookDelivery.updateMany({
        where,
        data: { ...outcome, state: 'SUCCEEDED', deliveredAt: now },
      });
      return count ? 'delivered' : null;
    }
    const delay = retryDelayMs(claimed.attempts);
    const { count } = await tx.webhookDelivery.updateMany({
      where,
      data:
        delay === null
          ? { ...outcome, state: 'FAILED' }
          : { ...outcome, nextAttemptAt: new Date(now.getTime() + delay) },
    });
    if (!count) return null;
    if (delay !== null) return 'retried';
    await disableFailingEndpoint(tx, claimed.endpointId);
    return 'failed';
  });
}

/**
 * Sends the due deliveries once: a failure never throws, it is written to the
 * delivery and retried on the schedule (backoff.ts) with the same webhook-id.
 */
export async function deliverDueWebhooks(options: DeliverOptions = {}): Promise<WebhookRunResult> {
  const result: WebhookRunResult = { delivered: 0, retried: 0, failed: 0 };
  // A batch holds at most one delivery per resource and endpoint, so its requests may run side by side.
  const outcomes = await Promise.all(
    (await claimDueDeliveries(options.limit ?? 10)).map(async (claimed) =>
      record(claimed, await attempt(claimed, options).catch(failedAttempt)),
    ),
  );
  for (const outcome of outcomes) if (outcome) result[outcome] += 1;
  return result;
}
