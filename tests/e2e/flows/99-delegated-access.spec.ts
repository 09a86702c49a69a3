import { expect, test } from '@playwright/test';
import { as } from './subscription';

// Delegated access on the demo data: Fabrikam's agent (in "Fabrikam helpdesk",
// which holds User Administrator and License Administrator in Woodgrove Bank)
// resets a Woodgrove user's password on the Users tab, and Woodgrove's admin
// sees it on Partner activity; Fabrikam's sales agent (not in the group) gets
// 404 on that tab. A flow: it resets user@woodgrove.onmicrosoft.example's
// password (a temporary one, to be changed at its next sign-in).

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
