// Webhook endpoints as an org admin manages them: the secret shown once and
// stored encrypted, the SSRF guard at registration and again at delivery,
// redirects not followed, 1 KB of an answer kept, Send test event and
// Resend, disable/enable/delete audited, and another organisation's
// endpoint or delivery not found.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { makeCtx, makeOrg } from '../factories';
import { startReceiver, type Receiver } from './webhooks-receiver';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { Invalid, NotFound, Refused } from '@/lib/errors';
import { createWebhookEndpoint } from '@/lib/webhooks/create-webhook-endpoint';
import { deleteWebhookEndpoint } from '@/lib/webhooks/delete-webhook-endpoint';
import { deliverDueWebhooks } from '@/lib/webhooks/deliver';
import { findWebhookDeliveries } from '@/lib/webhooks/find-webhook-deliveries';
import { findWebhookEndpoints } from '@/lib/webhooks/find-webhook-endpoints';
import { resendWebhookDelivery } from '@/lib/webhooks/resend-webhook-delivery';
import { sendTestEvent } from '@/lib/webhooks/send-test-event';
import { setWebhookEndpointEnabled } from '@/lib/webhooks/set-webhook-endpoint-enabled';
import { decryptSecret } from '@/lib/webhooks/sign';

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
  vi.stubEnv('NEXTAUTH_SECRET', 'a-test-secret-for-webhooks-0123456789');
  vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '1');
  clock.reset();
  receiver.received.length = 0;
  receiver.status(200, 'ok');
  await resetDatabase();
});

async function admin(kind: 'INDIRECT_PROVIDER' | 'INDIRECT_RESELLER' = 'INDIRECT_PROVIDER') {
  const org = await makeOrg(kind);
  return { org, ctx: await makeCtx('ADMIN', { organizationId: org.id }) };
}

async function register(ctx: Awaited<ReturnType<typeof admin>>['ctx'], path = '/hook') {
  const created = await createWebhookEndpoint(ctx, { url: receiver.url(path), events: ['customer.created'] });
  receiver.trust(created.secret);
  return created;
}

describe('webhook endpoints', () => {
  it('answers the secret once (whsec_ + 32 random bytes), stores it encrypted, lists no secret, audits', async () => {
    const { org, ctx } = await admin();
    const created = await register(ctx);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(created.secret.slice(6), 'base64')).toHaveLength(32);
    const stored = await db().webhookEndpoint.findUniqueOrThrow({ where: { id: created.endpointId } });
    expect(stored).toMatchObject({ organizationId: org.id, enabled: true, events: ['customer.created'] });
    expect(stored.secretEncrypted).not.toContain(created.secret.slice(6, 20));
    expect(decryptSecret(stored.secretEncrypted)).toBe(created.secret);
    const listed = await findWebhookEndpoints(ctx);
    expect(listed.map((e) => e.id)).toEqual([created.endpointId]);
    expect(JSON.stringify(listed)).not.toContain(stored.secretEncrypted);
    const audit = await db().auditEvent.findMany({ where: { targetId: created.endpointId } });
    expect(audit.map((e) => e.action)).toEqual(['webhook_endpoint.created']);
    expect(JSON.stringify(audit)).not.toContain(created.secret.slice(6));
  });

  it('refuses bad input and users who may not manage apps, storing nothing', async () => {
    const { org, ctx } = await admin();
    await expect(createWebhookEndpoint(ctx, { url: 'not a url', events: ['customer.created'] })).rejects.toMatchObject({
      fieldErrors: { url: ['webhooks.errors.urlInvalid'] },
    });
    await expect(
      createWebhookEndpoint(ctx, { url: 'https://user:pw@hooks.example/', events: ['customer.created'] }),
    ).rejects.toBeInstanceOf(Invalid);
    await expect(createWebhookEndpoint(ctx, { url: receiver.url(), events: [] })).rejects.toMatchObject({
      fieldErrors: { events: ['webhooks.errors.eventsRequired'] },
    });
    await expect(createWebhookEndpoint(ctx, { url: receiver.url(), events: ['webhook.test'] })).rejects.toMatchObject({
      fieldErrors: { events: ['webhooks.errors.unknownEvent'] },
    });
    const agent = await makeCtx('ADMIN_AGENT', { organizationId: org.id });
    await expect(
      createWebhookEndpoint(agent, { url: receiver.url(), events: ['customer.created'] }),
    ).rejects.toBeInstanceOf(Refused);
    await expect(findWebhookEndpoints(agent)).rejects.toBeInstanceOf(Refused);
    expect(await db().webhookEndpoint.count()).toBe(0);
  });

  it('refuses plain http and private or loopback addresses without WEBHOOK_ALLOW_PRIVATE, with a field message', async () => {
    const { ctx } = await admin();
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '');
    const events = ['customer.created'];
    await expect(createWebhookEndpoint(ctx, { url: receiver.url(), events })).rejects.toMatchObject({
      fieldErrors: { url: ['webhooks.errors.httpsRequired'] },
    });
    for (const url of [
      'https://127.0.0.1/hook',
      'https://localhost/hook',
      'https://10.1.2.3/',
      'https://[::1]/',
      'https://[::ffff:192.168.0.1]/',
      'https://169.254.169.254/latest/meta-data',
    ])
      await expect(createWebhookEndpoint(ctx, { url, events }), url).rejects.toMatchObject({
        fieldErrors: { url: ['webhooks.errors.privateAddress'] },
      });
    expect(await db().webhookEndpoint.count()).toBe(0);
  });

  it('checks the address again at delivery: without the flag a loopback endpoint gets nothing', async () => {
    const { ctx } = await admin();
    const created = await register(ctx);
    await sendTestEvent(ctx, { endpointId: created.endpointId });
    vi.stubEnv('WEBHOOK_ALLOW_PRIVATE', '0');
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect(receiver.received).toHaveLength(0);
    expect(await db().webhookDelivery.findFirstOrThrow()).toMatchObject({
      state: 'PENDING',
      error: 'address refused: protocol',
    });
  });

  it('does not follow a redirect: a 3xx is a failure and its target gets nothing', async () => {
    const { ctx } = await admin();
    const created = await register(ctx, '/moved');
    receiver.answer((request, response) => {
      if (request.path !== '/moved') return void response.end('should not be reached');
      response.writeHead(307, { location: receiver.url('/target') }).end();
    });
    await sendTestEvent(ctx, { endpointId: created.endpointId });
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    expect(receiver.received.map((r) => r.path)).toEqual(['/moved']);
    expect(await db().webhookDelivery.findFirstOrThrow()).toMatchObject({ responseStatus: 307, error: 'HTTP 307' });
  });

  it('keeps at most 1 KB of the answer', async () => {
    const { ctx } = await admin();
    const created = await register(ctx);
    receiver.status(200, 'x'.repeat(200_000));
    await sendTestEvent(ctx, { endpointId: created.endpointId });
    expect(await deliverDueWebhooks()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    const stored = await db().webhookDelivery.findFirstOrThrow();
    expect(stored.responseBody).toBe('x'.repeat(1024));
  });

  it('Send test event reaches the endpoint signed; Resend sends the same webhook-id again; the log is newest first', async () => {
    const { ctx } = await admin('INDIRECT_RESELLER');
    const created = await register(ctx);
    const test = await sendTestEvent(ctx, { endpointId: created.endpointId });
    await deliverDueWebhooks();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.verifiedWith).toBe(created.secret);
    expect(receiver.received[0]!.payload).toMatchObject({
      type: 'webhook.test',
      data: { endpointId: created.endpointId },
    });
    const resent = await resendWebhookDelivery(ctx, { deliveryId: test.deliveryId });
    await deliverDueWebhooks();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.headers['webhook-id']).toBe(receiver.received[0]!.headers['webhook-id']);
    expect(receiver.received[1]!.verifiedWith).toBe(created.secret);
    const log = await findWebhookDeliveries(ctx, { endpointId: created.endpointId });
    expect(log.deliveries.map((d) => [d.id, d.state, d.eventType, d.attempts, d.responseStatus])).toEqual([
      [resent.deliveryId, 'SUCCEEDED', 'webhook.test', 1, 200],
      [test.deliveryId, 'SUCCEEDED', 'webhook.test', 1, 200],
    ]);
    expect(log.next).toBeNull();
    const audit = await db().auditEvent.findMany({
      where: { targetId: created.endpointId },
      orderBy: { occurredAt: 'asc' },
    });
    expect(audit.map((e) => e.action)).toEqual([
      'webhook_endpoint.created',
      'webhook_endpoint.test_sent',
      'webhook_delivery.resent',
    ]);
  });

  it('pages the delivery log with a cursor', async () => {
    const { ctx } = await admin();
    const created = await register(ctx);
    for (let i = 0; i < 27; i++) await sendTestEvent(ctx, { endpointId: created.endpointId });
    const first = await findWebhookDeliveries(ctx, { endpointId: created.endpointId });
    expect(first.deliveries).toHaveLength(25);
    const second = await findWebhookDeliveries(ctx, { endpointId: created.endpointId, before: first.next! });
    expect(second.deliveries).toHaveLength(2);
    expect(second.next).toBeNull();
    const ids = [...first.deliveries, ...second.deliveries].map((d) => d.id);
    expect(new Set(ids).size).toBe(27);
  });

  it('disable holds deliveries back, enable sends them; delete removes the endpoint and its log; each is audited', async () => {
    const { ctx } = await admin();
    const created = await register(ctx);
    const endpointId = created.endpointId;
    expect(await setWebhookEndpointEnabled(ctx, { endpointId, enabled: 'false' })).toEqual({
      endpointId,
      changed: true,
    });
    expect(await setWebhookEndpointEnabled(ctx, { endpointId, enabled: false })).toEqual({
      endpointId,
      changed: false,
    });
    await sendTestEvent(ctx, { endpointId });
    expect(await deliverDueWebhooks()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    await setWebhookEndpointEnabled(ctx, { endpointId, enabled: 'true' });
    expect(await deliverDueWebhooks()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    await deleteWebhookEndpoint(ctx, { endpointId });
    expect(await db().webhookEndpoint.count()).toBe(0);
    expect(await db().webhookDelivery.count()).toBe(0);
    const audit = await db().auditEvent.findMany({ where: { targetId: endpointId }, orderBy: { occurredAt: 'asc' } });
    expect(audit.map((e) => e.action)).toEqual([
      'webhook_endpoint.created',
      'webhook_endpoint.disabled',
      'webhook_endpoint.test_sent',
      'webhook_endpoint.enabled',
      'webhook_endpoint.deleted',
    ]);
  });

  it('another organisation’s endpoint or delivery is not found, and nothing of it changes', async () => {
    const ours = await admin();
    const theirs = await admin('INDIRECT_RESELLER');
    const created = await register(theirs.ctx);
    const { deliveryId } = await sendTestEvent(theirs.ctx, { endpointId: created.endpointId });
    const endpointId = created.endpointId;
    for (const call of [
      () => setWebhookEndpointEnabled(ours.ctx, { endpointId, enabled: false }),
      () => deleteWebhookEndpoint(ours.ctx, { endpointId }),
      () => sendTestEvent(ours.ctx, { endpointId }),
      () => findWebhookDeliveries(ours.ctx, { endpointId }),
      () => resendWebhookDelivery(ours.ctx, { deliveryId }),
    ])
      await expect(call()).rejects.toBeInstanceOf(NotFound);
    expect(await findWebhookEndpoints(ours.ctx)).toEqual([]);
    expect(await db().webhookEndpoint.findUniqueOrThrow({ where: { id: endpointId } })).toMatchObject({
      enabled: true,
    });
    expect(await db().webhookDelivery.count()).toBe(1);
  });
});
