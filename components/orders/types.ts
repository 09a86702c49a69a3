export type WizardOffer = {
  id: string;
  name: string;
  unitPriceMinor: number;
  currency: string;
  minQuantity: number;
  maxQuantity: number;
  isAzurePlan: boolean;
};
export type PartyOption = { id: string; label: string; name: string };
export type Country = { code: string; name: string };

/** The details step, as typed (names of customerDetailsInput). */
export type Details = {
  companyName: string;
  domainPrefix: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  region: string;
  postalCode: string;
  country: string;
  contactFirstName: string;
  contactLastName: string;
  contactEmail: string;
  contactPhone: string;
  language: string;
};
export const DETAIL_FIELDS = [
  'companyName',
  'domainPrefix',
  'addressLine1',
  'addressLine2',
  'city',
  'region',
  'postalCode',
  'country',
  'contactFirstName',
  'contactLastName',
  'contactEmail',
  'contactPhone',
  'language',
] as const satisfies readonly (keyof Details)[];

export type LineDraft = { checked: boolean; quantity: string };
export type FieldErrors = Record<string, string[]>;
