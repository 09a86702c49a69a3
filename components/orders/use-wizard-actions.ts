'use client';
import { useActionState, useCallback, useEffect, useState } from 'react';
import { placeNewCustomerOrderAction, validateDetailsAction } from '@/actions/orders';
import type { Step } from './wizard-buttons';
import { DETAIL_FIELDS, type FieldErrors } from './types';

export type Placed = { adminEmail: string; temporaryPassword: string | null; replayed: boolean };

const DETAIL_KEYS = new Set<string>([...DETAIL_FIELDS, 'resellerId', 'providerId']);

/**
 * The New customer wizard's step, messages and answer, and its two server
 * actions through `useActionState`: the details step's Next posts to
 * `validateAction`, the review's Submit to `placeAction`. What each answer
 * does (the next step, or back to the step that holds a field in error) runs
 * in an effect on the returned state. The temporary password lives only in
 * this state (R6).
 */
export function useWizardActions() {
  const [step, setStep] = useState<Step>('details');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [validated, validateAction, validating] = useActionState(validateDetailsAction, undefined);
  const [ordered, placeAction, placing] = useActionState(placeNewCustomerOrderAction, undefined);

  const go = useCallback((next: Step) => {
    setFormError(null);
    setStep(next);
    window.scrollTo?.(0, 0);
  }, []);

  /** An edited field drops its old message; the server checks it again on the next step. */
  const forget = useCallback((...keys: string[]) => {
    setErrors((e) =>
      keys.some((k) => k in e) ? Object.fromEntries(Object.entries(e).filter(([k]) => !keys.includes(k))) : e,
    );
  }, []);

  // Next: Subscriptions answered.
  useEffect(() => {
    if (!validated) return;
    setErrors(validated.fieldErrors ?? {});
    if (!validated.ok) return setFormError(validated.formError ?? null);
    go('offers');
  }, [validated, go]);

  // Submit answered.
  useEffect(() => {
    if (!ordered) return;
    if (ordered.ok && ordered.data) {
      const { adminEmail, temporaryPassword, replayed } = ordered.data;
      setErrors({});
      setPlaced({ adminEmail, temporaryPassword, replayed });
      return go('confirmation');
    }
    const fieldErrors = ordered.fieldErrors ?? {};
    setErrors(fieldErrors);
    const keys = Object.keys(fieldErrors);
    // Back to the step that holds the field in error, with its message beside it.
    if (keys.some((k) => DETAIL_KEYS.has(k))) setStep('details');
    else if (keys.some((k) => k === 'lines' || k.startsWith('lines.'))) setStep('offers');
    setFormError(ordered.formError ?? null);
  }, [ordered, go]);

  return {
    step,
    errors,
    formError,
    placed,
    go,
    forget,
    setErrors,
    setFormError,
    validateAction,
    placeAction,
    pending: validating || placing,
  };
}
