import { expect, FAKE_TOKEN, test } from './fixtures';
import { sendFromExtensionPage } from '../support/extension';

interface Status {
  connected: boolean;
  oktaDomain: string | null;
  sync: { running: boolean; counts: { users: number } } | null;
}

test('API token: a wrong token shows Okta’s E0000011 sentence and saves nothing; the right one shows the admin, saves and starts a sync', async ({ openExtensionPage, okta }) => {
  const page = await openExtensionPage('options.html');
  await page.getByLabel('Okta domain').fill(okta.url);
  await page.getByLabel(/API token \(legacy/).check();
  await page.getByLabel('API token', { exact: true }).fill('not-the-token');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-error')).toContainText('E0000011');
  await expect(page.getByTestId('connection-error')).toContainText('Security › API › Tokens');
  await expect(page.locator('#api-token-error')).toContainText('invalid or has expired');
  await expect(page.getByRole('button', { name: 'Save' })).toBeDisabled();
  const before = await sendFromExtensionPage<Status>(page, 'getStatus');
  expect(before.connected).toBe(false);
  expect(before.oktaDomain).toBeNull();

  await page.getByLabel('API token', { exact: true }).fill(FAKE_TOKEN);
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-report')).toContainText(okta.url);
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('connected-as')).toContainText(okta.url);
  // The token field is emptied and the saved token is not on the page.
  await expect(page.getByLabel('API token', { exact: true })).toHaveValue('');
  expect(await page.content()).not.toContain(FAKE_TOKEN);
  await expect
    .poll(async () => (await sendFromExtensionPage<Status>(page, 'getStatus')).sync?.counts.users ?? 0, { timeout: 60_000 })
    .toBeGreaterThan(0);
});

test('OAuth with PKCE: Test connection signs in through the fake’s authorize and token endpoints, Save connects', async ({ openExtensionPage, okta }) => {
  const page = await openExtensionPage('options.html');
  await page.getByLabel('Okta domain').fill(okta.url);
  await page.getByLabel(/OAuth 2.0 with PKCE/).check();
  await page.getByLabel('Client id').fill('deskside-test-client');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByTestId('connection-report')).toContainText(okta.url, { timeout: 30_000 });
  await expect(page.getByTestId('connection-report')).toContainText('scope okta.users.manage granted');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('connected-as')).toContainText(okta.url);
  const status = await sendFromExtensionPage<Status & { authMode: string }>(page, 'getStatus');
  expect(status).toMatchObject({ connected: true, authMode: 'oauth' });
  const requests = await (await fetch(`${okta.url}/__admin/requests`)).json() as { method: string; path: string }[];
  expect(requests.some((r) => r.path.startsWith('/oauth2/v1/authorize'))).toBe(true);
  expect(requests.some((r) => r.path.startsWith('/oauth2/v1/token'))).toBe(true);
});
