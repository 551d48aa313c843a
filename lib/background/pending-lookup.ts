import { browser } from 'wxt/browser';

/**
 * A lookup asked for from the context menu, handed to the popup through storage.session (which
 * content scripts cannot read), so no page can put a query into the popup through a URL.
 */
const KEY = 'pendingLookup';
const MAX_QUERY = 200;
/** A lookup not picked up within this time (the popup failed to open) is dropped. */
const PENDING_MS = 60_000;

interface PendingLookup {
  query: string;
  at: number;
}

/** The search query for what the agent right-clicked: a mailto link's address, else the selected text. Untrusted: only ever a search query. */
export function lookupQueryFrom(info: { linkUrl?: string; selectionText?: string }): string | null {
  if (info.linkUrl?.toLowerCase().startsWith('mailto:')) {
    const address = decodeURIComponent(info.linkUrl.slice('mailto:'.length).split('?')[0] ?? '').trim();
    if (address) return address.slice(0, MAX_QUERY);
  }
  const text = (info.selectionText ?? '').replace(/\s+/g, ' ').trim();
  return text ? text.slice(0, MAX_QUERY) : null;
}

export async function setPendingLookup(query: string): Promise<void> {
  await browser.storage.session.set({ [KEY]: { query, at: Date.now() } satisfies PendingLookup });
}

/** Reads and removes the pending lookup, if one is fresh. */
export async function takePendingLookup(): Promise<string | null> {
  const stored = (await browser.storage.session.get(KEY))[KEY] as PendingLookup | undefined;
  if (!stored) return null;
  await browser.storage.session.remove(KEY);
  return typeof stored.query === 'string' && Date.now() - stored.at < PENDING_MS ? stored.query.slice(0, MAX_QUERY) : null;
}

/** Calls `onLookup` when a lookup is set while the popup is already open (the menu writes it as the popup opens). */
export function watchPendingLookup(onLookup: (query: string) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'session' && changes[KEY]?.newValue) void takePendingLookup().then((q) => q && onLookup(q));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
