'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
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
      <fieldset aria-describedby={errors?.scopes ? 'scopes-error' : undefined}>
        <legend className="mb-1 text-sm font-medium">{t('scopes')}</legend>
        <div className="grid grid-cols-1 gap-1 sm:grid-cols-2">
          {scopes.map((scope) => (
            <label key={scope} className="flex items-center gap-2 font-mono text-sm">
              <input
                type="checkbox"
                name="scopes"
                value={scope}
                defaultChecked={checked.has(scope)}
                className="size-4"
              />
              {scope}
            </label>
          ))}
        </div>
        {errors?.scopes ? (
          <p id="scopes-error" className="mt-1 text-sm text-red-700">
            {errors.scopes.join(' ')}
          </p>
        ) : null}
      </fieldset>
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
