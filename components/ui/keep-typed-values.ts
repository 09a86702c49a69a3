import type { FormEvent } from 'react';

/**
 * `onReset` of a form posted through `useActionState` (`action={formAction}`)
 * that keeps what was typed after the answer. React resets such a form once
 * its action has run: uncontrolled fields go back to their first values, and
 * controlled selects and checkboxes show their first option while their state
 * keeps the chosen one (facebook/react#30580), so the next post would send
 * what is not shown. Cancelling that reset keeps every field as the user left
 * it: a refusal shows its messages next to what was typed, and a form that
 * should start again after a success does so from its own state.
 */
export function keepTypedValues(event: FormEvent<HTMLFormElement>) {
  event.preventDefault();
}
