'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';

type Props = {
  action: (
    prev: ActionState<{ groupId: string }> | undefined,
    form: FormData,
  ) => Promise<ActionState<{ groupId: string }>>;
};

/** Create group: a name unique in the organisation. */
export function CreateGroupForm({ action }: Props) {
  const t = useTranslations('groups');
  const [state, run, pending] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  return (
    <form action={run} className="flex flex-wrap items-start gap-3" key={state?.ok ? state.data?.groupId : 'form'}>
      <Field
        label={t('name')}
        id="group-name"
        name="name"
        maxLength={50}
        defaultValue={String(typed?.name ?? '')}
        errors={state && !state.ok ? state.fieldErrors?.name : undefined}
      />
      <div className="self-end">
        <Button type="submit" disabled={pending}>
          {t('create')}
        </Button>
      </div>
      {state?.ok ? (
        <p role="status" className="w-full text-sm text-green-800">
          {t('created')}
        </p>
      ) : null}
    </form>
  );
}
