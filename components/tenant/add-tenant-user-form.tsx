'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { NewUserFields } from '@/components/users/new-user-fields';
import { TemporaryPassword } from './temporary-password';

type Result = { userId: string; email: string; temporaryPassword: string };
type Props = {
  customerId: string;
  action: (prev: ActionState<Result> | undefined, form: FormData) => Promise<ActionState<Result>>;
};

/** Add user in a customer tenant: the temporary password is shown once, here, on success. */
export function AddTenantUserForm({ customerId, action }: Props) {
  const t = useTranslations('users');
  const tt = useTranslations('tenant');
  const [state, run, pending] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="flex flex-col gap-3">
      <form action={run} className="flex flex-wrap items-start gap-4" key={state?.ok ? state.data?.userId : 'form'}>
        <input type="hidden" name="customerId" value={customerId} />
        <NewUserFields
          roles={['CUSTOMER_USER', 'CUSTOMER_ADMIN']}
          defaultRole="CUSTOMER_USER"
          typed={typed}
          errors={errors}
        />
        <div className="self-end">
          <Button type="submit" disabled={pending}>
            {t('add')}
          </Button>
        </div>
      </form>
      {state && !state.ok && state.formError ? (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
      {state?.ok && state.data ? (
        <TemporaryPassword message={tt('added', { email: state.data.email })} password={state.data.temporaryPassword} />
      ) : null}
    </div>
  );
}
