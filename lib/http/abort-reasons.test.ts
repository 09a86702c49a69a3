import { AsyncLocalStorage } from 'node:async_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import { formatAbortReasonStacks } from './abort-reasons';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/**
 * As React's Flight server does under load: renders, each in its own
 * AsyncLocalStorage store, end in the same batch of Immediates by aborting
 * their controller with a new Error. The first render stays referenced (as a
 * module's exports promise made during a request keeps it); returns how many
 * of the others are still alive after a full collection.
 */
async function rendersKeptAlive(count: number): Promise<number> {
  const storage = new AsyncLocalStorage<{ controller: AbortController; rows: number[] }>();
  const refs: WeakRef<object>[] = [];
  let first: object | undefined;
  await new Promise<void>((done) => {
    let left = count;
    for (let i = 0; i < count; i++) {
      const render = { controller: new AbortController(), rows: new Array<number>(1000).fill(i) };
      if (i === 0) first = render;
      else refs.push(new WeakRef(render));
      storage.run(render, () =>
        setImmediate(() => {
          storage.getStore()!.controller.abort(new Error('This render completed successfully.'));
          if (--left === 0) done();
        }),
      );
    }
  });
  await tick();
  gc();
  await tick();
  gc();
  expect(first).toBeDefined();
  return refs.filter((ref) => ref.deref() !== undefined).length;
}

describe('abort reasons', () => {
  let undo: (() => void) | null = null;
  afterEach(() => {
    undo?.();
    undo = null;
  });

  it('without formatting, one render kept alive keeps every later one (the chain the fix breaks)', async () => {
    expect(await rendersKeptAlive(100)).toBe(99);
  });

  it('with formatting, the later renders are collected', async () => {
    undo = formatAbortReasonStacks();
    expect(await rendersKeptAlive(100)).toBe(0);
  });

  it('still aborts with the reason given', () => {
    undo = formatAbortReasonStacks();
    const controller = new AbortController();
    const reason = new Error('done');
    controller.abort(reason);
    expect(controller.signal.aborted).toBe(true);
    expect(controller.signal.reason).toBe(reason);
    expect(reason.stack).toContain('done');
    expect(reason.stack).toContain('abort-reasons.test'); // another reason keeps where it was made
    const plain = new AbortController();
    plain.abort();
    expect(plain.signal.reason).toBeInstanceOf(DOMException);
  });

  it("keeps React's end-of-render reason as its text alone", () => {
    undo = formatAbortReasonStacks();
    const reason = new Error('This render completed successfully. All cacheSignals are now aborted.');
    new AbortController().abort(reason);
    expect(reason.stack).toBe(`Error: ${reason.message}`);
  });
});
