import { describe, expect, it } from 'vitest';
import { renderMail, type MailKind } from './templates';

// Every template's subject and text, in English and Japanese, for fixed
// values, written out in full: the wording comes from the message catalogs
// (ICU messages), and this holds it to the exact bytes. The values carry what
// ICU treats specially (apostrophes, braces, tags, #): they come through as given.
const ODD = "O'Brien {Ltd} <b>#1</b> '{x}'";
const PROVIDER = "Northwind's {P}";

type Mail = { subject: string; text: string };
const CASES: { label: string; kind: MailKind; values: Record<string, string>; en: Mail; ja: Mail }[] = [
  {
    label: 'partnership invitation',
    kind: 'partnership-invitation',
    values: { subject: `Join ${ODD}`, body: `Dear ${ODD},\n\nhttps://x.example/i?t={abc}'s` },
    en: { subject: `Join ${ODD}`, text: `Dear ${ODD},\n\nhttps://x.example/i?t={abc}'s` },
    ja: { subject: `Join ${ODD}`, text: `Dear ${ODD},\n\nhttps://x.example/i?t={abc}'s` },
  },
  {
    label: 'partnership accepted',
    kind: 'partnership-accepted',
    values: {
      reseller: ODD,
      resellerMpnId: '1234567',
      provider: PROVIDER,
      url: 'https://portal.example/indirect-resellers',
    },
    en: {
      subject: `${ODD} accepted your partnership request`,
      text:
        `${ODD} (MPN ID 1234567) authorized ${PROVIDER} as its indirect provider.\n` +
        'You can now add customers and submit orders on its behalf.\n\n' +
        'https://portal.example/indirect-resellers',
    },
    ja: {
      subject: `${ODD} がパートナーシップの要求を承認しました`,
      text:
        `${ODD} (MPN ID 1234567) が ${PROVIDER} を間接プロバイダーとして承認しました。\n` +
        'このリセラーに代わって顧客の追加や注文の送信ができるようになりました。\n\n' +
        'https://portal.example/indirect-resellers',
    },
  },
  {
    label: 'partnership ended',
    kind: 'partnership-ended',
    values: { provider: PROVIDER, reseller: ODD },
    en: {
      subject: `Partnership between ${PROVIDER} and ${ODD} ended`,
      text:
        `${PROVIDER} removed its partnership with ${ODD}.\n` +
        `The reseller no longer has delegated admin access to ${PROVIDER}'s ` +
        'customers; those customers, ' +
        'their support contacts and incentive associations have reverted to ' +
        `${PROVIDER}. The history is kept.`,
    },
    ja: {
      subject: `${PROVIDER} と ${ODD} のパートナーシップが終了しました`,
      text:
        `${PROVIDER} は ${ODD} とのパートナーシップを削除しました。\n` +
        `リセラーは ${PROVIDER} の顧客に対する代理管理者アクセスを失い、顧客、サポート連絡先、` +
        `インセンティブの関連付けは ${PROVIDER} に戻りました。履歴は保持されます。`,
    },
  },
  {
    label: 'reseller relationship request',
    kind: 'reseller-relationship-request',
    values: { subject: `Re: ${ODD}`, body: `Hello ${ODD}\nhttps://x.example/r?t=1`, sender: "Ann O'Neil" },
    en: {
      subject: `Re: ${ODD}`,
      text:
        `Hello ${ODD}\nhttps://x.example/r?t=1\n\n--\n` +
        "Sent by Ann O'Neil from Partner Center. " +
        'Only an administrator of your organisation can accept this request.',
    },
    ja: {
      subject: `Re: ${ODD}`,
      text:
        `Hello ${ODD}\nhttps://x.example/r?t=1\n\n--\n` +
        "Ann O'Neil がパートナー センターから送信しました。この要求を承認できるのは、貴社の管理者のみです。",
    },
  },
  {
    label: 'customer welcome, with reseller and link',
    kind: 'customer-welcome',
    values: {
      provider: PROVIDER,
      reseller: ODD,
      tenantDomain: 'bank.onmicrosoft.example',
      company: "Bank's {Co}",
      adminEmail: 'admin@bank.onmicrosoft.example',
      url: 'https://portal.example',
    },
    en: {
      subject: 'Welcome to bank.onmicrosoft.example',
      text:
        `${PROVIDER} and ${ODD} created the cloud tenant bank.onmicrosoft.example ` +
        "for Bank's {Co}.\n" +
        'Its administrator account is admin@bank.onmicrosoft.example. ' +
        'Your partner gives you its temporary password separately; ' +
        'you will be asked to change it when you first sign in.\n\n' +
        'https://portal.example',
    },
    ja: {
      subject: 'bank.onmicrosoft.example へようこそ',
      text:
        `${PROVIDER} と ${ODD} が Bank's {Co} のクラウド テナント bank.onmicrosoft.example ` +
        'を作成しました。\n管理者アカウントは admin@bank.onmicrosoft.example です。' +
        '一時パスワードはパートナーから別途お知らせします。初回サインイン時に変更を求められます。\n\nhttps://portal.example',
    },
  },
  {
    label: 'customer welcome, neither reseller nor link',
    kind: 'customer-welcome',
    values: {
      provider: PROVIDER,
      reseller: '',
      tenantDomain: 'bank.onmicrosoft.example',
      company: "Bank's {Co}",
      adminEmail: 'admin@bank.onmicrosoft.example',
      url: '',
    },
    en: {
      subject: 'Welcome to bank.onmicrosoft.example',
      text:
        `${PROVIDER} created the cloud tenant bank.onmicrosoft.example for Bank's ` +
        '{Co}.\nIts administrator account is admin@bank.onmicrosoft.example. ' +
        'Your partner gives you its temporary password separately; ' +
        'you will be asked to change it when you first sign in.',
    },
    ja: {
      subject: 'bank.onmicrosoft.example へようこそ',
      text:
        `${PROVIDER} が Bank's {Co} のクラウド テナント bank.onmicrosoft.example を作成しました。\n` +
        '管理者アカウントは admin@bank.onmicrosoft.example です。一時パスワードはパートナーから別途お知らせします。' +
        '初回サインイン時に変更を求められます。',
    },
  },
  {
    label: 'customer welcome, reseller only',
    kind: 'customer-welcome',
    values: {
      provider: 'P',
      reseller: 'R',
      tenantDomain: 't.example',
      company: 'C',
      adminEmail: 'a@t.example',
      url: '',
    },
    en: {
      subject: 'Welcome to t.example',
      text:
        'P and R created the cloud tenant t.example for C.\n' +
        'Its administrator account is a@t.example. ' +
        'Your partner gives you its temporary password separately; ' +
        'you will be asked to change it when you first sign in.',
    },
    ja: {
      subject: 't.example へようこそ',
      text:
        'P と R が C のクラウド テナント t.example を作成しました。\n' +
        '管理者アカウントは a@t.example です。一時パスワードはパートナーから別途お知らせします。初回サインイン時に変更を求められます。',
    },
  },
  {
    label: 'customer welcome, link only',
    kind: 'customer-welcome',
    values: {
      provider: 'P',
      reseller: '',
      tenantDomain: 't.example',
      company: 'C',
      adminEmail: 'a@t.example',
      url: 'https://u.example',
    },
    en: {
      subject: 'Welcome to t.example',
      text:
        'P created the cloud tenant t.example for C.\n' +
        'Its administrator account is a@t.example. ' +
        'Your partner gives you its temporary password separately; ' +
        'you will be asked to change it when you first sign in.\n\nhttps://u.example',
    },
    ja: {
      subject: 't.example へようこそ',
      text:
        'P が C のクラウド テナント t.example を作成しました。\n' +
        '管理者アカウントは a@t.example です。一時パスワードはパートナーから別途お知らせします。初回サインイン時に変更を求められます。\n\n' +
        'https://u.example',
    },
  },
  {
    label: 'password changed',
    kind: 'password-changed',
    values: { email: "o'brien+{x}@example.com" },
    en: {
      subject: 'Your Partner Center password was changed',
      text:
        "The password of o'brien+{x}@example.com was changed. " +
        'If this was not you, contact your administrator at once.',
    },
    ja: {
      subject: 'パートナー センターのパスワードが変更されました',
      text: "o'brien+{x}@example.com のパスワードが変更されました。心当たりがない場合は、すぐに管理者に連絡してください。",
    },
  },
  {
    label: 'webhook endpoint disabled',
    kind: 'webhook-endpoint-disabled',
    values: { url: 'https://hooks.example/{in}', organization: ODD },
    en: {
      subject: 'Webhook endpoint disabled: https://hooks.example/{in}',
      text:
        `Partner Center disabled the webhook endpoint https://hooks.example/{in} of ${ODD}: ` +
        'a delivery to it failed on every retry for three days.\n' +
        'No events are sent to it until an admin enables it again on the Webhooks page, ' +
        "where its delivery log shows each attempt's answer.",
    },
    ja: {
      subject: 'Webhook エンドポイントが無効になりました: https://hooks.example/{in}',
      text:
        `パートナー センターは ${ODD} の Webhook エンドポイント https://hooks.example/{in} を無効にしました。` +
        '3 日間のすべての再試行で配信に失敗しました。\n' +
        '管理者が Webhook ページで再び有効にするまで、イベントは送信されません。各試行の応答は配信ログで確認できます。',
    },
  },
];

describe('email templates', () => {
  for (const c of CASES) {
    it(`${c.label}: English`, () => expect(renderMail(c.kind, 'en', c.values)).toStrictEqual(c.en));
    it(`${c.label}: Japanese`, () => expect(renderMail(c.kind, 'ja', c.values)).toStrictEqual(c.ja));
  }

  it('are in English for any other or unknown language', () => {
    const c = CASES.find((x) => x.kind === 'partnership-accepted')!;
    for (const locale of [null, undefined, 'fr', 'EN', 'JA', ''])
      expect(renderMail(c.kind, locale, c.values), String(locale)).toStrictEqual(c.en);
  });
});
