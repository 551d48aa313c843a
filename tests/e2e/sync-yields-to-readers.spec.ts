import type { Page } from '@playwright/test';
import { expect, testWithLargeOrg as test, usersPagesServed } from './fixtures';
import { waitForSyncEnd } from '../support/directory-state';
import { MAX_WAIT_PER_PAGE_MS, READER_QUIET_MS } from '../../lib/directory/reader-activity';

/** Shorter than the longest a page waits (from the first keystroke), so no page is due meanwhile. */
const TYPING_MS = MAX_WAIT_PER_PAGE_MS / 2;
const AFTER_MS = 3_500;
/** Long enough for several of the popup's status reads; the sync's writes stay held but are never stopped. */
const NOTE_TYPING_MS = 8_000;

/**
 * Types in the popup's search box from inside the page, a query every 100 ms, as input events
 * like Playwright's fill() sends: a round trip per keystroke to a loaded machine could leave a
 * gap longer than the worker's quiet period, which is an agent pausing.
 */
async function typeInPopup(popup: Page, ms: number): Promise<void> {
  await popup.evaluate(async (duration) => {
    const box = document.querySelector<HTMLInputElement>('input[role="combobox"]')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const queries = ['a', 'an', 'ann', 'anna', 'anna k'];
    const until = performance.now() + duration;
    for (let i = 0; performance.now() < until; i++) {
      setValue.call(box, queries[i % queries.length]);
      box.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, ms);
}

/**
 * IndexedDB answers an origin's reads only between the sync's page writes, so the popup's search
 * would wait for whichever write is running. While the agent types, the worker holds its writes
 * (it fetches at most the page it will write next), and it goes on once the typing stops.
 */
test('a full sync holds its writes while the agent types in the popup, then goes on', async ({ connect, okta, openExtensionPage }) => {
  test.setTimeout(180_000);
  const started = new Date().toISOString();
  await connect();
  await expect.poll(() => usersPagesServed(okta), { timeout: 60_000 }).toBeGreaterThanOrEqual(5);

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('combobox', { name: 'Find a person in Okta' })).toBeVisible();
  // The popup tells the worker as it opens, so a page may be on its way or already held.
  const atTypingStart = usersPagesServed(okta);
  await typeInPopup(popup, TYPING_MS);
  const whileTyping = usersPagesServed(okta) - atTypingStart;

  await popup.waitForTimeout(READER_QUIET_MS + 200);
  const atPause = usersPagesServed(okta);
  await popup.waitForTimeout(AFTER_MS);
  const afterTyping = usersPagesServed(okta) - atPause;

  // The page fetched before the hold is the only one; with no one typing, pages keep coming.
  expect(whileTyping).toBeLessThanOrEqual(1);
  expect(afterTyping).toBeGreaterThanOrEqual(5);

  // While the agent types again, the popup's status (read every 2 s while a sync runs, so a loaded
  // machine may need a few reads) says why the sync has slowed down, and stops saying it after.
  const typing = typeInPopup(popup, NOTE_TYPING_MS);
  const waitingNote = popup.getByTestId('sync-waiting-for-readers');
  await expect(waitingNote).toHaveText(/Waiting while the directory is being searched/, { timeout: NOTE_TYPING_MS });
  await typing;
  await expect(waitingNote).toBeHidden();

  const end = await waitForSyncEnd(popup, started, 150_000);
  expect(end.lastError).toBeNull();
});
