import { expect, test } from './fixtures';
import { sendFromExtensionPage } from '../support/extension';
import { serveHelpdesk } from '../support/helpdesk-routes';
import { panelFrame } from '../support/panel';
import { seedPeople } from '../support/seed-people';
import { allowSiteAccess } from '../support/site-access';

const OSTICKET = { 'https://help.acme.example/scp/tickets.php?id=17': 'osticket/ticket-view.html' };
const ORIGIN = 'https://help.acme.example';

test('a self-hosted osTicket added in options gets the content script and the panel; removing it stops both', async ({ context, extensionId, openExtensionPage, okta, connect }) => {
  await seedPeople(okta, [{ firstName: 'Diego', lastName: 'Torres', email: 'diego.torres@example.com', title: 'Engineer', department: 'IT' }]);
  await connect();
  await serveHelpdesk(context, OSTICKET);

  // Before: not a helpdesk Deskside knows, so no panel.
  const before = await context.newPage();
  await before.goto(`${ORIGIN}/scp/tickets.php?id=17`);
  await before.waitForTimeout(1500); // a negative check: give a content script the time to appear
  await expect(before.locator('deskside-panel')).toHaveCount(0);
  await before.close();

  const options = await openExtensionPage('options.html#helpdesks');
  await options.getByLabel('Helpdesk address').fill('help.acme.example/scp/tickets.php?id=17');
  await options.getByLabel('Helpdesk software').selectOption('osticket');

  // Refused without the permission: a specific message and nothing saved.
  await options.evaluate(() => (window as unknown as { chrome: { permissions: { request: () => Promise<boolean> } } }).chrome.permissions.request = () => Promise.resolve(false));
  await options.getByRole('button', { name: 'Add helpdesk' }).click();
  await expect(options.locator('#self-hosted-address-error')).toContainText('was not granted');
  expect((await sendFromExtensionPage<{ settings: { selfHosted: unknown[] } }>(options, 'getSettings')).settings.selfHosted).toEqual([]);
  await options.reload();

  await allowSiteAccess(context, extensionId, `${ORIGIN}/*`);
  await options.getByLabel('Helpdesk address').fill('help.acme.example/scp/tickets.php?id=17');
  await options.getByLabel('Helpdesk software').selectOption('osticket');
  await options.getByRole('button', { name: 'Add helpdesk' }).click();
  await expect(options.getByTestId('self-hosted-row')).toContainText(ORIGIN);
  await expect(options.getByTestId('self-hosted-row')).toContainText('On');

  const ticket = await context.newPage();
  await ticket.goto(`${ORIGIN}/scp/tickets.php?id=17`);
  const panel = await panelFrame(ticket);
  await expect(panel.getByRole('heading', { name: 'Diego Torres' }).first()).toBeVisible();
  await ticket.screenshot({ path: test.info().outputPath('self-hosted-osticket.png') });

  await options.getByRole('button', { name: `Remove ${ORIGIN}` }).click();
  await expect(options.getByTestId('self-hosted-row')).toHaveCount(0);
  const hasAccess = (o: string) =>
    (globalThis as unknown as { chrome: { permissions: { contains(p: { origins: string[] }): Promise<boolean> } } }).chrome.permissions.contains({ origins: [o] });
  expect(await options.evaluate(hasAccess, `${ORIGIN}/*`)).toBe(false);
  await ticket.reload();
  await ticket.waitForTimeout(1500); // a negative check, as above
  await expect(ticket.locator('deskside-panel')).toHaveCount(0);
});
