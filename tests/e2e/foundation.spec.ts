import { expect, test } from './fixtures';
import { builtContentScriptSize, CONTENT_SCRIPT_BUDGET_KB } from '../support/content-script-size';
import { panelFrame } from '../support/panel';
import { serveHelpdesk, ZENDESK_TICKET_123 } from '../support/helpdesk-routes';

test('the panel frame appears on a helpdesk ticket served at its real URL', async ({ context }) => {
  await serveHelpdesk(context, ZENDESK_TICKET_123);
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  const host = page.locator('deskside-panel');
  await expect(host).toBeVisible();
  const panel = await panelFrame(page);
  await expect(panel.getByRole('heading', { name: 'Grace Hansen' }).first()).toBeVisible();
});

test('the popup and the options page open', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { name: 'Deskside' })).toBeVisible();
  await expect(popup.getByText('Not connected to Okta yet')).toBeVisible();

  const options = await openExtensionPage('options.html');
  await expect(options.getByLabel('Okta domain')).toBeVisible();
  await expect(options.getByRole('button', { name: 'Test connection' })).toBeVisible();
  await expect(options.getByRole('button', { name: 'Save' })).toBeDisabled();
});

// The bench reports the same figure.
test('the built content script stays within its budget of 25 KB gzipped', () => {
  expect(builtContentScriptSize().gzipped).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_KB * 1024);
});
