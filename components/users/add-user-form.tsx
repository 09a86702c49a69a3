'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';

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
  const tr = useTranslations('roles');
  const [state, run, pending] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={run} className="flex flex-wrap items-start gap-4" key={state?.ok ? state.data?.userId : 'form'}>
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
        defaultValue={String(typed?.role ?? roles[roles.length - 1] ?? '')}
        errors={errors?.role}
      >
        {roles.map((role) => (
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
