'use client';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';

export type Step = 'details' | 'offers' | 'review' | 'confirmation';

type Props = {
  step: Exclude<Step, 'confirmation'>;
  pending: boolean;
  onGo: (step: Step) => void;
  onReview: () => void;
  onCancel: () => void;
};

/**
 * The New customer wizard's buttons: Back, the step's Next (or Submit), and Cancel. Next: Subscriptions and Submit
 * submit the step's form (`StepForm`); the others are plain buttons.
 */
export function WizardButtons({ step, pending, onGo, onReview, onCancel }: Props) {
  const t = useTranslations('newCustomer');
  return (
    <div className="mt-6 flex flex-wrap gap-3">
      {step === 'offers' ? (
        <Button type="button" variant="secondary" onClick={() => onGo('details')}>
          {t('back')}
        </Button>
      ) : null}
      {step === 'review' ? (
        <Button type="button" variant="secondary" onClick={() => onGo('offers')} disabled={pending}>
          {t('back')}
        </Button>
      ) : null}
      {step === 'details' ? (
        <Button type="submit" disabled={pending}>
          {t('nextSubscriptions')}
        </Button>
      ) : null}
      {step === 'offers' ? (
        <Button type="button" onClick={onReview}>
          {t('nextReview')}
        </Button>
      ) : null}
      {step === 'review' ? (
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? t('submitting') : t('submit')}
        </Button>
      ) : null}
      <Button
        type="button"
        variant="secondary"
        onClick={onCancel}
        className="ml-auto"
        disabled={pending && step === 'review'}
      >
        {t('cancel')}
      </Button>
    </div>
  );
}
