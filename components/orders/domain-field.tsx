'use client';
import { useEffect, useState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { checkDomainAction } from '@/actions/orders';

type Check = { prefix: string; available: boolean; reason?: string };

/** Domain: the tenant prefix, `.<TENANT_DOMAIN>` after it, availability checked as you type (debounced). */
export function DomainField({
  value,
  onChange,
  tenantDomain,
  errors,
}: {
  value: string;
  onChange: (v: string) => void;
  tenantDomain: string;
  errors?: string[];
}) {
  const t = useTranslations('newCustomer');
  const tr = useTranslations();
  const [check, setCheck] = useState<Check | null>(null);
  const prefix = value.trim().toLowerCase();

  useEffect(() => {
    if (!prefix) return;
    let live = true;
    const timer = setTimeout(async () => {
      const form = new FormData();
      form.set('domainPrefix', prefix);
      const result = await checkDomainAction(undefined, form);
      if (live && result.ok && result.data)
        setCheck({ prefix, available: result.data.available, reason: result.data.reason });
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [prefix]);

  const current = check && check.prefix === prefix ? check : null;
  const shown = errors?.length
    ? errors
    : current && !current.available && current.reason
      ? [tr(current.reason)]
      : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="domainPrefix" className="text-sm font-medium">
        {t('fields.domainPrefix')}
      </label>
      <div className="flex items-center gap-1">
        <input
          id="domainPrefix"
          name="domainPrefix"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete="off"
          aria-invalid={shown ? true : undefined}
          aria-describedby={`domainPrefix-suffix${shown ? ' domainPrefix-error' : ''}`}
          className="min-w-0 flex-1 rounded border border-slate-400 bg-white px-3 py-2 text-sm"
        />
        <span id="domainPrefix-suffix" className="text-sm text-slate-700">
          .{tenantDomain}
        </span>
      </div>
      <p role="status" className="text-sm text-green-800">
        {prefix && current?.available ? t('domainAvailable', { domain: `${prefix}.${tenantDomain}` }) : null}
      </p>
      {shown ? (
        <p id="domainPrefix-error" className="text-sm text-red-700">
          {shown.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
