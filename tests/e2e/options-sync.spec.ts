import { expect, FAKE_TOKEN, test } from './fixtures';
import { sendFromExtensionPage } from '../support/extension';
import type { Page } from '@playwright/test';
import { startFakeOkta, type FakeOkta } from '../fake-okta/server';

interface Status { sync: { running: boolean; lastSuccessAt: string | null; counts: { users: number; groups: number } } | null }
interface View { settings: { sync: { fullIntervalHours: number; includeStatuses: string[]; importGroups: boolean } } }

const idleWithUsers = async (page: Page) => {
  const { sync } = await sendFromExtensionPage<Status>(page, 'getStatus');
  return sync && !sync.running && sync.lastSuccessAt ? sync.counts : null;
};

test('sync settings: bad input is refused next to the field; a change of statuses saves, re-schedules and rebuilds the directory; clear empties it', async ({ openExtensionPage, connect, okta }) => {
  await connect();
  const page = await openExtensionPage('options.html#sync');
  await expect.poll(() => idleWithUsers(page), { timeout: 60_000 }).not.toBeNull();
  const first = (await idleWithUsers(page))!;
  const active = okta.org.users.filter((u) => ['ACTIVE', 'PROVISIONED', 'RECOVERY', 'LOCKED_OUT', 'PASSWORD_EXPIRED'].includes(u.status)).length;
  expect(first.users).toBe(active);

  await page.getByLabel('Full sync every (hours)').fill('0');
  await page.getByLabel('Share of Okta’s rate limits for sync (%)').fill('95');
  await page.getByRole('button', { name: 'Save sync settings' }).click();
  await expect(page.locator('#full-interval-error')).toHaveText('Enter a whole number of hours from 1 to 168 (a week).');
  await expect(page.locator('#budget-share-error')).toContainText('10% to 90%');
  expect((await sendFromExtensionPage<View>(page, 'getSettings')).settings.sync.fullIntervalHours).toBe(4);

  await page.getByLabel('Full sync every (hours)').fill('6');
  await page.getByLabel('Share of Okta’s rate limits for sync (%)').fill('40');
  await page.getByLabel('Suspended').check();
  await page.getByLabel('Import groups').uncheck();
  await page.getByRole('button', { name: 'Save sync settings' }).click();
  await expect(page.getByText('Saved. A full sync has started, because what is synced changed.')).toBeVisible();
  const alarms = await page.evaluate(() => (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string; periodInMinutes?: number }[]> } } }).chrome.alarms.getAll());
  expect(alarms.find((a) => a.name === 'deskside-directory-full')?.periodInMinutes).toBe(360);

  const suspended = okta.org.users.filter((u) => u.status === 'SUSPENDED').length;
  await expect.poll(async () => (await idleWithUsers(page))?.users, { timeout: 60_000 }).toBe(active + suspended);
  expect((await idleWithUsers(page))!.groups).toBe(0);
  await page.screenshot({ path: test.info().outputPath('options-sync-saved.png'), fullPage: true });

  await page.getByRole('button', { name: 'Clear local directory' }).click();
  await page.getByRole('button', { name: 'Yes, clear it' }).click();
  await expect(page.getByText('The local directory is empty.')).toBeVisible();
  expect(await sendFromExtensionPage<unknown[]>(page, 'searchDirectory', { query: 'a' })).toEqual([]);
});

/** The options sync page, connected to `okta` once its first sync has finished; `synced` is the users it stored. */
async function connectedSyncPage(openExtensionPage: (path: string) => Promise<Page>, okta: FakeOkta): Promise<{ page: Page; synced: number }> {
  const page = await openExtensionPage('options.html#sync');
  const report = await sendFromExtensionPage<{ ok: boolean }>(page, 'saveConnection', { domain: okta.url, auth: { type: 'ssws', token: FAKE_TOKEN } });
  expect(report.ok).toBe(true);
  await expect.poll(() => idleWithUsers(page), { timeout: 120_000 }).not.toBeNull();
  return { page, synced: (await idleWithUsers(page))!.users };
}

test('Sync now shows the running phase against the last sync’s count with a determinate progress bar, then the new result', async ({ openExtensionPage }) => {
  const okta = await startFakeOkta({ port: 0, users: 2500, groups: 6, apps: 3, seed: 21, token: FAKE_TOKEN });
  try {
    const { page, synced } = await connectedSyncPage(openExtensionPage, okta);
    okta.mutate({ op: 'createUser', profile: { login: 'new.hire@corp.example.com', email: 'new.hire@example.org', firstName: 'New', lastName: 'Hire' }, password: 'Demo-Passw0rd!-2026' });

    // Over a 300 ms link the users listing (about 12 pages) takes long enough to watch.
    okta.setLatency(300);
    const syncNow = page.getByRole('button', { name: 'Sync now' });
    await expect(page.getByTestId('sync-idle')).toBeVisible();
    await syncNow.focus();
    await page.keyboard.press('Enter');
    const running = page.getByTestId('sync-running');
    await expect(running).toContainText(new RegExp(`Reading people: [\\d,]+ of ${synced.toLocaleString('en-US')} people · [\\d,]+ records/s · about \\d+ (s|min) left`));
    const bar = page.getByRole('progressbar', { name: 'Sync progress' });
    await expect.poll(() => bar.evaluate((el) => (el as HTMLProgressElement).position)).toBeGreaterThan(0);
    await expect(syncNow).toBeDisabled();
    await page.screenshot({ path: test.info().outputPath('options-sync-running.png'), fullPage: true });
    okta.setLatency(0);

    await expect(page.getByTestId('sync-idle')).toContainText(`${(synced + 1).toLocaleString('en-US')} users`, { timeout: 120_000 });
    await expect(page.getByTestId('sync-idle')).toContainText(/Last sync: (just now|1 minute ago)/);
    await expect(syncNow).toBeEnabled();
  } finally {
    await okta.close();
  }
});

test('an open sync page does not poll the worker at rest, yet shows a sync started elsewhere as it runs and when it ends', async ({ openExtensionPage, serviceWorker }) => {
  const okta = await startFakeOkta({ port: 0, users: 2500, groups: 6, apps: 3, seed: 22, token: FAKE_TOKEN });
  try {
    const { page, synced } = await connectedSyncPage(openExtensionPage, okta);
    await expect(page.getByTestId('sync-idle')).toContainText(`${synced.toLocaleString('en-US')} users`);

    // Every status read reaches the worker as a getStatus message; a second listener counts them.
    await serviceWorker.evaluate(() => {
      const chrome = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
      const counter = globalThis as unknown as { statusReads: number };
      counter.statusReads = 0;
      chrome.runtime.onMessage.addListener((message: { type?: string }) => {
        if (message?.type === 'getStatus') counter.statusReads += 1;
      });
    });
    await page.waitForTimeout(5000);
    expect(await serviceWorker.evaluate(() => (globalThis as unknown as { statusReads: number }).statusReads)).toBe(0);

    // Another page starts a sync over a slow link: this page follows it without being touched.
    okta.mutate({ op: 'createUser', profile: { login: 'late.joiner@corp.example.com', email: 'late.joiner@example.org', firstName: 'Late', lastName: 'Joiner' }, password: 'Demo-Passw0rd!-2026' });
    okta.setLatency(300);
    const popup = await openExtensionPage('popup.html');
    await sendFromExtensionPage(popup, 'syncNow', { mode: 'full' });
    await expect(page.getByTestId('sync-running')).toContainText('Reading people', { timeout: 30_000 });
    okta.setLatency(0);
    await expect(page.getByTestId('sync-idle')).toContainText(`${(synced + 1).toLocaleString('en-US')} users`, { timeout: 120_000 });
  } finally {
    await okta.close();
  }
});
