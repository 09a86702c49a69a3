import { expect, test } from '@playwright/test';
import { as, chooseBasic, fillDetails, JA, japanese, signInJa, unique } from './new-customer';

// F3, F7 and F4 in Japanese: Northwind's sales agent creates a customer for
// Tailspin IT under a name of its own, its admin signs in, and the agent adds
// a subscription. The agent's language choice is saved for the user: the
// flow starts from English (demo data) and sets it back, even on a failure.

test('F3, F7 and F4 in Japanese: 新しい顧客の追加 → セットアップ情報 → first sign-in → サブスクリプションの追加', async ({
  browser,
}) => {
  const prefix = unique('e2eja');
  const company = `日本テスト ${prefix}`;
  let temporaryPassword = '';
  const { page, context } = await as(browser, 'sales@northwind.example');
  await page.getByRole('button', { name: '日本語' }).click();
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: '間接リセラー' })).toBeVisible();
  try {
    await nav.getByRole('link', { name: '間接リセラー' }).click();
    await page
      .getByRole('row', { name: /Tailspin IT/ })
      .getByRole('link', { name: '新しい顧客の追加' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: '新しい顧客' })).toBeVisible();
    await fillDetails(page, JA, company, prefix);
    await page.getByRole('button', { name: '次へ: サブスクリプション' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '新しいサブスクリプション' })).toBeVisible();
    await chooseBasic(page, 'Microsoft 365 Business Basic', 'Microsoft 365 Business Basic のライセンス数');
    await page.getByRole('button', { name: '次へ: レビュー' }).click();
    await expect(page.getByRole('button', { name: 'キャンセル' })).toBeVisible();
    await page.getByRole('button', { name: '送信' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '確認' })).toBeVisible();
    const setup = page.getByRole('region', { name: 'セットアップ情報' });
    await expect(setup).toContainText(`admin@${prefix}.onmicrosoft.example`);
    await expect(setup.getByTestId('temporary-password')).not.toBeEmpty();
    temporaryPassword = (await setup.getByTestId('temporary-password').textContent())!.trim();
    await expect(page.getByRole('link', { name: '完了' })).toBeVisible();
  } finally {
    // The language is saved for the user: leave it as the other specs expect.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(nav.getByRole('link', { name: 'Indirect resellers' })).toBeVisible();
  }
  await context.close();

  // F7 in Japanese: the new admin signs in with the temporary password and must change it.
  const admin = await japanese(browser);
  await admin.page.goto('/sign-in');
  await admin.page.getByLabel('メール アドレス').fill(`admin@${prefix}.onmicrosoft.example`);
  await admin.page.getByLabel('パスワード').fill(temporaryPassword);
  await admin.page.getByRole('button', { name: 'サインイン' }).click();
  await expect(admin.page).toHaveURL(/\/change-password$/);
  const next = 'Nihon-Passw0rd-2026';
  await admin.page.getByLabel('現在のパスワード').fill(temporaryPassword);
  await admin.page.getByLabel('新しいパスワード', { exact: true }).fill(next);
  await admin.page.getByLabel('新しいパスワードの確認').fill(next);
  await admin.page.getByRole('button', { name: 'パスワードを変更' }).click();
  await expect(admin.page.getByRole('heading', { level: 1 })).toHaveText(company);
  await expect(admin.page.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toContainText('5');
  await expect(admin.page.getByRole('row', { name: /Microsoft 365 Business Basic/ })).toContainText('アクティブ');

  // F4 in Japanese: the provider adds a subscription from the customer's expanded row.
  const sales = await japanese(browser);
  await signInJa(sales.page, 'sales@northwind.example');
  await sales.page.getByRole('navigation').getByRole('link', { name: '顧客' }).click();
  await sales.page.getByLabel('検索').first().fill(prefix);
  await sales.page.getByLabel('検索').first().press('Enter');
  await sales.page.getByRole('button', { name: `${company} を展開` }).click();
  const form = sales.page.getByRole('form', { name: 'サブスクリプションの追加' });
  await form.getByRole('checkbox', { name: 'Microsoft 365 Business Standard' }).check();
  await form.getByLabel('Microsoft 365 Business Standard のライセンス数').fill('2');
  await expect(form.getByLabel('リセラー (MPN ID)')).toHaveValue(/.+/);
  await form.getByRole('button', { name: '送信' }).click();
  await expect(form.getByRole('status')).toHaveText('1 件のサブスクリプションを追加しました。');
  await expect(sales.page.getByRole('row', { name: /Microsoft 365 Business Standard/ })).toContainText(
    'Tailspin IT (5200002)',
  );
  await admin.page.reload();
  await expect(admin.page.getByRole('row', { name: /Microsoft 365 Business Standard/ })).toContainText('2');
  await admin.context.close();
  await sales.context.close();
});
