import 'server-only';
import { deliverDueMessages, describeError } from './deliver';

const POLL_MS = 5_000;

const running = globalThis as unknown as { __pcMailWorker?: () => void };

/**
 * Delivers the outbox every few seconds until the returned function is
 * called. A tick starts only after the previous one ended (no overlap), and
 * the timer never keeps the process alive. Several workers, in this process
 * or others, may run at once: claims never overlap (deliver.ts). Starting it
 * twice in one process returns the worker already running.
 */
export function startMailWorker(options: { intervalMs?: number } = {}): () => void {
  if (running.__pcMailWorker) return running.__pcMailWorker;
  const intervalMs = options.intervalMs ?? POLL_MS;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const tick = async () => {
    try {
      // Drain a backlog in batches, then wait for the next tick.
      for (;;) {
        const { sent, failed, retried } = await deliverDueMessages();
        if (sent || failed || retried) console.info(`[mail] sent ${sent}, will retry ${retried}, failed ${failed}`);
        if (stopped || sent + failed + retried === 0 || retried > 0) break;
      }
    } catch (error) {
      // Never the message itself: only what went wrong.
      console.error(`[mail] delivery stopped for this round: ${describeError(error)}`);
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
    if (running.__pcMailWorker === stop) running.__pcMailWorker = undefined;
  };
  running.__pcMailWorker = stop;
  schedule();
  return stop;
}
