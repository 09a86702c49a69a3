'use client';
import { useLocale, useTranslations } from '@/components/ui/intl';
import { formatMoney } from '@/lib/offers/money';
import type { FieldErrors, LineDraft, WizardOffer } from './types';

type Props = {
  offers: WizardOffer[];
  lines: Record<string, LineDraft>;
  onLine: (offerId: string, line: LineDraft) => void;
  errors: FieldErrors;
};

/** Step 2, New subscription: a checkbox named by each offer and its Licenses field. */
export function OffersStep({ offers, lines, onLine, errors }: Props) {
  const t = useTranslations('newCustomer');
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3">
      {errors.lines?.length ? (
        <p role="alert" className="text-sm text-red-700">
          {errors.lines.join(' ')}
        </p>
      ) : null}
      <ul className="flex flex-col gap-3">
        {offers.map((o) => {
          const line = lines[o.id] ?? { checked: false, quantity: String(o.minQuantity) };
          const lineErrors = errors[`lines.${o.id}`];
          const qtyId = `qty-${o.id}`;
          return (
            <li key={o.id} className="flex flex-wrap items-center gap-4 rounded border border-slate-200 bg-white p-3">
              <label className="flex min-w-64 flex-1 items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  checked={line.checked}
                  onChange={(e) => onLine(o.id, { ...line, checked: e.target.checked })}
                  aria-describedby={`price-${o.id}`}
                />
                {o.name}
              </label>
              <span id={`price-${o.id}`} className="text-sm text-slate-700">
                {t('unitPriceEach', { price: formatMoney(o.unitPriceMinor, o.currency, locale) })}
              </span>
              <div className="flex items-center gap-2">
                <span aria-hidden="true" className="text-sm font-medium">
                  {t('licenses')}
                </span>
                <input
                  id={qtyId}
                  type="number"
                  inputMode="numeric"
                  min={o.minQuantity}
                  max={o.maxQuantity}
                  step={1}
                  readOnly={o.isAzurePlan}
                  aria-label={t('licensesFor', { offer: o.name })}
                  aria-invalid={lineErrors ? true : undefined}
                  aria-describedby={lineErrors ? `${qtyId}-error` : undefined}
                  value={line.quantity}
                  onChange={(e) => onLine(o.id, { checked: true, quantity: e.target.value })}
                  className="w-28 rounded border border-slate-400 bg-white px-3 py-2 text-sm"
                />
              </div>
              {lineErrors ? (
                <p id={`${qtyId}-error`} className="w-full text-sm text-red-700">
                  {lineErrors.join(' ')}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
