import { describe, expect, it } from 'vitest';
import { estimatePhase, ProgressTracker } from '@/lib/directory/progress';
import type { SyncCheckpoint, SyncProgress } from '@/lib/directory/state';

const LAST = { users: 10_000, groups: 200, apps: 20 };

function running(change: Partial<SyncProgress>): SyncProgress {
  return {
    runId: 'run-1',
    kind: 'full',
    state: 'running',
    phase: 'users',
    counts: {},
    pages: 0,
    itemsPerSecond: 0,
    phaseDone: null,
    phaseTotal: null,
    etaSeconds: null,
    startedAt: '2026-12-01T10:00:00.000Z',
    updatedAt: '2026-12-01T10:00:10.000Z',
    finishedAt: null,
    ...change,
  };
}

function checkpoint(change: Partial<SyncCheckpoint>): SyncCheckpoint {
  return {
    kind: 'full',
    runId: 'run-1',
    generation: 2,
    startedAt: '2026-12-01T10:00:00.000Z',
    since: null,
    phase: 'users',
    next: null,
    target: null,
    queues: { groups: [], users: [], appUsers: [], newApps: [], seenApps: [] },
    targetsDone: 0,
    targetsTotal: null,
    counts: {},
    pages: 0,
    ...change,
  };
}

describe('sync progress', () => {
  it('estimates a full sync listing from the last directory: done of last count, ETA from the rate', () => {
    expect(estimatePhase(running({ counts: { users: 4000 }, itemsPerSecond: 2000 }), LAST)).toEqual({ done: 4000, total: 10_000, etaSeconds: 3 });
    expect(estimatePhase(running({ phase: 'groups', counts: { users: 10_000, groups: 50 }, itemsPerSecond: 0 }), LAST)).toEqual({
      done: 50,
      total: 200,
      etaSeconds: null,
    });
  });

  it('has no total when there is no earlier directory, when the org outgrew it, or for an incremental sync', () => {
    expect(estimatePhase(running({ counts: { users: 500 }, itemsPerSecond: 100 }), { users: 0, groups: 0, apps: 0 })).toEqual({ done: 500, total: null, etaSeconds: null });
    expect(estimatePhase(running({ counts: { users: 10_400 }, itemsPerSecond: 100 }), LAST)).toEqual({ done: 10_400, total: null, etaSeconds: null });
    expect(estimatePhase(running({ kind: 'incremental', counts: { users: 12 }, itemsPerSecond: 100 }), LAST)).toEqual({ done: 12, total: null, etaSeconds: null });
  });

  it('uses the walked targets when the phase knows its size', () => {
    const memberships = running({ phase: 'memberships', counts: { memberships: 90_000 }, phaseDone: 150, phaseTotal: 200, etaSeconds: 12 });
    expect(estimatePhase(memberships, LAST)).toEqual({ done: 150, total: 200, etaSeconds: 12 });
  });

  it('measures rate and ETA over what this worker did, not what an earlier worker left in the checkpoint', () => {
    let now = 0;
    const tracker = new ProgressTracker(checkpoint({ counts: { users: 5000 } }), () => now);
    now = 10_000;
    const first = tracker.snapshot(checkpoint({ phase: 'memberships', counts: { users: 7000 }, targetsDone: 0, targetsTotal: 100 }));
    expect(first.itemsPerSecond).toBe(200);
    expect(first.etaSeconds).toBeNull();
    now = 20_000;
    const later = tracker.snapshot(checkpoint({ phase: 'memberships', counts: { users: 7000, memberships: 3000 }, targetsDone: 25, targetsTotal: 100 }));
    expect(later).toMatchObject({ phaseDone: 25, phaseTotal: 100, etaSeconds: 30, itemsPerSecond: 250 });
    const done = tracker.snapshot(checkpoint({ phase: 'publish', counts: { users: 7000, memberships: 3000 } }), 'succeeded');
    expect(done).toMatchObject({ phase: null, phaseDone: null, phaseTotal: null, etaSeconds: null });
    expect(done.finishedAt).not.toBeNull();
  });
});
