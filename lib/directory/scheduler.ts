import { browser } from 'wxt/browser';
import type { DirectoryDb } from './db';
import type { BeforeWrite, SyncOptions } from './engine';
import type { OktaPageSource } from './source';
import type { SyncKind, SyncProgress } from './state';
import { resumeSync, runSync, type SyncOutcome } from './sync';

export const SYNC_ALARMS = { full: 'deskside-directory-full', incremental: 'deskside-directory-incremental' } as const;

/** What the scheduler reads from settings (structurally lib/settings' `sync` part). */
export interface SyncSchedule extends SyncOptions {
  fullIntervalHours: number;
  incrementalIntervalMinutes: number;
}

export interface DirectorySchedulerDeps {
  openDb: () => Promise<DirectoryDb>;
  /** The Okta client, or null while Deskside is not connected (then nothing runs). */
  getSource: () => Promise<OktaPageSource | null>;
  getSchedule: () => Promise<SyncSchedule>;
  onProgress?: (progress: SyncProgress) => void;
  beforeWrite?: BeforeWrite;
}

function periodsOf(schedule: SyncSchedule): Record<SyncKind, number> {
  return { full: schedule.fullIntervalHours * 60, incremental: schedule.incrementalIntervalMinutes };
}

/**
 * Makes both alarms match the schedule. An alarm that already has the right period is kept, so a
 * worker restart does not push the next sync back; a changed period re-creates it.
 */
export async function ensureSyncAlarms(schedule: SyncSchedule): Promise<void> {
  const periods = periodsOf(schedule);
  for (const kind of ['full', 'incremental'] as const) {
    const name = SYNC_ALARMS[kind];
    const existing = await browser.alarms.get(name);
    if (existing?.periodInMinutes === periods[kind]) continue;
    await browser.alarms.create(name, { periodInMinutes: periods[kind], delayInMinutes: periods[kind] });
  }
}

export async function clearSyncAlarms(): Promise<void> {
  await Promise.all([browser.alarms.clear(SYNC_ALARMS.full), browser.alarms.clear(SYNC_ALARMS.incremental)]);
}

const FAILURE_BADGE_COLOR = '#B3261E';

/** A "!" badge while the last sync failed (title says why); cleared by the next success. */
export async function showSyncOutcome(outcome: SyncOutcome): Promise<void> {
  if (outcome.status === 'failed') {
    const reason = outcome.error.sentence ?? outcome.error.summary ?? outcome.error.message;
    await browser.action.setBadgeBackgroundColor({ color: FAILURE_BADGE_COLOR });
    await browser.action.setBadgeText({ text: '!' });
    await browser.action.setTitle({ title: `Deskside: the last directory sync failed. ${reason}` });
  } else if (outcome.status === 'succeeded') {
    await browser.action.setBadgeText({ text: '' });
    await browser.action.setTitle({ title: 'Deskside' });
  }
}

export interface DirectoryScheduler {
  /** Runs a sync now (default full); `busy` when one is already running. */
  syncNow(kind?: SyncKind): Promise<SyncOutcome>;
  /** Continues a sync a previous worker left unfinished, taking over its lease; call on worker start only. */
  resumePending(): Promise<SyncOutcome>;
  /** The alarms listener; register it synchronously at the top level of the background. */
  onAlarm(alarm: { name: string }): Promise<SyncOutcome | null>;
}

export function createDirectoryScheduler(deps: DirectorySchedulerDeps): DirectoryScheduler {
  async function run(start: (db: DirectoryDb, source: OktaPageSource, schedule: SyncSchedule) => Promise<SyncOutcome>) {
    const source = await deps.getSource();
    if (!source) return { status: 'idle' } as const;
    const [db, schedule] = await Promise.all([deps.openDb(), deps.getSchedule()]);
    const outcome = await start(db, source, schedule);
    await showSyncOutcome(outcome);
    return outcome;
  }
  const runOptions = { ...(deps.onProgress ? { onProgress: deps.onProgress } : {}), ...(deps.beforeWrite ? { beforeWrite: deps.beforeWrite } : {}) };
  return {
    syncNow: (kind = 'full') => run((db, source, schedule) => runSync(db, source, kind, schedule, runOptions)),
    resumePending: () => run((db, source, schedule) => resumeSync(db, source, schedule, { ...runOptions, takeOver: true })),
    onAlarm: async (alarm) => {
      if (alarm.name === SYNC_ALARMS.full) return run((db, source, schedule) => runSync(db, source, 'full', schedule, runOptions));
      if (alarm.name === SYNC_ALARMS.incremental)
        return run((db, source, schedule) => runSync(db, source, 'incremental', schedule, runOptions));
      return null;
    },
  };
}
