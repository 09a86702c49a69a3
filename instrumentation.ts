// Next.js calls register() once when a server process starts: the mail
// worker runs in it (MAIL_WORKER=off leaves delivery to `npm run mail:worker`).
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build' || process.env.MAIL_WORKER === 'off') return;
  const { startMailWorker } = await import('./lib/email/worker');
  startMailWorker();
}
