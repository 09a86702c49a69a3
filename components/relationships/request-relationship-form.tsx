'use client';
import { useActionState, useEffect, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { keepTypedValues } from '@/components/ui/keep-typed-values';
import { startRelationshipRequestAction } from '@/actions/relationships';
import { RelationshipDraftForm, type RelationshipDraft } from './relationship-draft';

type Option = { id: string; legalName: string; mpnId: string | null };
type Props =
  // resellers null: too many partners for a list; the reseller is typed by MPN ID.
  | { mode: 'provider'; customerId: string; resellers: Option[] | null; defaultResellerId?: string }
  | { mode: 'reseller'; providers: Option[] };

/**
 * F6 / R12: who is asked for (a partnered reseller, or the reseller's provider
 * and the customer's tenant domain) and Include delegated administration
 * privileges; "Request a reseller relationship" then opens the draft email.
 */
export function RequestRelationshipForm(props: Props) {
  const t = useTranslations('relationships.request');
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [state, formAction, pending] = useActionState(startRelationshipRequestAction, undefined);
  // The draft of the last request made, until Done (or Escape) closes it.
  const [closed, setClosed] = useState<typeof state>();
  const draft: RelationshipDraft | null = state?.ok && state !== closed ? (state.data ?? null) : null;

  useEffect(() => {
    if (draft) dialog.current?.showModal();
  }, [draft]);

  function close() {
    dialog.current?.close();
    setClosed(state);
    router.refresh(); // the new request shows as pending
  }

  const options = props.mode === 'provider' ? props.resellers : props.providers;
  if (options !== null && options.length === 0)
    return <p className="text-sm text-slate-700">{t(props.mode === 'provider' ? 'noResellers' : 'noProviders')}</p>;
  const errors = state?.fieldErrors ?? {};
  return (
    <>
      <form action={formAction} onReset={keepTypedValues} className="flex max-w-xl flex-col gap-4">
        {props.mode === 'provider' ? (
          <>
            <input type="hidden" name="customerId" value={props.customerId} />
            {props.resellers ? (
              <SelectField
                label={t('reseller')}
                name="resellerId"
                defaultValue={props.defaultResellerId}
                errors={errors.resellerId}
              >
                {props.resellers.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.legalName} ({r.mpnId})
                  </option>
                ))}
              </SelectField>
            ) : (
              <Field
                label={t('reseller')}
                name="resellerId"
                required
                inputMode="numeric"
                autoComplete="off"
                className="w-44 rounded border border-slate-400 bg-white px-3 py-2 text-sm"
                errors={errors.resellerId}
              />
            )}
          </>
        ) : (
          <>
            <SelectField label={t('provider')} name="providerId" errors={errors.providerId}>
              {props.providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.legalName} ({p.mpnId})
                </option>
              ))}
            </SelectField>
            <Field
              label={t('tenantDomain')}
              name="tenantDomain"
              required
              autoComplete="off"
              placeholder="contoso.onmicrosoft.example"
              errors={errors.tenantDomain}
              aria-describedby={errors.tenantDomain ? 'tenantDomain-error' : 'tenantDomain-hint'}
            />
            <p id="tenantDomain-hint" className="-mt-3 text-xs text-slate-600">
              {t('tenantDomainHint')}
            </p>
          </>
        )}
        <div className="flex items-start gap-2">
          <input
            id="includeDelegatedAdmin"
            name="includeDelegatedAdmin"
            type="checkbox"
            value="true"
            defaultChecked
            className="mt-1 h-4 w-4"
            aria-describedby="includeDelegatedAdmin-hint"
          />
          <div>
            <label htmlFor="includeDelegatedAdmin" className="text-sm font-medium">
              {t('includeDelegatedAdmin')}
            </label>
            <p id="includeDelegatedAdmin-hint" className="text-xs text-slate-600">
              {t('includeDelegatedAdminHint')}
            </p>
          </div>
        </div>
        {state && !state.ok && state.formError ? (
          <p role="alert" className="text-sm text-red-700">
            {state.formError}
          </p>
        ) : null}
        <div>
          <Button type="submit" disabled={pending}>
            {t('button')}
          </Button>
        </div>
      </form>
      <dialog
        ref={dialog}
        aria-labelledby="relationship-draft-title"
        onCancel={close}
        className="m-auto w-full max-w-2xl rounded-lg p-6 shadow-xl backdrop:bg-black/40"
      >
        {draft ? <RelationshipDraftForm key={draft.requestId} draft={draft} onDone={close} /> : null}
      </dialog>
    </>
  );
}
