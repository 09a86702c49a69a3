// `npm run mail:worker`: delivers the outbox and the webhooks (and sends the
// delegated admin relationships' expiry notices) on its own,
// beside web processes started with MAIL_WORKER=off (or as one more worker:
// claims never overlap).
// Runs with the react-server condition so lib/'s `server-only` marker loads.
import { disconnectDb } from '../lib/db';
import { startMailWorker } from '../lib/email/worker';
import { startWebhookWorker } from '../lib/webhooks/worker';
import { startNoticeWorker } from '../lib/admin-relationships/send-notices';
import { envIsSet, readEnv } from '../lib/env/schema';

if (!readEnv('DATABASE_URL')) {
  console.error('DATABASE_URL is not set: the worker delivers the outbox of a PostgreSQL server.');
  process.exit(1);
}
// As before: any value counts here (the portal trims it before use).
if (!envIsSet('SMTP_URL')) {
  console.error('SMTP_URL is not set: without it mail stays in the outbox (the portal shows it on /mailbox).');
  process.exit(1);
}

const stopMail = startMailWorker();
const stopWebhooks = startWebhookWorker();
const stopNotices = startNoticeWorker();
// The worker's timer does not keep a process alive; this one is the process.
const keepAlive = setInterval(() => {}, 60_000);
console.log('Mail and webhook worker running. Press Ctrl+C to stop.');

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  stopMail();
  stopNotices();
  stopWebhooks();
  clearInterval(keepAlive);
  await disconnectDb();
  process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());
