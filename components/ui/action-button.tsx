'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from './button';

type Props<T extends string> = {
  action: (prev: ActionState<T> | undefined, form: FormData) => Promise<ActionState<T>>;
  fields: Record<string, string>;
  label: string;
  /** The button's accessible name when the label alone is ambiguous (one button per row). */
  ariaLabel?: string;
  /** Shown after success, by the value the action returned. */
  done?: Partial<Record<T, string>>;
  variant?: 'primary' | 'secondary' | 'link';
};

/** One button that runs a server action on hidden fields and says how it went. */
export function ActionButton<T extends string>({
  action,
  fields,
  label,
  ariaLabel,
  done = {},
  variant = 'secondary',
}: Props<T>) {
  const [state, run, pending] = useActionState(action, undefined);
  return (
    <form action={run} className="inline-flex flex-col gap-1">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button type="submit" variant={variant} disabled={pending} className="px-3 py-1" aria-label={ariaLabel}>
        {label}
      </Button>
      {state?.ok && state.data && done[state.data] ? (
        <span role="status" className="text-xs text-green-800">
          {done[state.data]}
        </span>
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
