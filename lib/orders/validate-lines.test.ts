import { describe, expect, it } from 'vitest';
import { lineFieldErrors, validateLines, type OfferLimits } from './validate-lines';

const basic: OfferLimits = {
  id: 'bb',
  name: 'Microsoft 365 Business Basic',
  active: true,
  minQuantity: 1,
  maxQuantity: 300,
  isAzurePlan: false,
};
const azure: OfferLimits = {
  id: 'az',
  name: 'Azure plan',
  active: true,
  minQuantity: 1,
  maxQuantity: 1,
  isAzurePlan: true,
};
const retired: OfferLimits = { ...basic, id: 'old', name: 'Retired offer', active: false };
const offers = [basic, azure, retired];

const keys = (lines: { offerId: string; quantity: number }[]) => lineFieldErrors(validateLines(lines, offers));

describe('R7 licence counts at purchase', () => {
  it('accepts whole numbers within the offer’s min and max, and an Azure plan of 1', () => {
    expect(
      validateLines(
        [
          { offerId: 'bb', quantity: 1 },
          { offerId: 'az', quantity: 1 },
        ],
        offers,
      ),
    ).toEqual([]);
    expect(validateLines([{ offerId: 'bb', quantity: 300 }], offers)).toEqual([]);
  });

  it.each([0, -1, 2.5, 301, Number.NaN])(
    'refuses %s licences of Business Basic, naming the offer and its range',
    (quantity) => {
      const issues = validateLines([{ offerId: 'bb', quantity }], offers);
      expect(issues).toEqual([
        { field: 'lines.bb', key: 'orders.errors.quantityRange', values: { offer: basic.name, min: 1, max: 300 } },
      ]);
    },
  );

  it('refuses an Azure plan with any quantity but 1', () => {
    expect(keys([{ offerId: 'az', quantity: 2 }])).toEqual({ 'lines.az': ['orders.errors.azurePlanQuantity'] });
  });

  it('refuses an inactive or unknown offer', () => {
    expect(
      keys([
        { offerId: 'old', quantity: 1 },
        { offerId: 'nope', quantity: 1 },
      ]),
    ).toEqual({
      'lines.old': ['orders.errors.offerInactive'],
      'lines.nope': ['orders.errors.offerUnknown'],
    });
  });

  it('refuses the same offer twice and an empty order', () => {
    expect(
      keys([
        { offerId: 'bb', quantity: 1 },
        { offerId: 'bb', quantity: 2 },
      ]),
    ).toEqual({ 'lines.bb': ['orders.errors.duplicateOffer'] });
    expect(keys([])).toEqual({ lines: ['orders.errors.noLines'] });
  });

  it('gives every refused line its own message', () => {
    expect(
      Object.keys(
        keys([
          { offerId: 'bb', quantity: 0 },
          { offerId: 'az', quantity: 3 },
        ]),
      ),
    ).toEqual(['lines.bb', 'lines.az']);
  });
});
