'use client';
import { useActionState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import type { ActionState } from '@/lib/pipeline/form-state';
import { Button } from '@/components/ui/button';

type Status = 'PENDING' | 'ACTIVE' | 'SUSPENDED';
type Result = { orgId: string; legalName: string; status: Status; changed: boolean };
type Props = {
  orgId: string;
  name: string;
  status: Status;
  action: (prev: ActionState<Result> | undefined, formData: FormData) => Promise<ActionState<Result>>;
};

/** Approve (PENDING or SUSPENDED → ACTIVE) and suspend buttons for one partner row. */
export function PartnerStatusForm({ orgId, name, status, action }: Props) {
  const t = useTranslations('partnerAdmin');
  const [state, formAction, pending] = useActionState(action, undefined);
  return (
    <form action={formAction} className="flex flex-col">
      <input type="hidden" name="orgId" value={orgId} />
      <div className="flex flex-wrap gap-2">
        {status !== 'ACTIVE' ? (
          <Button
            type="submit"
            name="status"
            value="ACTIVE"
            disabled={pending}
            className="px-3 py-1"
            aria-label={t('approveNamed', { name })}
          >
            {t('approve')}
          </Button>
        ) : null}
        {status !== 'SUSPENDED' ? (
          <Button
            type="submit"
            name="status"
            value="SUSPENDED"
            variant="secondary"
            disabled={pending}
            className="px-3 py-1"
            aria-label={t('suspendNamed', { name })}
          >
            {t('suspend')}
          </Button>
        ) : null}
      </div>
      <p role="status" className="text-xs not-empty:mt-1">
        {state?.ok && state.data
          ? t(state.data.status === 'ACTIVE' ? 'approved' : 'suspended', { name: state.data.legalName })
          : null}
      </p>
      {state && !state.ok ? (
        <p role="alert" className="mt-1 text-xs text-red-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
