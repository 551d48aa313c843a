import { test as base, expect, FAKE_TOKEN } from './fixtures';
import { startFakeOkta, type FakeOkta } from '../fake-okta/server';
import { sendFromExtensionPage } from '../support/extension';
import { expectedDirectory, readExtensionDirectory, waitForSyncEnd, type DirectoryState } from '../support/directory-state';
import type { Page } from '@playwright/test';

const test = base.extend<{ okta: FakeOkta }>({
  okta: async ({}, use) => {
    const okta = await startFakeOkta({ port: 0, users: 300, groups: 25, apps: 8, seed: 23, token: FAKE_TOKEN });
    await use(okta);
    await okta.close();
  },
});

function withoutGeneration({ users, groups, apps, memberships, assignments }: DirectoryState): DirectoryState {
  return { users, groups, apps, memberships, assignments };
}

async function fullSync(page: Page) {
  const before = new Date().toISOString();
  await sendFromExtensionPage(page, 'syncNow', { mode: 'full' });
  return waitForSyncEnd(page, before, 150_000);
}

async function badge(page: Page): Promise<{ text: string; title: string }> {
  return page.evaluate(async () => {
    const action = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.action;
    return { text: await action.getBadgeText({}), title: await action.getTitle({}) };
  });
}

test('under injected faults a full sync ends exact or fails clearly with the previous directory intact; a revoked token stops it with E0000011', async ({
  connect,
  okta,
  openExtensionPage,
}) => {
  test.setTimeout(240_000);
  const page = await openExtensionPage('options.html');
  const started = new Date().toISOString();
  await connect();
  expect((await waitForSyncEnd(page, started)).lastError).toBeNull();
  const good = expectedDirectory(okta.org);
  expect(withoutGeneration(await readExtensionDirectory(page))).toEqual(good);

  // A change the faulty sync should bring in, if it finishes.
  const someone = okta.org.users.find((u) => u.status === 'ACTIVE')!;
  okta.mutate({ op: 'updateUser', id: someone.id, profile: { title: 'Changed During Faults' } });

  okta.resetRequestLog();
  // Rolls are seeded: this spec gives a handful of 5xx, resets and malformed bodies, and one 429 burst (a ~1 min wait).
  okta.setFaults('5xx=0.15,reset=0.08,malformed=0.08,429burst=0.004');
  const faulty = await fullSync(page);
  okta.setFaults('');
  const injected = okta.requests.filter((r) => r.status >= 500 || r.status === 429).length;
  expect(injected, 'the fault spec should have produced failures to survive').toBeGreaterThan(0);
  const afterFaults = withoutGeneration(await readExtensionDirectory(page));
  if (faulty.lastError) {
    expect(faulty.lastError.sentence.length).toBeGreaterThan(20);
    expect(afterFaults).toEqual(good);
  } else {
    expect(afterFaults).toEqual(expectedDirectory(okta.org));
  }
  const lastGood = afterFaults;

  okta.setFaults('revoke-after=3');
  const revoked = await fullSync(page);
  okta.setFaults('');
  expect(revoked.lastError?.code).toBe('E0000011');
  expect(revoked.lastError?.sentence).toMatch(/token/i);
  const shown = await badge(page);
  expect(shown.text).toBe('!');
  expect(shown.title).toContain(revoked.lastError!.sentence);
  expect(withoutGeneration(await readExtensionDirectory(page))).toEqual(lastGood);
  // It stopped at the refusal instead of walking on through every group and app.
  expect(okta.requests.filter((r) => r.status === 401).length).toBeLessThanOrEqual(2);
});
