import 'server-only';
import { describeError } from './deliver';

const running = globalThis as unknown as { __pcWorkers?: Map<string, () => void> };

/**
 * A worker that runs `round` every `intervalMs` until the returned function
 * is called: a tick starts only after the previous one ended (no overlap),
 * drains a backlog while `round` says there is more, never keeps the process
 * alive, and starting one of the same name twice in a process returns the
 * one already running. A failed round is logged with `[name]` and tried
 * again at the next tick. The outbox's mail worker and the webhook worker.
 */
export function startPollingWorker(name: string, intervalMs: number, round: () => Promise<boolean>): () => void {
  const workers = (running.__pcWorkers ??= new Map());
  const existing = workers.get(name);
  if (existing) return existing;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const tick = async () => {
    try {
      while (!stopped && (await round()));
    } catch (error) {
      // Never the message itself: only what went wrong.
      console.error(`[${name}] delivery stopped for this round: ${describeError(error)}`);
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
    if (workers.get(name) === stop) workers.delete(name);
  };
  workers.set(name, stop);
  schedule();
  return stop;
}
