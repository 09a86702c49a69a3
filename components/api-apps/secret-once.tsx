'use client';
import { useTranslations } from '@/components/ui/intl';

/** A client secret as it is shown, once, after registering an app or rotating its secret. */
export function SecretOnce({
  clientId,
  clientSecret,
  note,
}: {
  clientId?: string;
  clientSecret: string;
  note?: string;
}) {
  const t = useTranslations('apiApps');
  return (
    <div role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      {note ? <p className="mb-2">{note}</p> : null}
      <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1">
        {clientId ? (
          <>
            <dt className="font-medium">{t('clientId')}</dt>
            <dd className="font-mono break-all">{clientId}</dd>
          </>
        ) : null}
        <dt className="font-medium">{t('clientSecret')}</dt>
        <dd className="font-mono break-all" data-secret>
          {clientSecret}
        </dd>
      </dl>
      <p className="mt-2 font-medium">{t('secretOnce')}</p>
    </div>
  );
}
