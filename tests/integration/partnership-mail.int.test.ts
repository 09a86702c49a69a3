import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { resetDatabase } from '../setup/per-file';
import { startSmtpServer, type SmtpListener } from '../setup/smtp';
import { makeCtx, makeOrg } from '../factories';
import { db } from '@/lib/db';
import { clock } from '@/lib/clock';
import { deliverDueMessages } from '@/lib/email/deliver';
import { startPartnershipRequest } from '@/lib/partnerships/start-partnership-request';
import { sendPartnershipRequest } from '@/lib/partnerships/send-partnership-request';

let smtp: SmtpListener;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.stop());
beforeEach(async () => {
  await resetDatabase();
  await smtp.start();
  smtp.received.length = 0;
  process.env.SMTP_URL = smtp.url;
});
afterEach(() => {
  clock.reset();
  delete process.env.SMTP_URL;
});

it('with the SMTP server down, Send succeeds, the invitation stays queued, and is delivered once it is back', async () => {
  const provider = await makeOrg('INDIRECT_PROVIDER');
  const ctx = await makeCtx('ADMIN', { organizationId: provider.id });
  const draft = await startPartnershipRequest(ctx, { baseUrl: 'http://portal.test' });
  await smtp.stop();

  await expect(
    sendPartnershipRequest(ctx, {
      invitationId: draft.invitationId,
      subject: draft.subject,
      body: draft.body,
      resellerEmail: 'reseller@mail.test',
    }),
  ).resolves.toEqual({ sentTo: 'reseller@mail.test' });
  expect(await deliverDueMessages()).toMatchObject({ sent: 0, retried: 1 });
  const queued = await db().outboxMessage.findFirstOrThrow({ where: { kind: 'partnership-invitation' } });
  expect(queued).toMatchObject({ state: 'PENDING', attempts: 1 });

  await smtp.start();
  clock.advance(60 * 60 * 1000);
  expect(await deliverDueMessages()).toMatchObject({ sent: 1 });
  expect(await deliverDueMessages()).toMatchObject({ sent: 0 });
  expect(smtp.received).toHaveLength(1);
  expect(smtp.received[0]!.to).toEqual(['reseller@mail.test']);
  expect(smtp.received[0]!.raw.replace(/=\r?\n/g, '')).toContain(new URL(draft.link).pathname);
  expect((await db().outboxMessage.findUniqueOrThrow({ where: { id: queued.id } })).state).toBe('SENT');
});
