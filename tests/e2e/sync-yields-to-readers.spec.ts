import { test as base, expect, FAKE_TOKEN } from './fixtures';
import { startFakeOkta, type FakeOkta } from '../fake-okta/server';
import { waitForSyncEnd } from '../support/directory-state';

const test = base.extend<{ okta: FakeOkta }>({
  okta: async ({}, use) => {
    const okta = await startFakeOkta({ port: 0, users: 20_000, groups: 40, apps: 8, seed: 7, token: FAKE_TOKEN, latency: 10 });
    await use(okta);
    await okta.close();
  },
});

const usersPages = (okta: FakeOkta) => okta.requests.filter((r) => r.path === '/api/v1/users' && r.status === 200).length;
const TYPING_MS = 3_500;

/**
 * IndexedDB answers an origin's reads only between the sync's page writes, so the popup's search
 * would wait for whichever write is running. While the agent types, the worker holds its writes
 * (it fetches at most the page it will write next), and it goes on once the typing stops.
 */
test('a full sync holds its writes while the agent types in the popup, then goes on', async ({ connect, okta, openExtensionPage }) => {
  test.setTimeout(180_000);
  const started = new Date().toISOString();
  await connect();
  await expect.poll(() => usersPages(okta), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);

  const popup = await openExtensionPage('popup.html');
  const box = popup.getByRole('combobox', { name: 'Find a person in Okta' });
  const typeFor = async (ms: number) => {
    const until = Date.now() + ms;
    for (let i = 0; Date.now() < until; i++) {
      await box.fill(['a', 'an', 'ann', 'anna', 'anna k'][i % 5]!);
      await popup.waitForTimeout(120);
    }
  };
  await typeFor(500);
  const atTypingStart = usersPages(okta);
  await typeFor(TYPING_MS);
  const whileTyping = usersPages(okta) - atTypingStart;

  await popup.waitForTimeout(1_000);
  const atPause = usersPages(okta);
  await popup.waitForTimeout(TYPING_MS);
  const afterTyping = usersPages(okta) - atPause;

  // The page fetched before the hold is the only one; with no one typing, pages keep coming.
  expect(whileTyping).toBeLessThanOrEqual(1);
  expect(afterTyping).toBeGreaterThanOrEqual(5);

  const end = await waitForSyncEnd(popup, started, 150_000);
  expect(end.lastError).toBeNull();
});
