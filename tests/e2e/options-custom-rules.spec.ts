import { expect, test } from './fixtures';
import { sendFromExtensionPage } from '../support/extension';

interface View { settings: { customRules: { id: string; host: string; urlPattern: string; selector: string; role: string; pickedOnPage: boolean }[] } }

test('custom rules: added with checks per field, edited, deleted; a rule picked on the page is listed and editable', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('options.html#helpdesks');
  await sendFromExtensionPage(page, 'saveSettings', {
    patch: { customRules: [{ id: 'picked1', host: 'intranet.acme.example', urlPattern: '', selector: 'div.ticket > span.email', role: 'requester', pickedOnPage: true }] },
  });
  await page.reload();
  const rows = page.getByTestId('custom-rule-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('picked on page');

  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByLabel('Host', { exact: true }).fill('support.acme.example');
  await page.getByLabel('CSS selector').fill('div[');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(page.locator('#rule-selector-error')).toHaveText('This is not a valid CSS selector. Check brackets and quotes.');
  expect((await sendFromExtensionPage<View>(page, 'getSettings')).settings.customRules).toHaveLength(1);

  await page.getByLabel('CSS selector').fill('#requester .email');
  await page.getByLabel('URL pattern').fill('/tickets/*');
  await page.getByLabel('Role').selectOption('requested-for');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(rows).toHaveCount(2);

  await page.getByRole('button', { name: 'Edit rule for intranet.acme.example' }).click();
  await page.getByLabel('CSS selector').fill('#who');
  await page.getByRole('button', { name: 'Save rule' }).click();
  await expect(rows.first()).toContainText('#who');

  let rules = (await sendFromExtensionPage<View>(page, 'getSettings')).settings.customRules;
  expect(rules).toEqual([
    expect.objectContaining({ id: 'picked1', selector: '#who', pickedOnPage: true }),
    expect.objectContaining({ host: 'support.acme.example', urlPattern: '/tickets/*', selector: '#requester .email', role: 'requested-for', pickedOnPage: false }),
  ]);

  await page.getByRole('button', { name: 'Delete rule for intranet.acme.example' }).click();
  await expect(rows).toHaveCount(1);
  rules = (await sendFromExtensionPage<View>(page, 'getSettings')).settings.customRules;
  expect(rules.map((r) => r.host)).toEqual(['support.acme.example']);
});
