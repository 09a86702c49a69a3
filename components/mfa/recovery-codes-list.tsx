'use client';
import { useTranslations } from '@/components/ui/intl';

/** New recovery codes, shown this once. */
export function RecoveryCodesList({ codes }: { codes: string[] }) {
  const t = useTranslations('mfa.recovery');
  return (
    <div role="status" className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="mb-2 font-medium">{t('once')}</p>
      <ul aria-label={t('title')} className="grid grid-cols-2 gap-1 font-mono sm:grid-cols-5">
        {codes.map((code) => (
          <li key={code} data-recovery-code>
            {code}
          </li>
        ))}
      </ul>
    </div>
  );
}
