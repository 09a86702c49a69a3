'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { CheckboxField } from '@/components/ui/checkbox-field';
import { setRequireMfaAction } from '@/actions/security';
import { FormError } from './form-error';

/**
 * Require multi-factor sign-in for the admin's own organisation or tenant.
 * Needs the `mfa` messages (IntlClient namespaces={['mfa']}) around it.
 */
export function RequireMfaForm({ requireMfa }: { requireMfa: boolean }) {
  const t = useTranslations('mfa.organisation');
  const [state, save, pending] = useActionState(setRequireMfaAction, undefined);
  return (
    <form action={save} className="flex flex-col items-start gap-3">
      <CheckboxField
        label={t('require')}
        name="requireMfa"
        hint={t('requireHint')}
        defaultChecked={state?.ok && state.data ? state.data.requireMfa : requireMfa}
      />
      <Button type="submit" disabled={pending}>
        {t('save')}
      </Button>
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800">
          {t('saved')}
        </p>
      ) : null}
      <FormError state={state} />
    </form>
  );
}
