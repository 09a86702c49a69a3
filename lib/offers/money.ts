// Prices and rates as people type them and as the database keeps them.
// Pure string arithmetic: no binary floating point between "6.00" and 600.
import { numberFormat, remembered } from '@/lib/format';

const SUPPORTED = new Set(Intl.supportedValuesOf('currency'));

/** ISO 4217 codes the runtime knows (so prices can be formatted). */
export function isKnownCurrency(code: string): boolean {
  return SUPPORTED.has(code);
}

const digitsOf = new Map<string, number>();

/** Digits after the decimal point of a currency's minor unit: 2 for USD, 0 for JPY. */
export function currencyDigits(currency: string): number {
  return remembered(
    digitsOf,
    currency,
    () => numberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2,
  );
}

/** A non-negative decimal with at most two decimals, as typed ("6", "6.5", "6.00"). */
export const DECIMAL = /^\d{1,9}(\.\d{1,2})?$/;

function scale(text: string, digits: number): number {
  const [whole, fraction = ''] = text.split('.');
  return Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0').slice(0, digits) || '0');
}

/** "6.00" USD → 600; "980" JPY → 980. The caller has checked the decimals fit the currency. */
export function decimalToMinor(text: string, currency: string): number {
  return scale(text, currencyDigits(currency));
}

/** 600 USD → "6.00": what the edit form shows. */
export function minorToDecimal(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** 600 USD in en → "$6.00"; in ja → "$6.00" as Japanese write it. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  // Reports format hundreds of amounts per page: the formatter is looked up by a plain key.
  const format = remembered(moneyFormats, `${locale} ${currency}`, () =>
    numberFormat(locale, { style: 'currency', currency }),
  );
  return format.format(minor / 10 ** currencyDigits(currency));
}

/** "12.5" % → 1250 basis points. */
export function percentToBps(text: string): number {
  return scale(text, 2);
}

/** 1250 basis points → "12.5" (what the edit form shows). */
export function bpsToPercent(bps: number): string {
  return minorToDecimal(bps, 'USD').replace(/\.?0+$/, '') || '0';
}

/** 1250 basis points in en → "12.5%". */
export function formatRate(bps: number, locale: string): string {
  return numberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}
