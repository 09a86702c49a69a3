import 'server-only';
import { startPollingWorker } from '@/lib/email/polling-worker';
import { deliverDueWebhooks } from './deliver';

const POLL_MS = 2_000;

/**
 * Sends due webhook deliveries every few seconds until the returned function
 * is called, as the mail worker does (startPollingWorker: no overlapping
 * ticks, the timer never keeps the process alive, one per process). Several
 * workers in any processes may run at once: claims never overlap (deliver.ts).
 */
export function startWebhookWorker(options: { intervalMs?: number } = {}): () => void {
  return startPollingWorker('webhooks', options.intervalMs ?? POLL_MS, async () => {
    const { delivered, retried, failed } = await deliverDueWebhooks();
    if (delivered || retried || failed)
      console.info(`[webhooks] delivered ${delivered}, will retry ${retried}, failed ${failed}`);
    return delivered + retried + failed > 0;
  });
}
