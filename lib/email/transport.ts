import 'server-only';
import nodemailer, { type Transporter } from 'nodemailer';
import { readEnv } from '@/lib/env/schema';

// The SMTP connection, from SMTP_URL (README "Configuration"). Read when
// first needed, not at import, so it sees the environment as the start
// script or a test left it (tests set and delete SMTP_URL at run time).
// nodemailer's logger stays off: a log line must never carry a message body
// (invitation links are in them).

// A stalled server must not hold the worker for nodemailer's default hour;
// the delivery lease (deliver.ts) outlasts a batch at these limits.
// Query parameters of SMTP_URL (e.g. `?connectionTimeout=30000`) override them.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function smtpUrl(): string | null {
  return readEnv('SMTP_URL') ?? null;
}

/** The sender of every message: MAIL_FROM, else the portal's no-reply address. */
export function mailFrom(): string {
  return readEnv('MAIL_FROM');
}

let cached: { url: string; transport: Transporter } | undefined;

/** The SMTP transport, or null without SMTP_URL (mail then stays in the outbox). */
export function mailTransport(): Transporter | null {
  const url = smtpUrl();
  if (!url) return null;
  if (cached?.url !== url) {
    cached?.transport.close();
    cached = { url, transport: nodemailer.createTransport({ url, ...TIMEOUTS, logger: false, debug: false }) };
  }
  return cached.transport;
}
