import { readFileSync } from 'node:fs';
import { expect, test, waitForFirstSync } from './fixtures';
import { sendFromExtensionPage } from '../support/extension';

test('audit log: an action taken in the popup is listed, filtered, and exported as CSV and JSON', async ({ openExtensionPage, connect, okta }) => {
  await connect();
  const popup = await openExtensionPage('popup.html');
  await waitForFirstSync(popup);
  const person = okta.org.users.find((u) => u.status === 'ACTIVE' && u.profile.login !== okta.org.users[0]!.profile.login)!;
  const login = String(person.profile.login);

  await popup.getByRole('combobox', { name: 'Find a person in Okta' }).fill(login);
  await expect(popup.getByRole('option').first()).toContainText(login);
  await popup.keyboard.press('Enter');
  await popup.getByRole('button', { name: 'Revoke sessions' }).click();
  await popup.getByTestId('confirm-button').click();
  await expect
    .poll(async () => (await sendFromExtensionPage<{ action: string }[]>(popup, 'listAudit', { limit: 10 })).map((a) => a.action))
    .toContain('revoke-sessions');

  const options = await openExtensionPage('options.html#audit');
  const table = options.getByTestId('audit-table');
  await expect(table).toContainText(login);
  await expect(table).toContainText('Revoke sessions');
  await options.getByLabel('Outcome').selectOption('failure');
  await expect(options.getByText('No entries match the filters.')).toBeVisible();
  await options.getByLabel('Outcome').selectOption('success');
  await options.getByLabel('Action').selectOption('revoke-sessions');
  await expect(table.locator('tbody tr')).toHaveCount(1);

  const csvDownload = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export CSV' }).click();
  const csv = readFileSync(await (await csvDownload).path(), 'utf8').split('\r\n');
  expect(csv[0]).toBe('time,agent,action,target,outcome,errorCode,detail,ticket,source,requestIds,inputs');
  expect(csv).toHaveLength(2);
  expect(csv[1]).toContain(`"${login}"`);
  expect(csv[1]).toContain('"popup"');

  const jsonDownload = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export JSON' }).click();
  const json = JSON.parse(readFileSync(await (await jsonDownload).path(), 'utf8')) as { action: string; outcome: string; target: { login: string } }[];
  expect(json).toEqual([expect.objectContaining({ action: 'revoke-sessions', outcome: 'success', target: expect.objectContaining({ login }) })]);
});
