'use client';
import { useActionState, useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useFormatter, useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { keepTypedValues } from '@/components/ui/keep-typed-values';
import { addSubscriptionsAction } from '@/actions/orders';

type Offer = {
  id: string;
  name: string;
  unitPriceMinor: number;
  currency: string;
  minQuantity: number;
  maxQuantity: number;
  isAzurePlan: boolean;
};
type Reseller = { id: string; legalName: string; mpnId: string | null };

/** F4: offers and licences, the Reseller (MPN ID) credited, Submit. */
/** `resellers` null: the provider has too many partners for a list, and the reseller is typed by MPN ID. */
export function AddSubscriptionForm(props: {
  customerId: string;
  /** The first order's idempotency key, made by the server (the form renders it). */
  idempotencyKey: string;
  offers: Offer[];
  resellers: Reseller[] | null;
  defaultResellerId: string | null;
  defaultResellerMpnId?: string | null;
}) {
  const t = useTranslations('addSubscription');
  const format = useFormatter();
  const router = useRouter();
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [resellerId, setResellerId] = useState(
    (props.resellers ? props.defaultResellerId : props.defaultResellerMpnId) ?? '',
  );
  const [key, setKey] = useState(props.idempotencyKey);
  const [state, formAction, pending] = useActionState(addSubscriptionsAction, undefined);
  const lines = Object.entries(chosen).map(([offerId, quantity]) => ({ offerId, quantity }));

  useEffect(() => {
    if (!state?.ok) return;
    setChosen({});
    setKey(crypto.randomUUID()); // the next order is a new one
    router.refresh();
  }, [state, router]);

  const price = (o: Offer) => format.number(o.unitPriceMinor / 100, { style: 'currency', currency: o.currency });
  return (
    <form action={formAction} onReset={keepTypedValues} className="flex flex-col gap-3" aria-label={t('title')}>
      <h3 className="font-semibold">{t('title')}</h3>
      <input type="hidden" name="customerId" value={props.customerId} />
      <input type="hidden" name="idempotencyKey" value={key} />
      <input type="hidden" name="resellerId" value={resellerId} />
      <input type="hidden" name="lines" value={JSON.stringify(lines)} />
      {state && !state.ok && state.formError ? (
        <p role="alert" className="text-sm text-red-700">
          {state.formError}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="text-sm text-green-800">
          {t('added', { count: state.data?.added ?? 0 })}
        </p>
      ) : null}
      <ul className="flex flex-col gap-2">
        {props.offers.map((o) => {
          const checked = o.id in chosen;
          const errors = state?.fieldErrors?.[`lines.${o.id}`];
          return (
            <li key={o.id} className="flex flex-wrap items-center gap-3">
              <label className="flex min-w-72 items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={checked}
                  onChange={(e) =>
                    setChosen((c) => {
                      const next = { ...c };
                      if (e.target.checked) next[o.id] = o.isAzurePlan ? '1' : String(o.minQuantity);
                      else delete next[o.id];
                      return next;
                    })
                  }
                />
                {o.name}
              </label>
              <span className="text-xs text-slate-600">
                {price(o)} · {o.minQuantity}–{o.maxQuantity}
              </span>
              <label className="flex items-center gap-2 text-sm">
                <span>{t('licenses')}</span>
                <input
                  type="number"
                  inputMode="numeric"
                  aria-label={t('licensesFor', { offer: o.name })}
                  disabled={!checked || o.isAzurePlan}
                  value={chosen[o.id] ?? ''}
                  onChange={(e) => setChosen((c) => ({ ...c, [o.id]: e.target.value }))}
                  aria-invalid={errors ? true : undefined}
                  className="w-24 rounded border border-slate-400 px-2 py-1"
                />
              </label>
              {errors ? <span className="text-sm text-red-700">{errors.join(' ')}</span> : null}
            </li>
          );
        })}
      </ul>
      {state?.fieldErrors?.lines ? <p className="text-sm text-red-700">{state.fieldErrors.lines.join(' ')}</p> : null}
      <label className="flex flex-col gap-1 text-sm font-medium">
        {t('reseller')}
        {props.resellers ? (
          <select
            value={resellerId}
            onChange={(e) => setResellerId(e.target.value)}
            className="max-w-md rounded border border-slate-400 bg-white px-3 py-2 font-normal"
          >
            <option value="">{t('noReseller')}</option>
            {props.resellers.map((r) => (
              <option key={r.id} value={r.id}>
                {r.legalName} ({r.mpnId})
              </option>
            ))}
          </select>
        ) : (
          <input
            value={resellerId}
            onChange={(e) => setResellerId(e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            className="w-44 rounded border border-slate-400 bg-white px-3 py-2 font-normal"
          />
        )}
      </label>
      {state?.fieldErrors?.resellerId ? (
        <p className="text-sm text-red-700">{state.fieldErrors.resellerId.join(' ')}</p>
      ) : null}
      <div>
        <Button type="submit" disabled={pending || lines.length === 0}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
