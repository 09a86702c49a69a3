import { expect, test } from '@playwright/test';
import { mailsTo, waitForMail } from '../helpers';
import { as, moveClock } from './subscription';

const DAY = 24 * 60 * 60 * 1000;

// Delegated access on the demo data: Fabrikam's agent (in "Fabrikam helpdesk",
// which holds User Administrator and License Administrator in Woodgrove Bank)
// resets a Woodgrove user's password on the Users tab, and Woodgrove's admin
// sees it on Partner activity; Fabrikam's sales agent (not in the group) gets
// 404 on that tab. Then the clock passes the end of Northwind's Global Reader
// relationship. A flow: it resets user@woodgrove.onmicrosoft.example's
// password (a temporary one, to be changed at its next sign-in) and moves the
// server's clock (put back at the end).

test("a partner user in the group resets a tenant user's password; the customer sees it; others get 404", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const agent = await as(browser, 'agent@fabrikam.example');
  await agent.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await agent.getByRole('link', { name: 'Woodgrove Bank' }).click();
  await agent
    .getByRole('navigation', { name: 'Delegated admin relationships' })
    .getByRole('link', { name: 'Users' })
    .click();
  await expect(agent.getByRole('heading', { level: 1 })).toHaveText('Woodgrove Bank: Users');
  const usersUrl = new URL(agent.url()).pathname;
  const row = agent.getByRole('row').filter({ hasText: 'user@woodgrove.onmicrosoft.example' });
  await row.getByRole('button', { name: 'Reset the password of Woodgrove User' }).click();
  await expect(row.getByRole('status')).toContainText('New temporary password for user@woodgrove.onmicrosoft.example');
  // The tenant's admins are out of a User Administrator's reach.
  const admin = agent.getByRole('row').filter({ hasText: 'admin@woodgrove.onmicrosoft.example' });
  await expect(admin.getByRole('button')).toHaveCount(0);
  await agent.context().close();

  const sales = await as(browser, 'sales@fabrikam.example');
  expect((await sales.goto(usersUrl))?.status()).toBe(404);
  expect((await sales.goto(usersUrl.replace(/users$/, 'licenses')))?.status()).toBe(404);
  await sales.context().close();

  const customer = await as(browser, 'admin@woodgrove.onmicrosoft.example');
  await customer.getByRole('link', { name: 'Partner activity' }).click();
  const entry = customer.getByRole('row').filter({ hasText: 'Fabrikam Admin Agent' }).first();
  await expect(entry).toContainText('Fabrikam Solutions');
  await expect(entry).toContainText('Fabrikam support for Woodgrove · User Administrator');
  await expect(entry).toContainText('Tenant user password reset');
  await customer.context().close();
});

test("when the clock passes Northwind's end, its relationship is expired and its Users tab answers 404; each notice went once", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const subject = (days: string) => `Delegated admin relationship Northwind read access ends in ${days}`;
  // The 7-day notice: the relationship ends in 5 days from the start.
  await waitForMail('admin@northwind.example', subject('7 days'));
  let page = await as(browser, 'admin@northwind.example');
  await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click();
  await page.getByRole('link', { name: 'Woodgrove Bank' }).click();
  const customerUrl = new URL(page.url()).pathname;
  const row = page.getByRole('region', { name: 'Delegated admin relationships' }).getByRole('row');
  await expect(row.filter({ hasText: 'Northwind read access' })).toContainText('Active');
  // Global Reader reads the tenant's users and changes nothing.
  await page.goto(`${customerUrl}/users`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Woodgrove Bank: Users');
  await expect(page.getByRole('button', { name: 'Add user' })).toHaveCount(0);
  await page.context().close();

  try {
    await moveClock(browser, { advanceMs: 4.5 * DAY });
    await waitForMail('admin@northwind.example', subject('1 day'));
    await moveClock(browser, { advanceMs: DAY });
    page = await as(browser, 'admin@northwind.example');
    await page.goto(customerUrl);
    await expect(
      page
        .getByRole('region', { name: 'Delegated admin relationships' })
        .getByRole('row')
        .filter({ hasText: 'Northwind read access' }),
    ).toContainText('Expired');
    expect((await page.goto(`${customerUrl}/users`))?.status()).toBe(404);
    await page.context().close();
    // Each notice once, to each admin of both sides.
    for (const to of ['admin@northwind.example', 'admin@woodgrove.onmicrosoft.example'])
      for (const days of ['7 days', '1 day']) expect(mailsTo(to, subject(days))).toBe(1);
  } finally {
    await moveClock(browser, { reset: true });
  }
});
