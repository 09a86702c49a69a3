'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { confirmTotpAction, removeTotpAction, startTotpSetupAction } from '@/actions/security';
import type { SecurityView } from '@/lib/mfa/find-security-view';
import { FormError } from './form-error';
import { RecoveryCodesList } from './recovery-codes-list';

/** Authenticator app: set up (QR code and secret), confirm with a code, remove. */
export function TotpSection({ totp }: { totp: SecurityView['totp'] }) {
  const t = useTranslations('mfa.totp');
  const [setupState, setup, settingUp] = useActionState(startTotpSetupAction, undefined);
  const [confirmState, confirm, confirming] = useActionState(confirmTotpAction, undefined);
  const [removeState, remove, removing] = useActionState(removeTotpAction, undefined);
  const codes = confirmState?.ok ? confirmState.data?.recoveryCodes : null;
  return (
    <div className="flex flex-col gap-3">
      {totp === null ? (
        <form action={setup} className="flex flex-col items-start gap-2">
          <p className="text-sm text-slate-700">{t('none')}</p>
          <Button type="submit" disabled={settingUp}>
            {t('setUp')}
          </Button>
          <FormError state={setupState} />
        </form>
      ) : null}
      {totp && !totp.confirmed ? (
        <div className="flex flex-col gap-3">
          <p className="text-sm">{t('scan')}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
          <img src={totp.qrDataUrl} alt={t('qrAlt')} width={200} height={200} className="border border-slate-300" />
          <dl className="grid grid-cols-[max-content_1fr] gap-x-3 text-sm">
            <dt className="font-medium">{t('secret')}</dt>
            <dd className="font-mono break-all" data-testid="totp-secret">
              {totp.secret}
            </dd>
          </dl>
          <form action={confirm} className="flex max-w-xs flex-col gap-2">
            <Field
              label={t('code')}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={10}
              required
              errors={confirmState && !confirmState.ok ? confirmState.fieldErrors?.code : undefined}
            />
            <div>
              <Button type="submit" disabled={confirming}>
                {t('verify')}
              </Button>
            </div>
            <FormError state={confirmState} />
          </form>
        </div>
      ) : null}
      {totp?.confirmed ? <p className="text-sm">{t('confirmed')}</p> : null}
      {totp ? (
        <form action={remove}>
          <Button
            type="submit"
            variant="secondary"
            disabled={removing}
            aria-label={totp.confirmed ? t('removeNamed') : t('cancel')}
          >
            {totp.confirmed ? t('remove') : t('cancel')}
          </Button>
          <FormError state={removeState} />
        </form>
      ) : null}
      {codes ? <RecoveryCodesList codes={codes} /> : null}
    </div>
  );
}
