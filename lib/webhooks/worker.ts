import 'server-only';
import { describeError } from '@/lib/email/deliver';
import { deliverDueWebhooks } from './deliver';

const POLL_MS = 2_000;

const running = globalThis as unknown as { __pcWebhookWorker?: () => void };

/**
 * Sends due webhook deliveries every few seconds until the returned function
 * is called, as the mail worker does (lib/email/worker.ts): ticks never
 * overlap, the timer never keeps the process alive, several workers in any
 * processes may run at once (claims never overlap, deliver.ts), and starting
 * it twice in one process returns the worker already running.
 */
export function startWebhookWorker(options: { intervalMs?: number } = {}): () => void {
  if (running.__pcWebhookWorker) return running.__pcWebhookWorker;
  const intervalMs = options.intervalMs ?? POLL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const tick = async () => {
    try {
      for (;;) {
        const { delivered, retried, failed } = await deliverDueWebhooks();
        if (delivered || retried || failed)
          console.info(`[webhooks] delivered ${delivered}, will retry ${retried}, failed ${failed}`);
        if (stopped || delivered + retried + failed === 0) break;
      }
    } catch (error) {
      console.error(`[webhooks] delivery stopped for this round: ${describeError(error)}`);
    }
    schedule();
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), intervalMs);
    timer.unref();
  };

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    if (running.__pcWebhookWorker === stop) running.__pcWebhookWorker = undefined;
  };
  running.__pcWebhookWorker = stop;
  schedule();
  return stop;
}
