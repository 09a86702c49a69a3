'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { resetUserFactorsAction } from '@/actions/security';
import { FormError } from './form-error';

/**
 * An admin resets a user's sign-in factors (that user's sessions end).
 * Needs the `mfa` messages (IntlClient namespaces={['mfa']}) around it.
 */
export function ResetFactorsButton({ userId, userName }: { userId: string; userName: string }) {
  const t = useTranslations('mfa.reset');
  const [state, reset, pending] = useActionState(resetUserFactorsAction, undefined);
  return (
    <form action={reset} className="inline-flex flex-col gap-1">
      <input type="hidden" name="userId" value={userId} />
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        className="px-3 py-1"
        aria-label={t('buttonNamed', { name: userName })}
      >
        {t('button')}
      </Button>
      {state?.ok ? (
        <span role="status" className="text-xs text-green-800">
          {t('done')}
        </span>
      ) : null}
      <FormError state={state} />
    </form>
  );
}
