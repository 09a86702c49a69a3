import 'server-only';
import { deliverDueMessages } from './deliver';
import { startPollingWorker } from './polling-worker';

const POLL_MS = 5_000;

/**
 * Delivers the outbox every few seconds until the returned function is
 * called (startPollingWorker: no overlapping ticks, the timer never keeps the
 * process alive, one per process). Several workers, in this process or
 * others, may run at once: claims never overlap (deliver.ts). A backlog is
 * drained in batches; a batch with a retry waits for the next tick.
 */
export function startMailWorker(options: { intervalMs?: number } = {}): () => void {
  return startPollingWorker('mail', options.intervalMs ?? POLL_MS, async () => {
    const { sent, failed, retried } = await deliverDueMessages();
    if (sent || failed || retried) console.info(`[mail] sent ${sent}, will retry ${retried}, failed ${failed}`);
    return sent + failed + retried > 0 && retried === 0;
  });
}
