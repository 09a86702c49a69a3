'use client';
import { useActionState } from 'react';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';

type Props = {
  action: (prev: ActionState<never> | undefined, form: FormData) => Promise<ActionState<never>>;
  fields: Record<string, string>;
  label: string;
  danger?: boolean;
};

/** A confirmed change on the partner relationships page; its error shows next to the button. */
export function RelationshipActionForm({ action, fields, label, danger }: Props) {
  const [state, run, pending] = useActionState(action, undefined);
  return (
    <form action={run} className="flex flex-col gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button
        type="submit"
        variant={danger ? 'primary' : 'secondary'}
        disabled={pending}
        className={danger ? 'bg-red-700 hover:bg-red-800' : ''}
      >
        {label}
      </Button>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
