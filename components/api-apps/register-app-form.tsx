'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { Field } from '@/components/ui/field';
import { SecretOnce } from './secret-once';

type Result = { appId: string; clientId: string; clientSecret: string };
type Props = {
  /** The scopes this admin may give an app. */
  scopes: readonly string[];
  action: (prev: ActionState<Result> | undefined, form: FormData) => Promise<ActionState<Result>>;
};

/** Register an app: a name and its scopes; the secret is shown once, here, on success. */
export function RegisterAppForm({ scopes, action }: Props) {
  const t = useTranslations('apiApps');
  const [state, run, pending] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  const checked = new Set([typed?.scopes ?? []].flat());
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={run} className="flex max-w-2xl flex-col gap-4" key={state?.ok ? state.data?.appId : 'form'}>
      <Field
        label={t('name')}
        name="name"
        maxLength={80}
        defaultValue={String(typed?.name ?? '')}
        errors={errors?.name}
      />
      <CheckboxGroup legend={t('scopes')} name="scopes" options={scopes} checked={checked} errors={errors?.scopes} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('register')}
        </Button>
      </div>
      {state && !state.ok && state.formError ? (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
      {state?.ok && state.data ? (
        <SecretOnce clientId={state.data.clientId} clientSecret={state.data.clientSecret} />
      ) : null}
    </form>
  );
}
