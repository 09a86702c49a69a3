'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { renewRecoveryCodesAction } from '@/actions/security';
import { FormError } from './form-error';
import { RecoveryCodesList } from './recovery-codes-list';

/** How many recovery codes are left, and Generate new recovery codes (shown once). */
export function RecoveryCodesSection({ left, hasFactor }: { left: number; hasFactor: boolean }) {
  const t = useTranslations('mfa.recovery');
  const [state, renew, pending] = useActionState(renewRecoveryCodesAction, undefined);
  return (
    <div className="flex flex-col gap-2 text-sm">
      <p className="text-slate-700">{t('intro')}</p>
      {hasFactor ? (
        <>
          <p>{t('left', { count: left })}</p>
          <form action={renew}>
            <Button type="submit" variant="secondary" disabled={pending}>
              {t('generate')}
            </Button>
            <FormError state={state} />
          </form>
        </>
      ) : (
        <p>{t('needFactor')}</p>
      )}
      {state?.ok && state.data ? <RecoveryCodesList codes={state.data.recoveryCodes} /> : null}
    </div>
  );
}
