'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { TemporaryPassword } from './temporary-password';

type Result = { email: string; temporaryPassword: string };
type Props = {
  customerId: string;
  userId: string;
  name: string;
  action: (prev: ActionState<Result> | undefined, form: FormData) => Promise<ActionState<Result>>;
};

/** Reset password of a tenant user: a new temporary password, shown once under the button. */
export function ResetPasswordButton({ customerId, userId, name, action }: Props) {
  const t = useTranslations('tenant');
  const [state, run, pending] = useActionState(action, undefined);
  return (
    <form action={run} className="inline-flex flex-col gap-1">
      <input type="hidden" name="customerId" value={customerId} />
      <input type="hidden" name="userId" value={userId} />
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        className="px-3 py-1"
        aria-label={t('resetNamed', { name })}
      >
        {t('resetPassword')}
      </Button>
      {state?.ok && state.data ? (
        <TemporaryPassword message={t('reset', { email: state.data.email })} password={state.data.temporaryPassword} />
      ) : null}
      {state && !state.ok ? (
        <span role="alert" className="text-xs text-red-700">
          {state.formError}
        </span>
      ) : null}
    </form>
  );
}
