import { readFileSync } from 'node:fs';
import { expect, FAKE_TOKEN, test } from './fixtures';
import { launchWithExtension, sendFromExtensionPage } from '../support/extension';
import { serveHelpdesk, ZENDESK_TICKET_123 } from '../support/helpdesk-routes';
import { panelFrame } from '../support/panel';
import { ensurePerson } from '../support/seed-people';

interface View { settings: Record<string, unknown> & { oktaDomain: string | null } }

const FIELD_MAP = [
  { attribute: 'employmentType', label: 'Employment type' },
  { attribute: 'department', label: 'Department' },
];
const RULE = { id: 'r1', host: 'support.acme.example', urlPattern: '/ticket/*', selector: '#requester-email', role: 'requester', pickedOnPage: false };

test('settings exported from one profile and imported into a fresh one behave the same, and the file holds no secret', async ({ openExtensionPage, okta, connect }) => {
  ensurePerson(okta, {
    login: 'grace.hansen@example.com', email: 'grace.hansen@example.com', firstName: 'Grace', lastName: 'Hansen', employmentType: 'Contractor', department: 'Finance',
  });
  await connect();
  const options = await openExtensionPage('options.html#rollout');
  const saved = await sendFromExtensionPage<{ ok: boolean }>(options, 'saveSettings', {
    patch: { fieldMap: FIELD_MAP, customRules: [RULE], gates: { suspend: 'typed' } },
  });
  expect(saved.ok).toBe(true);
  await options.reload();
  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export settings' }).click();
  const file = await (await download).path();
  const text = readFileSync(file, 'utf8');
  expect(text).not.toContain(FAKE_TOKEN);
  expect(JSON.parse(text)).toMatchObject({ format: 'deskside-settings', settings: { oktaDomain: okta.url, fieldMap: FIELD_MAP } });
  const before = await sendFromExtensionPage<View>(options, 'getSettings');

  const fresh = await launchWithExtension();
  try {
    await serveHelpdesk(fresh.context, ZENDESK_TICKET_123);
    const page = await fresh.context.newPage();
    await page.goto(fresh.extensionUrl('options.html#rollout'));

    // A broken file is refused with the reason and nothing changes.
    await page.getByLabel('Settings file to import').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"deskside-settings"') });
    await expect(page.locator('#import-file-error')).toContainText('not JSON');

    await page.getByLabel('Settings file to import').setInputFiles(file);
    await expect(page.getByTestId('import-summary')).toContainText('2 card fields');
    const useDomain = page.getByLabel(/Use the Okta domain from this file/);
    await expect(useDomain).not.toBeChecked();
    await expect(page.getByTestId('import-summary')).toContainText(okta.url);
    await useDomain.check();
    await page.getByRole('button', { name: 'Apply imported settings' }).click();
    await expect(page.getByText(/^Imported\./)).toBeVisible();

    const after = await sendFromExtensionPage<View>(page, 'getSettings');
    for (const key of ['fieldMap', 'sync', 'helpdesks', 'selfHosted', 'customRules', 'gates', 'playbooks', 'oktaDomain', 'authMode'] as const) {
      expect(after.settings[key], key).toEqual(before.settings[key]);
    }
    const status = await sendFromExtensionPage<{ connected: boolean }>(page, 'getStatus');
    expect(status.connected).toBe(false);

    // The agent connects with their own token; the domain came from the file.
    await page.goto(fresh.extensionUrl('options.html#connection'));
    await expect(page.getByLabel('Okta domain')).toHaveValue(okta.url);
    await page.getByLabel(/API token \(legacy/).check();
    await page.getByLabel('API token', { exact: true }).fill(FAKE_TOKEN);
    await page.getByRole('button', { name: 'Test connection' }).click();
    await expect(page.getByTestId('connection-report')).toBeVisible();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByTestId('connected-as')).toBeVisible();

    const ticket = await fresh.context.newPage();
    await ticket.goto('https://acme.zendesk.com/agent/tickets/123');
    const panel = await panelFrame(ticket);
    await expect(panel.getByTestId('field-employmentType')).toHaveText('Contractor');
    await expect(panel.getByTestId('field-title')).toHaveCount(0);
  } finally {
    await fresh.close();
  }
});
