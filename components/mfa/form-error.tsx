import type { ActionState } from '@/lib/pipeline/form-state';

/** The refusal of an action, tied to its form. */
export function FormError({ state }: { state: ActionState<unknown> | undefined }) {
  if (!state || state.ok || !state.formError) return null;
  return (
    <p role="alert" className="text-sm text-red-700">
      {state.formError}
    </p>
  );
}
