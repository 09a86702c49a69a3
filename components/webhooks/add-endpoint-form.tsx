'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { CheckboxGroup } from '@/components/ui/checkbox-group';
import { Field } from '@/components/ui/field';

type Result = { endpointId: string; secret: string };
type Props = {
  events: readonly string[];
  action: (prev: ActionState<Result> | undefined, form: FormData) => Promise<ActionState<Result>>;
};

/** Add endpoint: a URL and the events wanted; the signing secret is shown once, here, on success. */
export function AddEndpointForm({ events, action }: Props) {
  const t = useTranslations('webhooks');
  const [state, run, pending] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  const checked = new Set([typed?.events ?? []].flat());
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={run} className="flex max-w-2xl flex-col gap-4" key={state?.ok ? state.data?.endpointId : 'form'}>
      <Field
        label={t('url')}
        name="url"
        type="url"
        inputMode="url"
        maxLength={2000}
        placeholder="https://"
        defaultValue={String(typed?.url ?? '')}
        errors={errors?.url}
      />
      <CheckboxGroup legend={t('events')} name="events" options={events} checked={checked} errors={errors?.events} />
      <div>
        <Button type="submit" disabled={pending}>
          {t('add')}
        </Button>
      </div>
      {state && !state.ok && state.formError ? (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
      {state?.ok && state.data ? (
        <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
            <dt className="font-medium">{t('secret')}</dt>
            <dd className="font-mono break-all" data-secret>
              {state.data.secret}
            </dd>
          </dl>
          <p className="mt-2 font-medium">{t('secretOnce')}</p>
        </div>
      ) : null}
    </form>
  );
}
