import { describe, expect, it } from 'vitest';
import { bpsToPercent, decimalToMinor, formatMoney, formatRate, minorToDecimal, percentToBps } from './money';

describe('offer money', () => {
  it('turns typed prices into minor units of the currency and back', () => {
    expect(decimalToMinor('6', 'USD')).toBe(600);
    expect(decimalToMinor('6.5', 'USD')).toBe(650);
    expect(decimalToMinor('19.99', 'USD')).toBe(1999);
    expect(decimalToMinor('980', 'JPY')).toBe(980);
    expect(minorToDecimal(600, 'USD')).toBe('6.00');
    expect(minorToDecimal(5, 'USD')).toBe('0.05');
    expect(minorToDecimal(980, 'JPY')).toBe('980');
  });

  it('turns percent into basis points and back', () => {
    expect(percentToBps('12.5')).toBe(1250);
    expect(percentToBps('0.01')).toBe(1);
    expect(percentToBps('100')).toBe(10_000);
    expect(bpsToPercent(1250)).toBe('12.5');
    expect(bpsToPercent(0)).toBe('0');
    expect(bpsToPercent(10_000)).toBe('100');
  });

  it('formats in the offer’s currency', () => {
    expect(formatMoney(600, 'USD', 'en')).toBe('$6.00');
    expect(formatMoney(980, 'JPY', 'en')).toBe('¥980');
    expect(formatRate(1250, 'en')).toBe('12.5%');
  });
});
