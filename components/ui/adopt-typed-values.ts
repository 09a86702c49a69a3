'use client';
import { useEffect } from 'react';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isControl = (el: Element | null): el is Control =>
  el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement;

/**
 * What a user typed (or the browser filled in) before the page's script took
 * over its form stays in the inputs after hydration, but React's state does
 * not know it (facebook/react#26974), so the next render of a controlled
 * input wipes it and a submit sends the old state. Once, after hydration,
 * `adopt(id, value)` is called for every listed control whose value differs
 * from `current(id)`; later changes arrive through `onChange` as usual.
 */
export function useAdoptTypedValues(
  ids: readonly string[],
  current: (id: string) => string,
  adopt: (id: string, value: string) => void,
) {
  useEffect(() => {
    for (const id of ids) {
      const el = document.getElementById(id);
      if (isControl(el) && el.value !== current(id)) adopt(id, el.value);
    }
    // Once, on mount: the values typed before hydration are there only then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}
