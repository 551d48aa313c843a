import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { createSyncSignal, SYNC_SIGNAL_KEY, watchSyncSignal } from '@/lib/directory/sync-signal';

describe('sync signal', () => {
  it('writes when a sync starts and when it ends, not on every progress report of one run', async () => {
    const writes: unknown[] = [];
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'session' && SYNC_SIGNAL_KEY in changes) writes.push(changes[SYNC_SIGNAL_KEY]?.newValue);
    });
    let clock = 1000;
    const signal = createSyncSignal(() => clock++);
    for (const running of [true, true, true, false, false, true]) await signal(running);
    expect(writes).toEqual([
      { running: true, at: 1000 },
      { running: false, at: 1001 },
      { running: true, at: 1002 },
    ]);
  });

  it('wakes a watcher for that entry in storage.session only, until it unsubscribes', async () => {
    const listener = vi.fn();
    const stop = watchSyncSignal(listener);
    await browser.storage.session.set({ other: 1 });
    await browser.storage.local.set({ [SYNC_SIGNAL_KEY]: { running: true, at: 1 } });
    expect(listener).not.toHaveBeenCalled();
    await createSyncSignal()(true);
    expect(listener).toHaveBeenCalledTimes(1);
    stop();
    await browser.storage.session.set({ [SYNC_SIGNAL_KEY]: { running: false, at: 2 } });
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
