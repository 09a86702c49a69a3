'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';

const ROLES = [
  'GLOBAL_READER',
  'USER_ADMINISTRATOR',
  'HELPDESK_ADMINISTRATOR',
  'LICENSE_ADMINISTRATOR',
  'GLOBAL_ADMINISTRATOR',
] as const;

type Props = {
  customerId: string;
  customer: string;
  action: (
    prev: ActionState<{ relationshipId: string }> | undefined,
    form: FormData,
  ) => Promise<ActionState<{ relationshipId: string }>>;
};

/** Request a relationship: name, duration, roles and auto-extend; refusals keep what was chosen. */
export function RequestRelationshipForm({ customerId, customer, action }: Props) {
  const t = useTranslations('adminRelationships');
  const [state, run, pending] = useActionState(action, undefined);
  const typed = state && !state.ok ? state.values : undefined;
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const checked = new Set([typed?.roles ?? ['USER_ADMINISTRATOR', 'LICENSE_ADMINISTRATOR']].flat());
  return (
    <form action={run} className="flex max-w-2xl flex-col gap-4" key={state?.ok ? state.data?.relationshipId : 'form'}>
      <input type="hidden" name="customerId" value={customerId} />
      <Field
        label={t('name')}
        id="relationship-name"
        name="name"
        maxLength={50}
        defaultValue={String(typed?.name ?? '')}
        errors={errors?.name}
      />
      <Field
        label={t('duration')}
        name="durationDays"
        type="number"
        min={1}
        max={730}
        defaultValue={String(typed?.durationDays ?? '730')}
        errors={errors?.durationDays}
      />
      <fieldset className="flex flex-col gap-1" aria-describedby={errors?.roles ? 'roles-error' : undefined}>
        <legend className="text-sm font-medium">{t('roles')}</legend>
        {ROLES.map((role) => (
          <label key={role} className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="roles" value={role} defaultChecked={checked.has(role)} />
            {t(`roleNames.${role}`)}
          </label>
        ))}
        {errors?.roles ? (
          <p id="roles-error" className="text-sm text-red-700">
            {errors.roles.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <SelectField
        label={t('autoExtend')}
        name="autoExtend"
        defaultValue={String(typed?.autoExtend ?? 'off')}
        errors={errors?.autoExtend}
      >
        <option value="off">{t('autoExtendOff')}</option>
        <option value="180">{t('autoExtend180')}</option>
      </SelectField>
      <p className="-mt-2 text-xs text-slate-600">{t('autoExtendHint')}</p>
      <div>
        <Button type="submit" disabled={pending}>
          {t('request')}
        </Button>
      </div>
      {state && !state.ok && state.formError ? (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800">
          {t('requested', { customer })}
        </p>
      ) : null}
    </form>
  );
}
