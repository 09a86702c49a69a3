// Next.js calls register() once when a server process starts: the mail and
// webhook workers and the relationship notices run in it (MAIL_WORKER=off leaves them to `npm run mail:worker`).
// NEXT_RUNTIME and NEXT_PHASE are the framework's, read literally (Next.js
// replaces NEXT_RUNTIME at build time, so the edge build drops the rest);
// the product's MAIL_WORKER goes through lib/env/schema.ts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { readEnv } = await import('./lib/env/schema');
  if (!readEnv('MAIL_WORKER')) return;
  const { startMailWorker } = await import('./lib/email/worker');
  startMailWorker();
  const { startWebhookWorker } = await import('./lib/webhooks/worker');
  startWebhookWorker();
  const { startNoticeWorker } = await import('./lib/admin-relationships/send-notices');
  startNoticeWorker();
}
