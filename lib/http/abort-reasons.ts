// Every render's Error stays small: an abort reason's stack is formatted when
// it is given, so the Error holds a string, not V8's frames (decision 0050).
//
// React's Flight server ends each render with
// `cacheController.abort(new Error('This render completed successfully…'))`,
// created inside a setImmediate callback. Until its `.stack` is read, V8 keeps
// the Error's frames with their receivers, here the Immediate. A run
// Immediate keeps `_idleNext`, the Immediates queued after it, and on Node 20
// each of those carries the AsyncLocalStorage store it was made in: the next
// render's Flight request, whose own abort reason holds the next Immediate.
// One render held by anything long-lived (a module's exports promise made
// during a request) so kept every later render, request and response: about
// 80 KB a signed-in page, until V8's heap limit stopped the process.

let installed: (() => void) | null = null;

// React's reason for ending every render (not a failure; its stack says nothing).
const RENDER_COMPLETED = 'This render completed successfully';

/**
 * Reading the stack formats it, and V8 then drops the frames. React's
 * end-of-render reason gets its text set instead: the same effect without
 * formatting the frames (Next's Error.prepareStackTrace) on every page.
 */
function dropFrames(reason: Error): void {
  if (reason.message.startsWith(RENDER_COMPLETED)) reason.stack = `${reason.name}: ${reason.message}`;
  else void reason.stack;
}

/** Formats the stack of every Error given to AbortController#abort; returns a function that undoes it. */
export function formatAbortReasonStacks(): () => void {
  if (installed) return installed;
  const abort = Object.getOwnPropertyDescriptor(AbortController.prototype, 'abort')!;
  const original = abort.value as (this: AbortController, reason?: unknown) => void;
  Object.defineProperty(AbortController.prototype, 'abort', {
    ...abort,
    value: function abortWithFormattedStack(this: AbortController, reason?: unknown) {
      if (reason instanceof Error) dropFrames(reason);
      return original.call(this, reason);
    },
  });
  installed = () => {
    Object.defineProperty(AbortController.prototype, 'abort', abort);
    installed = null;
  };
  return installed;
}
