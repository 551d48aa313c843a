import { describe, expect, it } from 'vitest';
import {
  createReaderActivity,
  MAX_WAIT_PER_PAGE_MS,
  READER_QUIET_MS,
  YIELD_BUDGET_MS,
  YIELD_WINDOW_MS,
} from '@/lib/directory/reader-activity';
import { readSyncStatus, STATE_KEYS, type SyncCheckpoint } from '@/lib/directory/state';
import { runSync } from '@/lib/directory/sync';
import { DEFAULT_OPTIONS, freshDb } from './helpers';
import { MemoryOkta } from './memory-okta';

/** A clock that advances only when slept on; `onSleep` runs at each sleep (an agent typing meanwhile). */
function manualClock(onSleep: (now: number) => void = () => {}) {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms: number) => void (now += ms),
    async sleep(ms: number) {
      sleeps.push(ms);
      now += ms;
      onSleep(now);
    },
  };
}

describe('the sync waits for agents to pause reading', () => {
  it('writes at once when nobody has read lately', async () => {
    const clock = manualClock();
    const readers = createReaderActivity(clock);
    await readers.quiet();
    readers.touch();
    clock.advance(READER_QUIET_MS);
    await readers.quiet();
    expect(clock.sleeps).toEqual([]);
  });

  it('waits until the quiet period after the last read has passed', async () => {
    const clock = manualClock();
    const readers = createReaderActivity(clock);
    readers.touch();
    clock.advance(300);
    await readers.quiet();
    expect(clock.sleeps).toEqual([READER_QUIET_MS - 300]);
  });

  it('follows reads that go on while it waits', async () => {
    let reads = 3;
    const clock = manualClock(() => reads-- > 0 && readers.touch());
    const readers = createReaderActivity(clock);
    readers.touch();
    await readers.quiet();
    expect(clock.sleeps).toEqual([READER_QUIET_MS, READER_QUIET_MS, READER_QUIET_MS, READER_QUIET_MS]);
  });

  it('writes a page after MAX_WAIT_PER_PAGE_MS however steadily agents read', async () => {
    const clock = manualClock(() => readers.touch());
    const readers = createReaderActivity(clock);
    readers.touch();
    const started = clock.now();
    await readers.quiet();
    expect(clock.now() - started).toBe(MAX_WAIT_PER_PAGE_MS);
  });

  it('waits at most YIELD_BUDGET_MS in any YIELD_WINDOW_MS, then again once the window has moved on', async () => {
    const clock = manualClock(() => readers.touch());
    const readers = createReaderActivity(clock);
    readers.touch();
    const started = clock.now();
    let pages = 0;
    while (clock.now() - started < YIELD_BUDGET_MS) {
      await readers.quiet();
      pages += 1;
    }
    expect(pages).toBe(YIELD_BUDGET_MS / MAX_WAIT_PER_PAGE_MS);
    const spent = clock.now();
    await readers.quiet();
    expect(clock.now()).toBe(spent);

    clock.advance(YIELD_WINDOW_MS);
    readers.touch();
    await readers.quiet();
    expect(clock.now() - spent - YIELD_WINDOW_MS).toBe(MAX_WAIT_PER_PAGE_MS);
  });

  it('says it is holding a write only while it waits', async () => {
    const seen: boolean[] = [];
    let reads = 1;
    const clock = manualClock(() => {
      seen.push(readers.holding());
      if (reads-- > 0) readers.touch();
    });
    const readers = createReaderActivity(clock);
    expect(readers.holding()).toBe(false);
    readers.touch();
    await readers.quiet();
    expect(seen).toEqual([true, true]);
    expect(readers.holding()).toBe(false);
    await readers.quiet();
    expect(seen).toHaveLength(2);
    expect(readers.holding()).toBe(false);
  });

  it('stops waiting when the sync is aborted', async () => {
    const abort = new AbortController();
    const clock = manualClock(() => {
      readers.touch();
      abort.abort();
    });
    const readers = createReaderActivity(clock);
    readers.touch();
    await readers.quiet(abort.signal);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('holds each page of a sync until the wait before it ends', async () => {
    const org = MemoryOkta.seeded(450, 2, 1);
    const db = await freshDb();
    const held: (() => void)[] = [];
    const checkpoints: (number | undefined)[] = [];
    const sync = runSync(db, org, 'full', DEFAULT_OPTIONS, {
      beforeWrite: async () => {
        checkpoints.push((await db.get('syncState', STATE_KEYS.checkpoint) as SyncCheckpoint | undefined)?.pages);
        await new Promise<void>((release) => held.push(release));
      },
    });
    const nextWait = async (count: number) => {
      while (held.length < count) await new Promise((resolve) => setTimeout(resolve, 1));
    };
    await nextWait(1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // Held: nothing is written while the first page waits.
    expect(held).toHaveLength(1);
    expect((await db.get('syncState', STATE_KEYS.checkpoint) as SyncCheckpoint).pages).toBe(0);
    held[0]!();
    await nextWait(2);
    expect((await db.get('syncState', STATE_KEYS.checkpoint) as SyncCheckpoint).pages).toBe(1);
    // Release every later page as it arrives.
    const releaseAll = setInterval(() => held.forEach((release) => release()), 1);
    const outcome = await sync.finally(() => clearInterval(releaseAll));
    expect(outcome.status).toBe('succeeded');
    expect(checkpoints.slice(0, 3)).toEqual([0, 1, 2]);
    expect(held.length).toBe(checkpoints.length);
    expect((await readSyncStatus(db)).lastFullSuccess).not.toBeNull();
  });
});
