import { describe, expect, it } from 'vitest';
import { LEASE_TTL_MS } from '@/lib/directory/lease';
import { readSyncStatus } from '@/lib/directory/state';
import { resumeSync, runSync } from '@/lib/directory/sync';
import { DEFAULT_OPTIONS, dumpPublished, freshDb } from './helpers';
import { MemoryOkta, type RecordedRequest } from './memory-okta';

function keyOf(request: RecordedRequest): string {
  const params = Object.entries(request.params).sort(([a], [b]) => a.localeCompare(b));
  return `${request.path}?${new URLSearchParams(params).toString()}`;
}

function abortError(): Error {
  return new DOMException('The worker stopped.', 'AbortError');
}

/** Small deterministic PRNG so the "random" pages are the same on every run. */
function pick(count: number, max: number, seed: number): number[] {
  let state = seed;
  const picked = new Set<number>();
  while (picked.size < count) {
    state = (state * 1103515245 + 12345) % 2147483648;
    picked.add(state % max);
  }
  return [...picked];
}

describe('resuming a sync', () => {
  it('after an interruption at any page gives exactly the uninterrupted result, re-fetching only that page', async () => {
    const reference = MemoryOkta.seeded(700, 4, 3);
    const referenceDb = await freshDb();
    await runSync(referenceDb, reference, 'full', DEFAULT_OPTIONS);
    const expected = await dumpPublished(referenceDb);
    const total = reference.requests.length;

    for (const stopAt of pick(5, total, 7)) {
      const org = MemoryOkta.seeded(700, 4, 3);
      const db = await freshDb();
      org.beforeRequest = (_request, index) => {
        if (index === stopAt) throw abortError();
      };
      const first = await runSync(db, org, 'full', DEFAULT_OPTIONS);
      expect(first.status).toBe('interrupted');
      expect((await readSyncStatus(db)).pending?.kind).toBe('full');
      expect((await readSyncStatus(db)).published).toBeNull();

      org.beforeRequest = null;
      const resumed = await resumeSync(db, org, DEFAULT_OPTIONS);
      expect(resumed.status).toBe('succeeded');
      expect(await dumpPublished(db)).toEqual(expected);

      const keys = org.requests.map(keyOf);
      const repeated = keys.filter((key, index) => keys.indexOf(key) !== index);
      expect(repeated).toEqual([keyOf(org.requests[stopAt] as RecordedRequest)]);
      expect(org.requests).toHaveLength(total + 1);
    }
  });

  it('resumes an incremental sync from its checkpoint to the same result', async () => {
    const org = MemoryOkta.seeded(800, 4, 2);
    const db = await freshDb();
    const now = () => org.clock + 3_600_000;
    await runSync(db, org, 'full', DEFAULT_OPTIONS, { now });
    org.tick(86_400_000);
    const active = [...org.users.values()].filter((u) => u.status === 'ACTIVE');
    for (const user of active.slice(0, 210)) org.updateProfile(user.id, { title: 'New title' });
    const group = [...org.groups.values()][1];
    org.addMember(group?.id ?? '', active[230]?.id ?? '');
    org.requests = [];
    org.beforeRequest = (request) => {
      if (request.path.startsWith('/api/v1/groups/')) throw abortError();
    };
    expect((await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now })).status).toBe('interrupted');
    org.beforeRequest = null;
    expect((await resumeSync(db, org, DEFAULT_OPTIONS, { now })).status).toBe('succeeded');
    expect(org.requests.filter((r) => r.path === '/api/v1/users')).toHaveLength(2);

    const fresh = await freshDb();
    await runSync(fresh, org, 'full', DEFAULT_OPTIONS, { now });
    expect(await dumpPublished(db)).toEqual(await dumpPublished(fresh));
  });

  it('lets another worker take over once a dead worker’s lease expires, and stops the old one writing', async () => {
    const org = MemoryOkta.seeded(600, 3, 2);
    const db = await freshDb();
    let release: () => void = () => undefined;
    org.beforeRequest = (_request, index) => {
      if (index === 2) return new Promise<void>((resolve) => (release = resolve));
    };
    const stalled = runSync(db, org, 'full', DEFAULT_OPTIONS);
    await new Promise((resolve) => setTimeout(resolve, 50));
    org.beforeRequest = null;

    expect((await resumeSync(db, org, DEFAULT_OPTIONS)).status).toBe('busy');
    const later = () => Date.now() + LEASE_TTL_MS + 1000;
    const takeover = await resumeSync(db, org, DEFAULT_OPTIONS, { now: later });
    expect(takeover.status).toBe('succeeded');
    const published = await dumpPublished(db);

    const progress = (await readSyncStatus(db)).progress;
    release();
    expect((await stalled).status).toBe('interrupted');
    expect(await dumpPublished(db)).toEqual(published);
    expect((await readSyncStatus(db)).progress).toEqual(progress);
    expect((await readSyncStatus(db)).published?.generation).toBe(takeover.status === 'succeeded' ? takeover.generation : -1);
  });
});
