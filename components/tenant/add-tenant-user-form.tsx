'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
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
  const tr = useTranslations('roles');
  const [state, run, pending] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <div className="flex flex-col gap-3">
      <form action={run} className="flex flex-wrap items-start gap-4" key={state?.ok ? state.data?.userId : 'form'}>
        <input type="hidden" name="customerId" value={customerId} />
        <Field
          label={t('email')}
          name="email"
          type="email"
          autoComplete="off"
          maxLength={254}
          defaultValue={String(typed?.email ?? '')}
          errors={errors?.email}
        />
        <Field
          label={t('name')}
          name="name"
          maxLength={100}
          defaultValue={String(typed?.name ?? '')}
          errors={errors?.name}
        />
        <SelectField
          label={t('role')}
          name="role"
          id="add-user-role"
          defaultValue={String(typed?.role ?? 'CUSTOMER_USER')}
          errors={errors?.role}
        >
          {['CUSTOMER_USER', 'CUSTOMER_ADMIN'].map((role) => (
            <option key={role} value={role}>
              {tr(role)}
            </option>
          ))}
        </SelectField>
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
