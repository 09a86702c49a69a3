'use client';
import { useState, useTransition } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { verifyMpnAction } from '@/actions/subscriptions';

type Result = { ok: true; text: string } | { ok: false; text: string };

/** "Indirect reseller not in the list? Enter MPN ID" with Verify (R8); the typed MPN ID is sent with Submit. */
export function VerifyMpn({
  subscriptionId,
  value,
  onChange,
  disabled,
  errors,
}: {
  subscriptionId: string;
  value: string;
  onChange: (v: string) => void;
  disabled: boolean;
  errors?: string[];
}) {
  const t = useTranslations('subscriptionDetail');
  const [result, setResult] = useState<Result>();
  const [pending, start] = useTransition();

  function verify() {
    const form = new FormData();
    form.set('subscriptionId', subscriptionId);
    form.set('mpnId', value);
    start(async () => {
      const r = await verifyMpnAction(undefined, form);
      setResult(
        r.ok && r.data
          ? { ok: true, text: t('verified', { name: r.data.legalName, mpnId: r.data.mpnId ?? '' }) }
          : { ok: false, text: r.fieldErrors?.mpnId?.join(' ') ?? r.formError ?? '' },
      );
    });
  }

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="resellerMpnId" className="text-sm font-medium">
        {t('mpnPrompt')}
      </label>
      <div className="flex gap-2">
        <input
          id="resellerMpnId"
          name="resellerMpnId"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          disabled={disabled}
          onChange={(e) => {
            onChange(e.target.value);
            setResult(undefined);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              verify();
            }
          }}
          aria-describedby="resellerMpnId-result"
          aria-invalid={result && !result.ok ? true : undefined}
          className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-3 py-2 text-sm"
        />
        <Button type="button" variant="secondary" onClick={verify} disabled={disabled || pending || !value.trim()}>
          {t('verify')}
        </Button>
      </div>
      <div id="resellerMpnId-result">
        {result?.ok ? (
          <p role="status" className="text-sm text-green-800">
            {result.text}
          </p>
        ) : null}
        {result && !result.ok ? (
          <p role="alert" className="text-sm text-red-700">
            {result.text}
          </p>
        ) : null}
        {errors?.length ? <p className="text-sm text-red-700">{errors.join(' ')}</p> : null}
      </div>
    </div>
  );
}
