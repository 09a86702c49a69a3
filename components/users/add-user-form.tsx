'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { NewUserFields } from './new-user-fields';

type Result = { userId: string; email: string };
type Props = {
  /** The roles this admin may give. */
  roles: readonly string[];
  days: number;
  action: (prev: ActionState<Result> | undefined, form: FormData) => Promise<ActionState<Result>>;
};

/** Add user: email, name and role; the invitation is mailed, and the form is empty again. */
export function AddUserForm({ roles, days, action }: Props) {
  const t = useTranslations('users');
  const [state, run, pending] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={run} className="flex flex-wrap items-start gap-4" key={state?.ok ? state.data?.userId : 'form'}>
      <NewUserFields roles={roles} defaultRole={roles[roles.length - 1] ?? ''} typed={typed} errors={errors} />
      <div className="self-end">
        <Button type="submit" disabled={pending}>
          {t('add')}
        </Button>
      </div>
      {state && !state.ok && state.formError ? (
        <p role="alert" className="w-full text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
      {state?.ok && state.data ? (
        <p role="status" className="w-full text-sm text-green-800">
          {t('invited', { email: state.data.email, days })}
        </p>
      ) : null}
    </form>
  );
}
