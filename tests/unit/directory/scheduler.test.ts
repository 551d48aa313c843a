import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createDirectoryScheduler, ensureSyncAlarms, SYNC_ALARMS, type SyncSchedule } from '@/lib/directory/scheduler';
import { readSyncStatus } from '@/lib/directory/state';
import { DEFAULT_OPTIONS, freshDb } from './helpers';
import { MemoryOkta, OktaTestError } from './memory-okta';

const schedule: SyncSchedule = { ...DEFAULT_OPTIONS, fullIntervalHours: 4, incrementalIntervalMinutes: 15 };

describe('sync scheduler', () => {
  it('creates both alarms with their periods', async () => {
    await ensureSyncAlarms(schedule);
    expect((await fakeBrowser.alarms.get(SYNC_ALARMS.full))?.periodInMinutes).toBe(240);
    expect((await fakeBrowser.alarms.get(SYNC_ALARMS.incremental))?.periodInMinutes).toBe(15);
  });

  it('keeps an existing alarm with the right period on worker start, and re-creates a changed one', async () => {
    await fakeBrowser.alarms.create(SYNC_ALARMS.full, { periodInMinutes: 240, when: 1234 });
    await fakeBrowser.alarms.create(SYNC_ALARMS.incremental, { periodInMinutes: 15, when: 5678 });
    await ensureSyncAlarms(schedule);
    expect((await fakeBrowser.alarms.get(SYNC_ALARMS.full))?.scheduledTime).toBe(1234);
    expect((await fakeBrowser.alarms.get(SYNC_ALARMS.incremental))?.scheduledTime).toBe(5678);

    await ensureSyncAlarms({ ...schedule, incrementalIntervalMinutes: 30 });
    const incremental = await fakeBrowser.alarms.get(SYNC_ALARMS.incremental);
    expect(incremental?.periodInMinutes).toBe(30);
    expect(incremental?.scheduledTime).not.toBe(5678);
    expect((await fakeBrowser.alarms.get(SYNC_ALARMS.full))?.scheduledTime).toBe(1234);
  });

  it('runs the sync an alarm names, and shows a badge while the last sync failed', async () => {
    const org = MemoryOkta.seeded(40, 2, 1);
    const db = await freshDb();
    const scheduler = createDirectoryScheduler({ openDb: async () => db, getSource: async () => org, getSchedule: async () => schedule });
    const runs: Promise<unknown>[] = [];
    fakeBrowser.alarms.onAlarm.addListener((alarm) => void runs.push(scheduler.onAlarm(alarm)));

    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARMS.full, scheduledTime: Date.now(), periodInMinutes: 240, persistAcrossSessions: true });
    await Promise.all(runs);
    expect((await readSyncStatus(db)).lastFullSuccess).not.toBeNull();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');

    org.beforeRequest = () => {
      throw new OktaTestError(500, 'E0000009', 'Internal Server Error', 'Okta had an internal error. Try again in a few minutes.');
    };
    await fakeBrowser.alarms.onAlarm.trigger({ name: SYNC_ALARMS.incremental, scheduledTime: Date.now(), periodInMinutes: 15, persistAcrossSessions: true });
    await Promise.all(runs);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect(await fakeBrowser.action.getTitle({})).toContain('Okta had an internal error');
    expect((await readSyncStatus(db)).lastError?.kind).toBe('incremental');

    org.beforeRequest = null;
    const outcome = await scheduler.syncNow('incremental');
    expect(outcome.status).toBe('succeeded');
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(await scheduler.onAlarm({ name: 'something-else' })).toBeNull();
  });

  it('does nothing while Deskside is not connected', async () => {
    const db = await freshDb();
    const scheduler = createDirectoryScheduler({ openDb: async () => db, getSource: async () => null, getSchedule: async () => schedule });
    expect(await scheduler.syncNow()).toEqual({ status: 'idle' });
    expect((await readSyncStatus(db)).progress).toBeNull();
  });
});
