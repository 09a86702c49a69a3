import { createTranslator } from 'use-intl/core';
import { CATALOGS } from '@/lib/i18n/catalog';

// Email templates, in the recipient's language. Their words are in the message
// catalogs (lib/i18n/messages/email/<language>.json, namespace `emails`), as
// ICU messages with the values as placeholders. Values are plain strings;
// no template ever receives a password or a raw token except the link the
// recipient must click.
export type MailLocale = 'en' | 'ja';
type Values = Record<string, string>;

const TRANSLATORS = {
  en: createTranslator({ locale: 'en', messages: CATALOGS.en, namespace: 'emails' }),
  ja: createTranslator({ locale: 'ja', messages: CATALOGS.ja, namespace: 'emails' }),
};
type Translate = (typeof TRANSLATORS)[MailLocale];
type Render = (t: Translate, v: Values) => { subject: string; text: string };

/** For an ICU `select` on whether an optional value is given. */
const given = (value: string | undefined) => (value ? 'yes' : 'no');

export const TEMPLATES = {
  /** The provider wrote subject and body itself (F1); the link is part of the body. */
  'partnership-invitation': (_t, v) => ({ subject: v.subject!, text: v.body! }),
  'partnership-accepted': (t, v) => ({
    subject: t('partnershipAccepted.subject', v),
    text: t('partnershipAccepted.text', v),
  }),
  'partnership-ended': (t, v) => ({
    subject: t('partnershipEnded.subject', v),
    text: t('partnershipEnded.text', v),
  }),
  /**
   * F6: the provider or reseller wrote subject and body (with the link); the
   * footer says who sent it from the portal.
   */
  'reseller-relationship-request': (t, v) => ({
    subject: v.subject!,
    text: t('resellerRelationshipRequest.text', v),
  }),
  /** F3: the new tenant's contact is told it exists; the temporary password is never in it (R6). */
  'customer-welcome': (t, v) => ({
    subject: t('customerWelcome.subject', v),
    text: t('customerWelcome.text', { ...v, withReseller: given(v.reseller), withUrl: given(v.url) }),
  }),
  /** Every retry of a delivery failed: the endpoint was disabled (lib/webhooks/deliver.ts). */
  'webhook-endpoint-disabled': (t, v) => ({
    subject: t('webhookEndpointDisabled.subject', v),
    text: t('webhookEndpointDisabled.text', v),
  }),
  /** An admin added the user: the link sets the first password (lib/users/add-user.ts). */
  'user-invitation': (t, v) => ({
    subject: t('userInvitation.subject', v),
    text: t('userInvitation.text', v),
  }),
  /** Forgot password?: the one-time link (lib/users/request-password-reset.ts). */
  'password-reset': (t, v) => ({
    subject: t('passwordReset.subject'),
    text: t('passwordReset.text', v),
  }),
  /** A partner asks for a delegated admin relationship: the customer's admins approve on the link. */
  'admin-relationship-request': (t, v) => ({
    subject: t('adminRelationshipRequest.subject', v),
    text: t('adminRelationshipRequest.text', v),
  }),
  /** 30, 7 or 1 days before a delegated admin relationship ends, to both sides' admins. */
  'admin-relationship-expiring': (t, v) => ({
    subject: t('adminRelationshipExpiring.subject', { ...v, days: Number(v.days) }),
    text: t('adminRelationshipExpiring.text', { ...v, days: Number(v.days) }),
  }),
  'password-changed': (t, v) => ({
    subject: t('passwordChanged.subject'),
    text: t('passwordChanged.text', v),
  }),
  /** A factor of multi-factor sign-in was added, removed or reset (`change`: lib/mfa/notify.ts). */
  'mfa-changed': (t, v) => ({
    subject: t('mfaChanged.subject'),
    text: t('mfaChanged.text', v),
  }),
} satisfies Record<string, Render>;

export type MailKind = keyof typeof TEMPLATES;

export function renderMail(kind: MailKind, locale: string | null | undefined, values: Values) {
  const lang: MailLocale = locale === 'ja' ? 'ja' : 'en';
  return TEMPLATES[kind](TRANSLATORS[lang], values);
}
