import { Link } from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { AUDIT_ACTIONS, AUDIT_TARGET_TYPES } from '@/lib/reports/audit-actions';

export type AuditSearch = {
  actor?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  from?: string;
  to?: string;
  after?: string;
};

const input = 'rounded border border-slate-400 bg-white px-3 py-2 text-sm';

function TextFilter({ id, label, type = 'text', value }: { id: string; label: string; type?: string; value?: string }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <input id={id} name={id} type={type} defaultValue={value} className={input} />
    </div>
  );
}

/** The audit log's filters: a GET form, so a filtered view can be shared and reloaded. */
export async function AuditFilters({ search }: { search: AuditSearch }) {
  const [t, ta] = await Promise.all([getTranslations('auditLog'), getTranslations('auditActions')]);
  return (
    <form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-3">
      <TextFilter id="actor" label={t('actor')} value={search.actor} />
      <div className="flex flex-col gap-1">
        <label htmlFor="action" className="text-sm font-medium">
          {t('action')}
        </label>
        <select id="action" name="action" defaultValue={search.action ?? ''} className={input}>
          <option value="">{t('allActions')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a}>
              {ta(a)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="targetType" className="text-sm font-medium">
          {t('targetType')}
        </label>
        <select id="targetType" name="targetType" defaultValue={search.targetType ?? ''} className={input}>
          <option value="">{t('allTargetTypes')}</option>
          {AUDIT_TARGET_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`targetTypes.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <TextFilter id="targetId" label={t('targetId')} value={search.targetId} />
      <TextFilter id="from" label={t('from')} type="date" value={search.from} />
      <TextFilter id="to" label={t('to')} type="date" value={search.to} />
      <button type="submit" className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark">
        {t('filter')}
      </button>
      <Link href="/audit-log" className="px-2 py-2 text-sm text-brand underline">
        {t('clear')}
      </Link>
    </form>
  );
}
