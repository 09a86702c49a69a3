import { expect, test, type Browser } from '@playwright/test';
import { PASSWORD, linkIn, signIn, waitForMail } from '../helpers';

// Issue "Identity": Northwind's admin adds a colleague on the Users page; the
// mailed invitation sets the password; a demotion takes effect on the
// colleague's next request. Forgot password? answers the same for a known
// and an unknown email, and its link works once. A flow (it adds a user to
// Northwind and changes a demo user's password back and forth).

const NEW_PASSWORD = 'Joined-Passw0rd-42';

async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("an admin adds a user by invitation; the user joins; a demotion takes effect on the user's next request", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = `newagent-${Date.now().toString(36)}@northwind.example`;
  const admin = await newPage(browser);
  await signIn(admin.page, 'admin@northwind.example');
  await admin.page.getByRole('link', { name: 'Users', exact: true }).click();
  await expect(admin.page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await admin.page.getByLabel('Email', { exact: true }).fill(email);
  await admin.page.getByLabel('Name', { exact: true }).fill('New Agent');
  await admin.page.getByLabel('Role', { exact: true }).selectOption({ label: 'Admin agent' });
  await admin.page.getByRole('button', { name: 'Add user' }).click();
  await expect(admin.page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  const row = admin.page.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Invited');

  const path = linkIn(await waitForMail(email, 'invited you to Northwind Distribution'), '/join/');
  const user = await newPage(browser);
  await user.page.goto(path);
  await expect(user.page.getByRole('heading', { name: 'Join Northwind Distribution' })).toBeVisible();
  await user.page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await user.page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await user.page.getByRole('button', { name: 'Join' }).click();
  await expect(user.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(user.page.getByRole('link', { name: 'Customers', exact: true })).toBeVisible();
  await expect(user.page.getByRole('link', { name: 'Users', exact: true })).toHaveCount(0);
  expect((await user.page.goto('/users'))?.status()).toBe(404);
  await user.page.goto('/customers');
  await expect(user.page.getByRole('link', { name: 'Add new customer' })).toBeVisible();

  // The link worked once.
  const again = await newPage(browser);
  await again.page.goto(path);
  await expect(again.page.getByText('This link has already been used.')).toBeVisible();
  await again.context.close();

  await admin.page.reload();
  await expect(row).toContainText('Active');
  await row.getByLabel('Role of New Agent').selectOption({ label: 'Helpdesk agent' });
  await row.getByRole('button', { name: 'Change role' }).click();
  await expect(row.getByRole('status')).toHaveText('Role changed.');

  // The open page's next request: the session ended with the role change.
  await user.page.reload();
  await expect(user.page.getByRole('link', { name: 'Add new customer' })).toHaveCount(0);
  await expect(user.page).toHaveURL(/\/sign-in/);
  await signIn(user.page, email, NEW_PASSWORD);
  await user.page.goto('/customers');
  await expect(user.page.getByRole('heading', { name: 'Customers', level: 1 })).toBeVisible();
  await expect(user.page.getByRole('link', { name: 'Add new customer' })).toHaveCount(0);

  // Groups: the new user joins one.
  const groupName = `Tier 1 ${Date.now().toString(36)}`;
  await admin.page.getByLabel('Group name').fill(groupName);
  await admin.page.getByRole('button', { name: 'Create group' }).click();
  const group = admin.page.getByRole('region', { name: groupName });
  await expect(group).toContainText('No members.');
  await group.getByLabel(`Add a member to ${groupName}`).selectOption({ label: `New Agent (${email})` });
  await group.getByRole('button', { name: 'Add member' }).click();
  await expect(group.getByRole('listitem')).toContainText(email);

  // The last admin keeps the role.
  const self = admin.page.getByRole('row').filter({ hasText: 'admin@northwind.example' });
  await expect(self.getByRole('button', { name: /Disable|Remove/ })).toHaveCount(0);
  await admin.context.close();
  await user.context.close();
});

test('Forgot password? answers the same for a known and an unknown email; the mailed link works once', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = 'helpdesk@northwind.example';
  const { context, page } = await newPage(browser);
  const ask = async (address: string) => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page.getByRole('heading', { name: 'Forgot password?' })).toBeVisible();
    await page.getByLabel('Email').fill(address);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    const answer = page.getByRole('status');
    await expect(answer).toContainText('a link to reset its password is on its way');
    return (await answer.textContent())!.replace(address, '<email>');
  };
  const unknown = await ask('nobody-here@northwind.example');
  const known = await ask(email);
  expect(known).toBe(unknown);

  const path = linkIn(await waitForMail(email, 'Reset your Partner Center password'), '/reset-password/');
  await page.goto(path);
  await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Reset password' }).click();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  await page.goto(path);
  await expect(page.getByText('This link has already been used.')).toBeVisible();
  await context.close();

  // The demo password comes back the same way, for the other flows and a second run.
  const back = await newPage(browser);
  await back.page.goto('/forgot-password');
  await back.page.getByLabel('Email').fill(email);
  await back.page.getByRole('button', { name: 'Send reset link' }).click();
  await expect(back.page.getByRole('status')).toBeVisible();
  const mails = async () => {
    const mail = await waitForMail(email, 'Reset your Partner Center password');
    return linkIn(mail, '/reset-password/');
  };
  await expect.poll(mails, { timeout: 30_000 }).not.toBe(path);
  await back.page.goto(await mails());
  await back.page.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await back.page.getByLabel('Confirm new password').fill(PASSWORD);
  await back.page.getByRole('button', { name: 'Reset password' }).click();
  await expect(back.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await back.context.close();
});

test('vendor staff always need a second factor: a staff user who joins is sent to enrolment; the demo staff account is not', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const email = `newstaff-${Date.now().toString(36)}@vendor.example`;
  const staff = await newPage(browser);
  await signIn(staff.page, 'staff@vendor.example');
  await staff.page.goto('/users');
  await expect(staff.page.getByText('Vendor staff always sign in with a second factor')).toBeVisible();
  await expect(staff.page.getByLabel('Require multi-factor sign-in')).toHaveCount(0);
  await staff.page.getByLabel('Email', { exact: true }).fill(email);
  await staff.page.getByLabel('Name', { exact: true }).fill('New Staff');
  await staff.page.getByRole('button', { name: 'Add user' }).click();
  await expect(staff.page.getByRole('status').filter({ hasText: `Invitation sent to ${email}` })).toBeVisible();
  await staff.context.close();

  const user = await newPage(browser);
  await user.page.goto(linkIn(await waitForMail(email, 'invited you to'), '/join/'));
  await user.page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await user.page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await user.page.getByRole('button', { name: 'Join' }).click();
  await expect(user.page).toHaveURL(/\/security$/);
  await expect(user.page.getByRole('button', { name: 'Set up authenticator app' })).toBeVisible();
  await user.page.goto('/customers');
  await expect(user.page).toHaveURL(/\/security$/);
  await user.context.close();
});
