import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { sendFromExtensionPage } from '../support/extension';
import { waitForSyncEnd } from '../support/directory-state';
import { MEMORY_INDEX_MARK, PAGE_SEARCH_MEASURE, type PageSearchSource } from '../../lib/directory/page-search';

interface SearchRecord {
  query: string;
  results: number;
  source: PageSearchSource;
}

/** Keeps every search the popup measures (its User Timing entries) in the page, for the test to read. */
async function recordSearches(popup: Page): Promise<void> {
  await popup.evaluate((name) => {
    const log: unknown[] = [];
    (window as unknown as { __searches: unknown[] }).__searches = log;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === name) log.push((entry as PerformanceMeasure).detail);
    }).observe({ type: 'measure' });
  }, PAGE_SEARCH_MEASURE);
}

const searchesOf = (popup: Page) => popup.evaluate(() => (window as unknown as { __searches: SearchRecord[] }).__searches);

/** Types the query afresh and returns the names listed once the popup has answered it. */
async function namesFound(popup: Page, query: string): Promise<string[]> {
  const box = popup.getByRole('combobox', { name: 'Find a person in Okta' });
  const answered = (await searchesOf(popup)).length;
  await box.fill('');
  await box.fill(query);
  await expect.poll(async () => (await searchesOf(popup)).slice(answered).some((search) => search.query === query)).toBe(true);
  return popup.getByRole('option').allTextContents();
}

test('popup search answers from its in-memory copy of the directory, and follows an incremental sync while it stays open', async ({ connect, okta, openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  const started = new Date().toISOString();
  await connect();
  expect((await waitForSyncEnd(options, started)).lastError).toBeNull();

  const popup = await openExtensionPage('popup.html');
  await recordSearches(popup);
  await expect.poll(() => popup.evaluate((mark) => performance.getEntriesByName(mark).length, MEMORY_INDEX_MARK)).toBe(1);

  const [renamed, suspended, kept] = okta.org.users.filter((user) => user.status === 'ACTIVE').slice(3, 6);
  const nameOf = (user: typeof renamed) => `${user!.profile.firstName} ${user!.profile.lastName}`;
  expect((await namesFound(popup, kept!.profile.email))[0]).toContain(nameOf(kept));
  expect((await namesFound(popup, suspended!.profile.login))[0]).toContain(nameOf(suspended));

  // Changes behind the extension's back, then the incremental sync that brings them in.
  okta.mutate({ op: 'updateUser', id: renamed!.id, profile: { lastName: 'Zimmerwald' } });
  okta.mutate({ op: 'lifecycle', id: suspended!.id, action: 'suspend' });
  okta.mutate({
    op: 'createUser',
    profile: { login: 'quentin.newhire@example.com', email: 'quentin.newhire@example.com', firstName: 'Quentin', lastName: 'Newhire' },
    password: 'Correct-Horse-9!',
  });
  const before = new Date().toISOString();
  await sendFromExtensionPage(options, 'syncNow', { mode: 'incremental' });
  expect((await waitForSyncEnd(options, before)).lastError).toBeNull();

  // The open popup hears of the change and reloads its copy; nothing is reopened.
  await expect.poll(() => popup.evaluate((mark) => performance.getEntriesByName(mark).length, MEMORY_INDEX_MARK)).toBe(2);
  expect((await namesFound(popup, 'zimmerw'))[0]).toContain(`${renamed!.profile.firstName} Zimmerwald`);
  expect((await namesFound(popup, 'quentin newh'))[0]).toContain('Quentin Newhire');
  expect(await namesFound(popup, suspended!.profile.login)).toEqual([]);
  expect((await namesFound(popup, kept!.profile.email))[0]).toContain(nameOf(kept));

  const searches = await searchesOf(popup);
  expect(searches.length).toBeGreaterThanOrEqual(6);
  expect(searches.map((search) => search.source)).toEqual(searches.map(() => 'memory'));
});
