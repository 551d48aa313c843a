import { describe, expect, it } from 'vitest';
import { clearDirectory } from '@/lib/directory/clear';
import { acquireLease, LEASE_TTL_MS, releaseLease } from '@/lib/directory/lease';
import { readSyncStatus } from '@/lib/directory/state';
import { runSync } from '@/lib/directory/sync';
import { DEFAULT_OPTIONS, dumpPublished, freshDb } from './helpers';
import { MemoryOkta, OktaTestError } from './memory-okta';

async function publishedOnce() {
  const org = MemoryOkta.seeded(500, 3, 2);
  const db = await freshDb();
  await runSync(db, org, 'full', DEFAULT_OPTIONS);
  return { org, db, before: await dumpPublished(db), generation: (await readSyncStatus(db)).published?.generation };
}

describe('sync errors', () => {
  it('on a revoked token keeps the previous generation and records the code and sentence', async () => {
    const { org, db, before, generation } = await publishedOnce();
    org.updateProfile([...org.users.keys()][0] ?? '', { firstName: 'Changed' });
    org.beforeRequest = (_request, index) => {
      if (index === 5) {
        throw new OktaTestError(401, 'E0000011', 'Invalid token provided', 'The Okta API token is invalid or expired. Create a new token in Okta and paste it in Options.', 'req-42');
      }
    };
    org.requests = [];
    const outcome = await runSync(db, org, 'full', DEFAULT_OPTIONS);
    expect(outcome.status).toBe('failed');
    const status = await readSyncStatus(db);
    expect(status.published?.generation).toBe(generation);
    expect(await dumpPublished(db)).toEqual(before);
    expect(status.lastError).toMatchObject({
      kind: 'full',
      phase: 'memberships',
      status: 401,
      errorCode: 'E0000011',
      sentence: expect.stringContaining('API token is invalid'),
      requestId: 'req-42',
    });
    expect(status.progress?.state).toBe('failed');

    // The next run continues with the page that failed and clears the error.
    const failed = org.requests[5];
    org.beforeRequest = null;
    org.requests = [];
    expect((await runSync(db, org, 'full', DEFAULT_OPTIONS)).status).toBe('succeeded');
    expect(org.requests[0]).toEqual(failed);
    expect((await readSyncStatus(db)).lastError).toBeNull();
  });

  it('treats a page that fails validation as an error and publishes nothing from it', async () => {
    const { org, db, before, generation } = await publishedOnce();
    const broken = org.userJson.bind(org);
    org.userJson = (user) => (user.id === [...org.users.keys()][3] ? { ...broken(user), id: 42 } : broken(user));
    const outcome = await runSync(db, org, 'full', DEFAULT_OPTIONS);
    expect(outcome.status).toBe('failed');
    expect((await readSyncStatus(db)).published?.generation).toBe(generation);
    expect(await dumpPublished(db)).toEqual(before);
    expect((await readSyncStatus(db)).lastError?.message).toBeTruthy();
  });
});

describe('sync lease', () => {
  it('runs one sync at a time and frees the lease when done', async () => {
    const org = MemoryOkta.seeded(20, 1, 1);
    const db = await freshDb();
    expect(await acquireLease(db, 'other-worker')).toBe(true);
    expect(await runSync(db, org, 'full', DEFAULT_OPTIONS)).toEqual({ status: 'busy' });
    expect(org.requests).toHaveLength(0);
    await releaseLease(db, 'other-worker');
    expect((await runSync(db, org, 'full', DEFAULT_OPTIONS)).status).toBe('succeeded');
    expect(await acquireLease(db, 'other-worker')).toBe(true);
  });

  it('expires a lease its holder stopped renewing', async () => {
    const org = MemoryOkta.seeded(20, 1, 1);
    const db = await freshDb();
    const start = Date.now();
    expect(await acquireLease(db, 'dead-worker', start)).toBe(true);
    expect(await runSync(db, org, 'full', DEFAULT_OPTIONS, { now: () => start + LEASE_TTL_MS - 1 })).toEqual({ status: 'busy' });
    expect((await runSync(db, org, 'full', DEFAULT_OPTIONS, { now: () => start + LEASE_TTL_MS + 1 })).status).toBe('succeeded');
  });

  it('lets only one of two simultaneous runs proceed', async () => {
    const org = MemoryOkta.seeded(100, 2, 1);
    const db = await freshDb();
    const outcomes = await Promise.all([runSync(db, org, 'full', DEFAULT_OPTIONS), runSync(db, org, 'full', DEFAULT_OPTIONS)]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['busy', 'succeeded']);
  });
});

describe('clearing the directory', () => {
  it('empties records and sync state but keeps the audit log, and waits for a running sync', async () => {
    const org = MemoryOkta.seeded(60, 2, 1);
    const db = await freshDb();
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    await db.add('audit', { time: '2025-01-01T00:00:00.000Z', action: 'suspend', outcome: 'success', agent: 'a@b.c' });

    expect(await acquireLease(db, 'syncing-worker')).toBe(true);
    expect(await clearDirectory(db)).toBe(false);
    expect(await db.count('users')).toBeGreaterThan(0);
    await releaseLease(db, 'syncing-worker');

    expect(await clearDirectory(db)).toBe(true);
    for (const store of ['users', 'groups', 'apps', 'memberships', 'assignments', 'syncState'] as const) expect(await db.count(store)).toBe(0);
    expect(await db.count('audit')).toBe(1);
    expect((await readSyncStatus(db)).published).toBeNull();
  });
});
