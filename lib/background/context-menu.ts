import { browser } from 'wxt/browser';
import { lookupQueryFrom, setPendingLookup } from './pending-lookup';

const MENU_ID = 'deskside-look-up';

/** The "Look up in Okta" item on selected text and on email links; created once per install or update. */
export function createLookupMenu(): void {
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: MENU_ID,
      title: 'Look up in Okta',
      contexts: ['selection', 'link'],
      targetUrlPatterns: ['mailto:*'],
    }),
  );
}

/** Opens the popup on what was clicked; where the popup cannot be opened, the same page in a tab. */
export function onLookupMenuClicked(info: { menuItemId: string | number; linkUrl?: string; selectionText?: string }): void {
  if (info.menuItemId !== MENU_ID) return;
  const query = lookupQueryFrom(info);
  if (!query) return;
  const stored = setPendingLookup(query);
  // openPopup is called at once, inside the click's user gesture; the popup also watches for the query.
  const opened = typeof browser.action.openPopup === 'function' ? browser.action.openPopup() : Promise.reject(new Error('no openPopup'));
  void opened.catch(async () => {
    await stored;
    await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
  });
}
