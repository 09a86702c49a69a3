import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// A form's page sends the browser only the catalog parts its form reads
// (components/ui/intl-client.tsx): the New customer wizard gets its own
// texts and the error messages, not the email templates or other pages' texts.
test('Add new customer sends the wizard’s texts, not the email templates or other pages’', async ({ page }) => {
  await signIn(page, 'admin@northwind.example');
  const html = await (await page.request.get('/customers/new')).text();
  expect(html).toContain('Setup info'); // newCustomer, read by the wizard in the browser
  expect(html).toContain('This domain is already taken'); // orders.errors, for the domain check
  expect(html).not.toContain('accepted your partnership request'); // emails
  expect(html).not.toContain('No mail server is configured'); // mailbox
});
