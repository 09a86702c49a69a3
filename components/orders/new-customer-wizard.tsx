'use client';
import { useMemo, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from '@/components/ui/intl';
import { useAdoptTypedValues } from '@/components/ui/adopt-typed-values';
import { DetailsStep } from './details-step';
import { OffersStep } from './offers-step';
import { ReviewStep, type ReviewLine } from './review-step';
import { SetupInfo } from './setup-info';
import { StepForm, detailFields, orderFields } from './step-form';
import { useWizardActions } from './use-wizard-actions';
import { WizardButtons, type Step } from './wizard-buttons';
import { DETAIL_FIELDS, type Country, type Details, type LineDraft, type PartyOption, type WizardOffer } from './types';

type Props = {
  idempotencyKey: string;
  mode: 'provider' | 'reseller';
  parties: PartyOption[];
  /**
   * The provider has too many partners for a list: the reseller is typed by MPN ID (parties then holds at most the
   * preselected one, keyed by MPN ID).
   */
  typedParty?: boolean;
  initialParty: string;
  offers: WizardOffer[];
  countries: Country[];
  tenantDomain: string;
  defaultLanguage: 'en' | 'ja';
};

const STEPS: Exclude<Step, 'confirmation'>[] = ['details', 'offers', 'review'];

/**
 * F3 in one page. Everything typed stays in this component's state while
 * moving between steps; nothing is stored before Submit, so Cancel only
 * forgets it. The temporary password exists only here (R6), in the state of
 * `useWizardActions`, whose forms' answers move between the steps.
 */
export function NewCustomerWizard({
  idempotencyKey,
  mode,
  parties,
  typedParty = false,
  initialParty,
  offers,
  countries,
  tenantDomain,
  defaultLanguage,
}: Props) {
  const t = useTranslations('newCustomer');
  const tr = useTranslations();
  const router = useRouter();
  const [party, setParty] = useState(initialParty);
  const [details, setDetails] = useState<Details>({
    companyName: '',
    domainPrefix: '',
    addressLine1: '',
    addressLine2: '',
    city: '',
    region: '',
    postalCode: '',
    country: '',
    contactFirstName: '',
    contactLastName: '',
    contactEmail: '',
    contactPhone: '',
    language: defaultLanguage,
  });
  const [lines, setLines] = useState<Record<string, LineDraft>>({});
  // The details step is the first shown: keep what was typed into it before hydration.
  const partyField = mode === 'provider' ? 'resellerId' : 'providerId';
  useAdoptTypedValues(
    [...DETAIL_FIELDS, partyField],
    (id) => (id === partyField ? party : details[id as keyof Details]),
    (id, value) => (id === partyField ? setParty(value) : setDetails((d) => ({ ...d, [id]: value }))),
  );
  const { step, errors, formError, placed, go, forget, setErrors, setFormError, validateAction, placeAction, pending } =
    useWizardActions();

  const chosen: ReviewLine[] = useMemo(
    () =>
      offers.filter((o) => lines[o.id]?.checked).map((o) => ({ offer: o, quantity: Number(lines[o.id]?.quantity) })),
    [offers, lines],
  );
  const partyOption = parties.find((p) => p.id === party);

  function toReview() {
    if (chosen.length === 0) {
      setErrors({ lines: [tr('orders.errors.noLines')] });
      return setFormError(tr('errors.checkFields'));
    }
    setErrors({});
    go('review');
  }

  function cancel() {
    // Nothing was stored: forgetting the state is the whole of Cancel.
    router.push('/customers');
  }

  const title = step === 'confirmation' ? t('confirmation') : t(`steps.${step}`);
  const doneHref = mode === 'provider' && party ? `/customers?reseller=${encodeURIComponent(party)}` : '/customers';
  const buttons =
    step !== 'confirmation' ? (
      <WizardButtons step={step} pending={pending} onGo={go} onReview={toReview} onCancel={cancel} />
    ) : null;
  return (
    <>
      <div className="mb-6">
        {step !== 'confirmation' ? (
          <ol aria-label={t('progress')} className="mb-3 flex flex-wrap gap-2 text-sm">
            {STEPS.map((s, i) => (
              <li
                key={s}
                aria-current={s === step ? 'step' : undefined}
                className={`rounded px-2 py-1 ${s === step ? 'bg-brand text-white' : 'bg-slate-100 text-slate-700'}`}
              >
                {i + 1}. {t(`steps.${s}`)}
              </li>
            ))}
          </ol>
        ) : null}
        <h1 className="text-2xl font-semibold">{title}</h1>
      </div>
      {formError ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {formError}
        </p>
      ) : null}
      {step === 'details' ? (
        <DetailsStep
          mode={mode}
          parties={parties}
          typedParty={typedParty}
          party={party}
          details={details}
          onParty={(id) => {
            setParty(id);
            forget('resellerId', 'providerId');
          }}
          onChange={(field, value) => {
            setDetails((d) => ({ ...d, [field]: value }));
            forget(field);
          }}
          countries={countries}
          tenantDomain={tenantDomain}
          errors={errors}
        />
      ) : null}
      {step === 'offers' ? (
        <OffersStep
          offers={offers}
          lines={lines}
          onLine={(id, line) => {
            setLines((l) => ({ ...l, [id]: line }));
            forget('lines', `lines.${id}`);
          }}
          errors={errors}
        />
      ) : null}
      {step === 'review' ? (
        <ReviewStep
          details={details}
          tenantDomain={tenantDomain}
          countries={countries}
          partyLabel={partyOption?.label ?? (party ? `MPN ID ${party}` : '')}
          partyName={partyOption?.name ?? ''}
          mode={mode}
          lines={chosen}
        />
      ) : null}
      {step === 'confirmation' && placed ? (
        <SetupInfo {...placed} companyName={details.companyName} doneHref={doneHref} />
      ) : null}
      {step === 'details' ? (
        <StepForm action={validateAction} fields={detailFields(details)}>
          {buttons}
        </StepForm>
      ) : null}
      {step === 'offers' ? buttons : null}
      {step === 'review' ? (
        <StepForm
          action={placeAction}
          fields={orderFields({
            details,
            offers,
            lines,
            idempotencyKey,
            partyField: mode === 'provider' ? 'resellerId' : 'providerId',
            party,
          })}
        >
          {buttons}
        </StepForm>
      ) : null}
    </>
  );
}
