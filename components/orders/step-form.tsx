'use client';
import type { ReactNode } from 'react';
import { keepTypedValues } from '@/components/ui/keep-typed-values';
import { DETAIL_FIELDS, type Details, type LineDraft, type WizardOffer } from './types';

type Fields = (readonly [name: string, value: string])[];

/** The details step's fields as posted to Next: Subscriptions. */
export function detailFields(details: Details): Fields {
  return DETAIL_FIELDS.map((field) => [field, details[field]] as const);
}

/** The review's fields as posted to Submit: the details, the lines as JSON, the idempotency key and the party. */
export function orderFields(o: {
  details: Details;
  offers: WizardOffer[];
  lines: Record<string, LineDraft>;
  idempotencyKey: string;
  partyField: 'resellerId' | 'providerId';
  party: string;
}): Fields {
  const lines = o.offers
    .filter((offer) => o.lines[offer.id]?.checked)
    .map((offer) => ({ offerId: offer.id, quantity: o.lines[offer.id]?.quantity ?? '' }));
  return [
    ...detailFields(o.details),
    ['lines', JSON.stringify(lines)],
    ['idempotencyKey', o.idempotencyKey],
    ...(o.party ? [[o.partyField, o.party] as const] : []),
  ];
}

/**
 * A wizard step's form: what the step shows is kept in the wizard's state, so
 * the form posts it as hidden inputs, and its buttons are the form's content.
 */
export function StepForm({
  action,
  fields,
  children,
}: {
  action: (form: FormData) => void;
  fields: Fields;
  children: ReactNode;
}) {
  return (
    <form action={action} onReset={keepTypedValues}>
      {fields.map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
    </form>
  );
}
