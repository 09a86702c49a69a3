// All domain time comes from here, so tests can move it.
// The offset lives on globalThis: a production build may load this module
// once per route bundle, and the e2e clock route (app/api/test/clock) must
// move the time every page and action of the process sees.
const state = ((globalThis as { __pcClockOffset?: { ms: number } }).__pcClockOffset ??= { ms: 0 });

export const clock = {
  now(): Date {
    return new Date(Date.now() + state.ms);
  },
  /** Tests only: shift the clock by `ms`. */
  advance(ms: number) {
    state.ms += ms;
  },
  reset() {
    state.ms = 0;
  },
};
