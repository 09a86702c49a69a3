'use client';
import { useActionState, useState } from 'react';
import { useTranslations } from '@/components/ui/intl';
import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { SelectField } from '@/components/ui/select-field';
import { keepTypedValues } from '@/components/ui/keep-typed-values';
import type { ActionState } from '@/lib/pipeline/form-state';
import { changeSubscriptionAction, changeSupportContactAction } from '@/actions/subscriptions';
import { VerifyMpn } from './verify-mpn';

type Party = { id: string; legalName: string; mpnId: string | null };
export type ChangeFormProps = {
  subscriptionId: string;
  version: number;
  quantity: number;
  offer: { name: string; minQuantity: number; maxQuantity: number; isAzurePlan: boolean };
  upgradeTargets: { id: string; name: string }[];
  reseller: Party | null;
  resellers: Party[];
  supportContactOrgId: string;
  supportContacts: Party[];
  may: { changeLicences: boolean; upgrade: boolean; changeReseller: boolean; changeSupportContact: boolean };
  /** Whether this user has subscriptions.write (else only the support contact is sent). */
  write: boolean;
  windowNote: string;
};

type ChangeState = ActionState<{ version: number; changed: string[] }>;
type ChangeAction = (prev: ChangeState | undefined, form: FormData) => Promise<ChangeState>;

const partyLabel = (p: Party) => (p.mpnId ? `${p.legalName} (${p.mpnId})` : p.legalName);

/**
 * One Submit for every change of the subscription detail page (F5), under the
 * version it was read at (R14). After a save the page's data comes back with
 * a new version and the fields start again from it; messages stay.
 */
export function SubscriptionChangeForm(props: ChangeFormProps) {
  const t = useTranslations('subscriptionDetail');
  // Without subscriptions.write only the support contact is sent.
  const send: ChangeAction = props.write ? changeSubscriptionAction : changeSupportContactAction;
  const [state, formAction, pending] = useActionState(send, undefined);
  return (
    <div className="flex max-w-3xl flex-col gap-4">
      {state && !state.ok && state.formError ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {state.formError}
        </p>
      ) : null}
      {state?.ok ? (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 text-sm">
          {state.data?.changed.length ? t('saved') : t('unchanged')}
        </p>
      ) : null}
      <Fields key={props.version} {...props} action={formAction} pending={pending} fieldErrors={state?.fieldErrors} />
    </div>
  );
}

function Fields(
  props: ChangeFormProps & {
    action: (form: FormData) => void;
    pending: boolean;
    fieldErrors?: Record<string, string[]>;
  },
) {
  const t = useTranslations('subscriptionDetail');
  const [quantity, setQuantity] = useState(String(props.quantity));
  const [offerId, setOfferId] = useState('');
  const [resellerId, setResellerId] = useState(props.reseller?.id ?? '');
  const [mpnId, setMpnId] = useState('');
  const [support, setSupport] = useState(props.supportContactOrgId);

  // The current reseller stays visible even when the list would not offer it.
  const current = props.reseller;
  const resellers =
    current && !props.resellers.some((r) => r.id === current.id) ? [current, ...props.resellers] : props.resellers;
  const qtyErrors = props.fieldErrors?.quantity;
  return (
    <form
      action={props.action}
      onReset={keepTypedValues}
      noValidate
      aria-label={t('changeTitle')}
      className="grid gap-4 sm:grid-cols-2"
    >
      <input type="hidden" name="subscriptionId" value={props.subscriptionId} />
      <input type="hidden" name="version" value={props.version} />
      <div className="flex flex-col gap-1">
        <Field
          label={t('licences')}
          name="quantity"
          type="number"
          inputMode="numeric"
          step={1}
          min={props.offer.minQuantity}
          max={props.offer.maxQuantity}
          value={quantity}
          onChange={(e) => setQuantity(e.target.value)}
          disabled={!props.may.changeLicences || props.offer.isAzurePlan}
          errors={qtyErrors}
          aria-describedby={qtyErrors?.length ? 'quantity-error quantity-hint' : 'quantity-hint'}
        />
        <p id="quantity-hint" className="text-xs text-slate-700">
          {props.offer.isAzurePlan
            ? t('azureFixed')
            : t('licencesHint', { min: props.offer.minQuantity, max: props.offer.maxQuantity })}{' '}
          {props.windowNote}
        </p>
      </div>
      <div className="flex flex-col gap-1">
        {props.upgradeTargets.length > 0 ? (
          <SelectField
            label={t('upgrade')}
            name="offerId"
            value={offerId}
            onChange={(e) => setOfferId(e.target.value)}
            disabled={!props.may.upgrade}
          >
            <option value="">{t('keepOffer', { offer: props.offer.name })}</option>
            {props.upgradeTargets.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <p className="text-sm text-slate-700">{t('noUpgrades', { offer: props.offer.name })}</p>
        )}
      </div>
      <SelectField
        label={t('reseller')}
        name="resellerId"
        value={resellerId}
        onChange={(e) => {
          setResellerId(e.target.value);
          setMpnId('');
        }}
        disabled={!props.may.changeReseller}
        errors={props.fieldErrors?.resellerId}
      >
        <option value="">{t('noReseller')}</option>
        {resellers.map((r) => (
          <option key={r.id} value={r.id}>
            {partyLabel(r)}
          </option>
        ))}
      </SelectField>
      <VerifyMpn
        subscriptionId={props.subscriptionId}
        value={mpnId}
        onChange={setMpnId}
        disabled={!props.may.changeReseller}
        errors={props.fieldErrors?.resellerMpnId}
      />
      <div className="flex flex-col gap-1 sm:col-span-2">
        <SelectField
          label={t('supportContact')}
          name="supportContactOrgId"
          value={support}
          onChange={(e) => setSupport(e.target.value)}
          disabled={!props.may.changeSupportContact}
          aria-describedby="support-hint"
        >
          {props.supportContacts.map((p) => (
            <option key={p.id} value={p.id}>
              {partyLabel(p)}
            </option>
          ))}
        </SelectField>
        <p id="support-hint" className="text-xs text-slate-700">
          {t('supportHint')}
        </p>
      </div>
      <div className="sm:col-span-2">
        <Button type="submit" disabled={props.pending}>
          {t('submit')}
        </Button>
      </div>
    </form>
  );
}
