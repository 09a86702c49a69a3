import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

// Read-only: runs on the untouched demo data (Woodgrove Bank's Business Basic,
// 10 licences, Fabrikam as reseller of record since seeding, Northwind as support contact).

async function download(page: Page, linkName: string | RegExp) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: linkName }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '') };
}

test.describe('reports', () => {
  test("R9: Fabrikam's subscriptions list Woodgrove Bank's Business Basic as a managed customer; the support list is where support contacts show", async ({
    page,
    browser,
  }) => {
    await signIn(page, 'admin@fabrikam.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Subscriptions' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Subscriptions');
    const row = page.getByRole('row', { name: /Woodgrove Bank/ });
    await expect(row).toContainText('Microsoft 365 Business Basic');
    await expect(row).toContainText('10');
    await expect(row).toContainText('Fabrikam Solutions (5200001)');
    await expect(row).toContainText('Northwind Distribution');
    await expect(row).toContainText('Managed customer');
    await expect(row.getByRole('link', { name: /Microsoft 365 Business Basic/ })).toHaveAttribute(
      'href',
      /^\/subscriptions\/[a-z0-9]+$/,
    );

    const show = page.getByRole('group', { name: 'Show' });
    await expect(show.getByRole('link', { name: 'All' })).toHaveAttribute('aria-current', 'page');
    await show.getByRole('link', { name: 'Support contact (your support list)' }).click();
    await expect(page).toHaveURL(/relation=support/);
    await expect(page.getByText('No subscriptions match.')).toBeVisible();
    await show.getByRole('link', { name: 'Customers you manage' }).click();
    await expect(page).toHaveURL(/relation=managed/);
    await expect(page.getByRole('row', { name: /Woodgrove Bank/ })).toBeVisible();
    await page.getByLabel('Status').selectOption({ label: 'Cancelled' });
    await expect(page).toHaveURL(/relation=managed.*status=CANCELLED|status=CANCELLED.*relation=managed/);
    await expect(page.getByText('No subscriptions match.')).toBeVisible();
    await page.goto('/subscriptions?q=woodgrove.onmicrosoft');
    await expect(page.getByRole('row', { name: /Woodgrove Bank/ })).toBeVisible();

    // Another reseller sees none of it; a provider has no such page.
    const tailspin = await browser.newPage();
    await signIn(tailspin, 'admin@tailspin.example');
    await tailspin.goto('/subscriptions');
    await expect(tailspin.getByText('No subscriptions match.')).toBeVisible();
    await expect(tailspin.getByText('Woodgrove Bank')).toHaveCount(0);
  });

  test("R8: Northwind's incentives list Fabrikam Solutions with Woodgrove Bank this month; CSV export; no leak to other resellers", async ({
    page,
    browser,
  }) => {
    await signIn(page, 'admin@northwind.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Incentives' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Incentives');
    await expect(
      page.getByText(/earned = licences × unit price × incentive rate × days ÷ days in the month/),
    ).toBeVisible();
    const now = new Date();
    await expect(page.getByLabel('Month')).toHaveValue(
      `${now.getUTCFullYear()}-${String(now.getUTCMonth() + 1).padStart(2, '0')}`,
    );
    const details = page.getByRole('region', { name: 'Per subscription' });
    const row = details.getByRole('row', { name: /Woodgrove Bank/ });
    await expect(row).toContainText('Fabrikam Solutions');
    await expect(row).toContainText('Microsoft 365 Business Basic');
    await expect(row).toContainText('$6.00');
    await expect(row).toContainText('5.00%');
    await expect(
      page.getByRole('region', { name: 'Totals per reseller' }).getByRole('row', { name: /Fabrikam Solutions/ }),
    ).toContainText('$');
    // A few resellers: the filter is a list, the count exact, all the rows on one page.
    await expect(
      details.getByText(/indirect resellers \(partnerships, ended ones included\); rows by reseller, 50 to a page\./),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);

    // The month before the demo data has nothing; back to this month.
    await page.getByRole('link', { name: 'Previous month' }).click();
    await expect(page).toHaveURL(/month=\d{4}-\d{2}/);
    await expect(details.getByRole('row', { name: /Woodgrove Bank/ })).toHaveCount(0);
    await page.getByRole('link', { name: 'Next month' }).click();
    await expect(details.getByRole('row', { name: /Woodgrove Bank/ })).toBeVisible();

    const fabrikamId = await page
      .getByLabel('Indirect reseller')
      .locator('option', { hasText: 'Fabrikam Solutions' })
      .getAttribute('value');
    await page.getByLabel('Indirect reseller').selectOption({ label: 'Fabrikam Solutions (5200001)' });
    await expect(page).toHaveURL(/reseller=/);
    await expect(details.getByRole('row', { name: /Woodgrove Bank/ })).toBeVisible();

    // An MPN ID that is not one of Northwind's resellers: a clear message and no rows.
    await page.goto('/incentives?mpn=1234567');
    await expect(page.getByRole('alert').filter({ hasText: '1234567' })).toContainText(
      '“1234567” is not the MPN ID of one of your indirect resellers',
    );
    await expect(details.getByRole('row', { name: /Woodgrove Bank/ })).toHaveCount(0);
    // By MPN ID: Fabrikam's rows.
    await page.goto('/incentives?mpn=5200001');
    await expect(details.getByRole('row', { name: /Woodgrove Bank/ })).toBeVisible();
    await expect(page.getByLabel('Indirect reseller')).toHaveValue(fabrikamId!);

    const csv = await download(page, 'Export CSV');
    expect(csv.name).toMatch(/^incentives-\d{4}-\d{2}\.csv$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Month,Reseller,MPN ID,Indirect provider,Customer,Subscription ID,Offer,Licences,Unit price,Currency,Incentive rate,From (UTC),To (UTC),Days,Earned',
    );
    expect(lines.some((l) => l.includes('Fabrikam Solutions,5200001,Northwind Distribution,Woodgrove Bank'))).toBe(
      true,
    );

    // Fabrikam sees its own figures; Tailspin none, and cannot ask for Fabrikam's.
    const fabrikam = await browser.newPage();
    await signIn(fabrikam, 'admin@fabrikam.example');
    await fabrikam.goto('/incentives');
    await expect(
      fabrikam.getByRole('region', { name: 'Per subscription' }).getByRole('row', { name: /Woodgrove Bank/ }),
    ).toBeVisible();
    await expect(fabrikam.getByLabel('Indirect reseller')).toHaveCount(0);
    const tailspin = await browser.newPage();
    await signIn(tailspin, 'admin@tailspin.example');
    await tailspin.goto('/incentives');
    await expect(tailspin.getByText('No association periods in this month.').first()).toBeVisible();
    expect((await tailspin.goto(`/incentives?reseller=${fabrikamId}`))?.status()).toBe(404);
    expect((await tailspin.request.get(`/incentives/export?reseller=${fabrikamId}`)).status()).toBe(404);
    // Signed out: 404.
    expect((await browser.newPage().then((p) => p.request.get('/incentives/export'))).status()).toBe(404);
  });

  test('audit log: events of the organisation, filters, CSV export; vendor staff see all', async ({
    page,
    browser,
  }) => {
    await signIn(page, 'admin@northwind.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Audit log');
    const table = page.getByRole('table', { name: 'Audit log' });
    await expect(table.getByRole('row', { name: /Customer created/ })).toContainText('Nora Admin');
    await expect(table.getByRole('row', { name: /Partnership accepted/ }).first()).toBeVisible();

    await page.getByLabel('Action').selectOption({ label: 'Subscription created' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page).toHaveURL(/action=subscription.created/);
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table.getByRole('row', { name: /Subscription created/ })).toContainText('quantity: 10');

    // A target's id opens every event of that target.
    await table.getByRole('link', { name: /^Every event of Subscription / }).click();
    await expect(page).toHaveURL(/targetType=subscription&targetId=/);
    await expect(page.getByLabel('Target ID')).not.toHaveValue('');

    await page.goto('/audit-log');
    await page.getByLabel('Actor (name or email)').fill('nobody-at-all');
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(page.getByText('No events match.')).toBeVisible();
    await page.getByLabel('Actor (name or email)').fill('nora');
    await page.getByLabel('Target type').selectOption({ label: 'Order' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(table.getByRole('row', { name: /Order placed/ })).toBeVisible();
    await expect(table.getByRole('row', { name: /Customer created/ })).toHaveCount(0);

    const csv = await download(page, 'Export CSV');
    expect(csv.name).toMatch(/^audit-log-.*\.csv$/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('When (UTC),Actor,Actor email,Organisation,Action,Target type,Target ID,Outcome,Change');
    expect(lines.slice(1).every((l) => l.includes('Order placed'))).toBe(true);
    expect(lines.length).toBeGreaterThan(1);

    // Tailspin does not see Woodgrove Bank's events; vendor staff see everything.
    const tailspin = await browser.newPage();
    await signIn(tailspin, 'admin@tailspin.example');
    await tailspin.goto('/audit-log?action=customer.created');
    await expect(tailspin.getByText('No events match.')).toBeVisible();
    const vendor = await browser.newPage();
    await signIn(vendor, 'staff@vendor.example');
    await vendor.goto('/audit-log?action=customer.created');
    await expect(vendor.getByRole('row', { name: /Customer created/ }).first()).toBeVisible();
    // A customer user has no audit log.
    const woodgrove = await browser.newPage();
    await signIn(woodgrove, 'admin@woodgrove.onmicrosoft.example');
    expect((await woodgrove.goto('/audit-log'))?.status()).toBe(404);
    expect((await woodgrove.request.get('/audit-log/export')).status()).toBe(404);
  });

  test('Japanese labels on the three reports', async ({ page }) => {
    await signIn(page, 'admin@fabrikam.example');
    // The language cookie only (the switch would also store the choice on the demo account).
    await page.context().addCookies([{ name: 'NEXT_LOCALE', value: 'ja', url: new URL(page.url()).origin }]);
    await page.reload();
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: 'サブスクリプション' })).toBeVisible();
    await page.goto('/subscriptions');
    await expect(page.getByRole('columnheader', { name: '指定のサポート連絡先' })).toBeVisible();
    await expect(page.getByRole('columnheader', { name: 'リセラー (MPN ID)' })).toBeVisible();
    await expect(
      page.getByRole('group', { name: '表示' }).getByRole('link', { name: 'サポート連絡先 (サポート リスト)' }),
    ).toBeVisible();
    await expect(page.getByRole('row', { name: /Woodgrove Bank/ })).toContainText('管理している顧客');
    await page.goto('/incentives');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('インセンティブ');
    await expect(page.getByRole('columnheader', { name: '獲得額' }).first()).toBeVisible();
    await page.goto('/audit-log');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('監査ログ');
    await expect(page.getByRole('row', { name: /顧客の作成/ })).toBeVisible();
  });
});
