// Email templates, in the recipient's language. Values are plain strings;
// no template ever receives a password or a raw token except the link the
// recipient must click.
export type MailLocale = 'en' | 'ja';
type Values = Record<string, string>;
type Render = (v: Values) => { subject: string; text: string };

export const TEMPLATES = {
  /** The provider wrote subject and body itself (F1); the link is part of the body. */
  'partnership-invitation': {
    en: (v) => ({ subject: v.subject!, text: v.body! }),
    ja: (v) => ({ subject: v.subject!, text: v.body! }),
  },
  'partnership-accepted': {
    en: (v) => ({
      subject: `${v.reseller} accepted your partnership request`,
      text: `${v.reseller} (MPN ID ${v.resellerMpnId}) authorized ${v.provider} as its indirect provider.\nYou can now add customers and submit orders on its behalf.\n\n${v.url}`,
    }),
    ja: (v) => ({
      subject: `${v.reseller} がパートナーシップの要求を承認しました`,
      text: `${v.reseller} (MPN ID ${v.resellerMpnId}) が ${v.provider} を間接プロバイダーとして承認しました。\nこのリセラーに代わって顧客の追加や注文の送信ができるようになりました。\n\n${v.url}`,
    }),
  },
  'partnership-ended': {
    en: (v) => ({
      subject: `Partnership between ${v.provider} and ${v.reseller} ended`,
      text: `${v.provider} removed its partnership with ${v.reseller}.\nThe reseller no longer has delegated admin access to ${v.provider}'s customers; those customers, their support contacts and incentive associations have reverted to ${v.provider}. The history is kept.`,
    }),
    ja: (v) => ({
      subject: `${v.provider} と ${v.reseller} のパートナーシップが終了しました`,
      text: `${v.provider} は ${v.reseller} とのパートナーシップを削除しました。\nリセラーは ${v.provider} の顧客に対する代理管理者アクセスを失い、顧客、サポート連絡先、インセンティブの関連付けは ${v.provider} に戻りました。履歴は保持されます。`,
    }),
  },
  /** F6: the provider or reseller wrote subject and body (with the link); the footer says who sent it from the portal. */
  'reseller-relationship-request': {
    en: (v) => ({
      subject: v.subject!,
      text: `${v.body}\n\n--\nSent by ${v.sender} from Partner Center. Only an administrator of your organisation can accept this request.`,
    }),
    ja: (v) => ({
      subject: v.subject!,
      text: `${v.body}\n\n--\n${v.sender} がパートナー センターから送信しました。この要求を承認できるのは、貴社の管理者のみです。`,
    }),
  },
  /** F3: the new tenant's contact is told it exists; the temporary password is never in it (R6). */
  'customer-welcome': {
    en: (v) => ({
      subject: `Welcome to ${v.tenantDomain}`,
      text: `${v.provider}${v.reseller ? ` and ${v.reseller}` : ''} created the cloud tenant ${v.tenantDomain} for ${v.company}.\nIts administrator account is ${v.adminEmail}. Your partner gives you its temporary password separately; you will be asked to change it when you first sign in.${v.url ? `\n\n${v.url}` : ''}`,
    }),
    ja: (v) => ({
      subject: `${v.tenantDomain} へようこそ`,
      text: `${v.provider}${v.reseller ? ` と ${v.reseller}` : ''} が ${v.company} のクラウド テナント ${v.tenantDomain} を作成しました。\n管理者アカウントは ${v.adminEmail} です。一時パスワードはパートナーから別途お知らせします。初回サインイン時に変更を求められます。${v.url ? `\n\n${v.url}` : ''}`,
    }),
  },
  'password-changed': {
    en: (v) => ({
      subject: 'Your Partner Center password was changed',
      text: `The password of ${v.email} was changed. If this was not you, contact your administrator at once.`,
    }),
    ja: (v) => ({
      subject: 'パートナー センターのパスワードが変更されました',
      text: `${v.email} のパスワードが変更されました。心当たりがない場合は、すぐに管理者に連絡してください。`,
    }),
  },
} satisfies Record<string, Record<MailLocale, Render>>;

export type MailKind = keyof typeof TEMPLATES;

export function renderMail(kind: MailKind, locale: string | null | undefined, values: Values) {
  const lang: MailLocale = locale === 'ja' ? 'ja' : 'en';
  return TEMPLATES[kind][lang](values);
}
