import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/ui/action-button';
import { reactivateAction, suspendAction } from '@/actions/subscriptions';

type Props = {
  subscriptionId: string;
  version: number;
  may: { suspend: boolean; reactivate: boolean; cancel: boolean };
  /** Shown instead of the cancel link when the 168-hour window has closed (R7). */
  cancelClosed: string | null;
};

/** Suspend or Reactivate, and the way to the cancel confirmation (R7). */
export async function StatusActions({ subscriptionId, version, may, cancelClosed }: Props) {
  const t = await getTranslations('subscriptionDetail');
  const fields = { subscriptionId, version: String(version) };
  return (
    <div className="flex flex-col gap-3 rounded border border-slate-200 bg-white p-4">
      {may.suspend ? (
        <div className="flex flex-wrap items-center gap-3">
          <ActionButton
            action={suspendAction}
            fields={fields}
            label={t('suspend')}
            done={{ suspended: t('suspendedDone') }}
          />
          <p className="text-sm text-slate-700">{t('suspendHint')}</p>
        </div>
      ) : null}
      {may.reactivate ? (
        <ActionButton
          action={reactivateAction}
          fields={fields}
          label={t('reactivate')}
          variant="primary"
          done={{ reactivated: t('reactivatedDone') }}
        />
      ) : null}
      {may.cancel ? (
        <Link
          href={`/subscriptions/${subscriptionId}/cancel`}
          className={
            'self-start rounded border border-red-700 bg-white px-3 ' +
            'py-1 text-sm font-medium text-red-800 hover:bg-red-50'
          }
        >
          {t('cancelLink')}
        </Link>
      ) : cancelClosed ? (
        <p className="text-sm text-slate-700">{cancelClosed}</p>
      ) : null}
    </div>
  );
}
