import { browser } from 'wxt/browser';
import { clearDirectory } from '@/lib/directory/clear';
import { openDirectory, type DirectoryDb } from '@/lib/directory/db';
import { estimatePhase } from '@/lib/directory/progress';
import { createReaderActivity } from '@/lib/directory/reader-activity';
import { readSyncStatus, type SyncProgress } from '@/lib/directory/state';
import { clearSyncAlarms, createDirectoryScheduler, ensureSyncAlarms, type SyncSchedule } from '@/lib/directory/scheduler';
import { createSyncSignal } from '@/lib/directory/sync-signal';
import type { SyncHealth } from '@/lib/messaging/views';
import { loadSettings } from '@/lib/settings/store';
import { NotConnectedError, type OktaSession } from './okta-session';

/** Chrome stops an idle worker after 30 s; an extension API call during a long sync keeps it alive. */
const KEEPALIVE_MS = 20_000;

export function createDirectoryService(session: OktaSession) {
  let dbPromise: Promise<DirectoryDb> | null = null;
  const openDb = () => (dbPromise ??= openDirectory());
  let live: SyncProgress | null = null;
  const signalRunning = createSyncSignal();
  const readers = createReaderActivity();
  // Counting 100k records on every status poll would compete with the sync's writes: count once per finished sync.
  let counted: { key: string; counts: SyncHealth['counts'] } | null = null;
  async function countsFor(db: DirectoryDb, generation: number, finishedAt: string | null): Promise<SyncHealth['counts']> {
    const key = `${generation}|${finishedAt}`;
    if (counted?.key === key) return counted.counts;
    const range = IDBKeyRange.bound([generation], [generation, []]);
    const [users, groups, apps] = await Promise.all([db.count('users', range), db.count('groups', range), db.count('apps', range)]);
    counted = { key, counts: { users, groups, apps } };
    return counted.counts;
  }

  const getSchedule = async (): Promise<SyncSchedule> => (await loadSettings()).sync;
  const scheduler = createDirectoryScheduler({
    openDb,
    async getSource() {
      try {
        return await session.client();
      } catch (e) {
        if (e instanceof NotConnectedError) return null;
        throw e;
      }
    },
    getSchedule,
    onProgress: (progress) => {
      live = progress;
      void signalRunning(progress.state === 'running').catch(() => undefined);
    },
    beforeWrite: (signal) => readers.quiet(signal),
  });

  async function keptAlive<T>(work: () => Promise<T>): Promise<T> {
    const timer = setInterval(() => void browser.runtime.getPlatformInfo(), KEEPALIVE_MS);
    try {
      return await work();
    } finally {
      clearInterval(timer);
    }
  }

  return {
    openDb,
    /** An agent is waiting on a read of the directory: the sync holds its writes until reading pauses. */
    agentReading: () => readers.touch(),
    onAlarm: (alarm: { name: string }) => keptAlive(() => scheduler.onAlarm(alarm)),
    syncNow: (kind: 'full' | 'incremental') => keptAlive(() => scheduler.syncNow(kind)),
    resumePending: () => keptAlive(() => scheduler.resumePending()),
    async schedule(): Promise<void> {
      await ensureSyncAlarms(await getSchedule());
    },
    async unschedule(): Promise<void> {
      await clearSyncAlarms();
    },
    /** Empties the local directory and its sync state (the audit log stays); the next sync is a full one. */
    async clear(): Promise<void> {
      if (!(await clearDirectory(await openDb()))) {
        throw new Error('A sync is running. Wait for it to finish, then clear the local directory.');
      }
      live = null;
      counted = null;
    },
    async health(): Promise<SyncHealth> {
      const db = await openDb();
      const status = await readSyncStatus(db);
      const progress = live?.state === 'running' ? live : status.progress?.state === 'running' ? status.progress : null;
      const counts = await countsFor(db, status.published?.generation ?? 0, status.lastSuccess?.at ?? null);
      const estimate = progress ? estimatePhase(progress, counts) : null;
      return {
        running: Boolean(progress),
        phase: progress?.phase ?? null,
        done: estimate?.done ?? 0,
        total: estimate?.total ?? null,
        ratePerSecond: progress?.itemsPerSecond ?? null,
        etaSeconds: estimate?.etaSeconds ?? null,
        waitingForReaders: Boolean(progress) && readers.holding(),
        lastSuccessAt: status.lastSuccess?.at ?? null,
        lastError:
          status.lastError && (!status.lastSuccess || status.lastError.at > status.lastSuccess.at)
            ? { code: status.lastError.errorCode ?? null, sentence: status.lastError.sentence ?? status.lastError.message, at: status.lastError.at }
            : null,
        counts,
      };
    },
  };
}
export type DirectoryService = ReturnType<typeof createDirectoryService>;
