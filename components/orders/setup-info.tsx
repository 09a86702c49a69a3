'use client';
import { useState } from 'react';
import { Link } from '@/components/ui/link';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';

type Props = {
  adminEmail: string;
  temporaryPassword: string | null;
  replayed: boolean;
  companyName: string;
  doneHref: string;
};

/** Confirmation (R6): the temporary password lives only in this page's state; a reload shows the empty form. */
export function SetupInfo({ adminEmail, temporaryPassword, replayed, companyName, doneHref }: Props) {
  const t = useTranslations('newCustomer');
  const [copied, setCopied] = useState<'ok' | 'failed' | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(
        `${t('adminUser')}: ${adminEmail}\n${t('temporaryPassword')}: ${temporaryPassword ?? ''}`,
      );
      setCopied('ok');
    } catch {
      setCopied('failed');
    }
  }

  return (
    <div className="flex flex-col gap-4">
      <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm">
        {replayed ? t('alreadyCreated', { company: companyName }) : t('created', { company: companyName })}
      </p>
      <section aria-labelledby="setup-info" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="setup-info" className="mb-3 text-lg font-semibold">
          {t('setupInfo')}
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[12rem_1fr]">
          <dt className="text-sm text-slate-600">{t('adminUser')}</dt>
          <dd className="font-mono text-sm">{adminEmail}</dd>
          {temporaryPassword ? (
            <>
              <dt className="text-sm text-slate-600">{t('temporaryPassword')}</dt>
              <dd className="font-mono text-sm" data-testid="temporary-password">
                {temporaryPassword}
              </dd>
            </>
          ) : null}
        </dl>
        {temporaryPassword ? (
          <>
            <p role="note" className="mt-3 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
              {t('passwordOnce')}
            </p>
            <div className="mt-3 flex flex-wrap items-center gap-3">
              <Button type="button" variant="secondary" onClick={copy}>
                {t('copy')}
              </Button>
              <span role="status" className="text-sm text-green-800">
                {copied === 'ok' ? t('copied') : null}
              </span>
              {copied === 'failed' ? (
                <span role="alert" className="text-sm text-red-700">
                  {t('copyFailed')}
                </span>
              ) : null}
            </div>
          </>
        ) : (
          <p className="mt-3 text-sm">{t('passwordNotShown')}</p>
        )}
      </section>
      <div>
        <Link
          href={doneHref}
          className="inline-block rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark"
        >
          {t('done')}
        </Link>
      </div>
    </div>
  );
}
