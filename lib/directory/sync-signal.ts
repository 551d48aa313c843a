import { browser } from 'wxt/browser';

/**
 * A storage.session entry the worker rewrites when a sync starts or ends. Pages that show sync
 * health re-read the status then, and poll only while a sync runs, so an open popup or options
 * page does not wake the worker (and its database) every second or two at rest.
 */
export const SYNC_SIGNAL_KEY = 'deskside:sync-signal';

export interface SyncSignal {
  running: boolean;
  at: number;
}

/** A writer that records each change of the running state once (repeated progress of one run writes nothing). */
export function createSyncSignal(now: () => number = Date.now): (running: boolean) => Promise<void> {
  let last: boolean | null = null;
  return async (running) => {
    if (running === last) return;
    last = running;
    await browser.storage.session.set({ [SYNC_SIGNAL_KEY]: { running, at: now() } satisfies SyncSignal });
  };
}

/** Calls `listener` whenever the worker signals a sync starting or ending; returns the unsubscribe. */
export function watchSyncSignal(listener: () => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area === 'session' && SYNC_SIGNAL_KEY in changes) listener();
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
