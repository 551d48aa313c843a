import { browser } from 'wxt/browser';
import type { Detection } from '@/lib/detect/types';

/** What the background knows of a helpdesk tab: its host (browser-stamped) and the latest detection. */
export interface TabState {
  pageHost: string;
  detection: Detection | null;
  /** Known only to our content script and the panel frame it created (the page cannot read the frame's URL). */
  panelNonce: string | null;
}

/**
 * Kept in storage.session: it survives a service-worker restart, is gone when the browser closes,
 * and is not readable by content scripts (trusted contexts only).
 */
export function tabStateKey(tabId: number): string {
  return `tab:${tabId}`;
}

const pendingUpdates = new Map<number, Promise<unknown>>();

/**
 * Read-modify-write of a tab's state, one at a time per tab: the detection and the panel's
 * registration arrive together and must not overwrite each other.
 */
export function updateTabState(tabId: number, change: (state: TabState | null) => TabState): Promise<void> {
  const previous = pendingUpdates.get(tabId) ?? Promise.resolve();
  const next = previous.then(async () => {
    await browser.storage.session.set({ [tabStateKey(tabId)]: change(await getTabState(tabId)) });
  });
  const settled = next.catch(() => undefined);
  pendingUpdates.set(tabId, settled);
  void settled.then(() => {
    if (pendingUpdates.get(tabId) === settled) pendingUpdates.delete(tabId);
  });
  return next;
}

export async function getTabState(tabId: number): Promise<TabState | null> {
  const key = tabStateKey(tabId);
  const stored = await browser.storage.session.get(key);
  return (stored[key] as TabState | undefined) ?? null;
}

export function forgetClosedTabs(): void {
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(tabStateKey(tabId));
  });
}
