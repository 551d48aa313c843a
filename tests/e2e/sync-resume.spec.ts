import { expect, testWithLargeOrg as test, usersPagesServed } from './fixtures';
import type { RequestRecord } from '../fake-okta/server';
import { expectedDirectory, readExtensionDirectory, syncHealth, waitForSyncEnd } from '../support/directory-state';
import { stopServiceWorkers } from '../support/service-worker-control';

/** The same listing page asked for more than once: same path, same query (cursor included). */
function repeatedPages(requests: RequestRecord[]): string[] {
  const seen = new Map<string, number>();
  for (const r of requests) {
    if (!r.path.startsWith('/api/v1/')) continue;
    const key = `${r.path}?${new URLSearchParams(r.query).toString()}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([key, n]) => `${key} ×${n}`);
}

test('a worker stopped in the middle of a 20,000-user full sync resumes from its checkpoint when it wakes', async ({ connect, okta, openExtensionPage }) => {
  test.setTimeout(180_000);
  const page = await openExtensionPage('options.html');
  const started = new Date().toISOString();
  await connect();

  await expect.poll(() => usersPagesServed(okta), { timeout: 60_000 }).toBeGreaterThanOrEqual(25);
  await stopServiceWorkers(page);
  const pagesAtStop = usersPagesServed(okta);
  expect(pagesAtStop).toBeLessThan(100); // 20,000 users are 100 pages: stopped in the middle

  // Nothing fetches while no worker runs.
  const requestsAtStop = okta.requests.length;
  await page.waitForTimeout(1500);
  expect(okta.requests.length - requestsAtStop).toBeLessThanOrEqual(1);

  // Any message wakes the worker; it continues the pending sync on start.
  const health = await syncHealth(page);
  expect(health?.lastSuccessAt ?? null).toBeNull();
  const end = await waitForSyncEnd(page, started, 150_000);
  expect(end.lastError).toBeNull();

  const directory = await readExtensionDirectory(page);
  const expected = expectedDirectory(okta.org);
  expect(Object.keys(directory.users).length).toBe(Object.keys(expected.users).length);
  expect(directory.users).toEqual(expected.users);
  expect(directory.groups).toEqual(expected.groups);
  expect(directory.apps).toEqual(expected.apps);
  expect(directory.memberships).toEqual(expected.memberships);
  expect(directory.assignments).toEqual(expected.assignments);

  // Only the page in flight when the worker stopped may have been fetched twice.
  const repeats = repeatedPages(okta.requests);
  expect(repeats.length, repeats.join('\n')).toBeLessThanOrEqual(1);
  expect(usersPagesServed(okta)).toBeLessThanOrEqual(101);
});
