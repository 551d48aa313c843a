import { describe, expect, it } from 'vitest';
import { runSync } from '@/lib/directory/sync';
import { readPublishedGeneration, readSyncStatus } from '@/lib/directory/state';
import { clockAfter, DEFAULT_OPTIONS, dumpPublished, freshDb } from './helpers';
import { MemoryOkta } from './memory-okta';

async function syncedOrg(users = 400, groups = 5, apps = 3) {
  const org = MemoryOkta.seeded(users, groups, apps);
  const db = await freshDb();
  org.tick(24 * 60 * 60 * 1000);
  const first = await runSync(db, org, 'full', DEFAULT_OPTIONS, { now: clockAfter(org) });
  expect(first.status).toBe('succeeded');
  org.tick(24 * 60 * 60 * 1000);
  org.requests = [];
  return { org, db };
}

async function freshFullDump(org: MemoryOkta) {
  const db = await freshDb();
  await runSync(db, org, 'full', DEFAULT_OPTIONS, { now: clockAfter(org) });
  return dumpPublished(db);
}

describe('incremental sync', () => {
  it('with no changes makes one request per listing and changes nothing', async () => {
    const { org, db } = await syncedOrg();
    const before = await dumpPublished(db);
    const outcome = await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now: clockAfter(org) });
    expect(outcome.status).toBe('succeeded');
    expect(org.requests.map((r) => r.path)).toEqual(['/api/v1/users', '/api/v1/groups', '/api/v1/apps', '/api/v1/logs']);
    expect(await dumpPublished(db)).toEqual(before);
  });

  it('converges to what a fresh full sync stores after creates, updates, suspends, deletes and membership changes', async () => {
    const { org, db } = await syncedOrg();
    const generation = await readPublishedGeneration(db);
    const active = [...org.users.values()].filter((u) => u.status === 'ACTIVE');
    const group = [...org.groups.values()][2];
    const leaver = active.find((u) => group?.members.has(u.id));
    const [updated, suspended, deleted, joiner, assignee, unassignee] = active.filter((u) => u !== leaver);
    const app = [...org.apps.values()][1];
    if (!updated || !suspended || !deleted || !joiner || !leaver || !assignee || !unassignee || !group || !app) throw new Error('seed too small');
    const created = org.createUser({ firstName: 'Zoë', lastName: 'New' });
    org.addMember(group.id, created.id);
    org.updateProfile(updated.id, { firstName: 'Renamed', department: 'Moved' });
    org.setStatus(suspended.id, 'SUSPENDED');
    org.deleteUser(deleted.id);
    org.addMember(group.id, joiner.id);
    org.removeMember(group.id, leaver.id);
    org.assign(app.id, assignee.id);
    org.unassign(app.id, [...app.users.keys()][0] ?? '');
    const restored = [...org.users.values()].find((u) => u.status === 'SUSPENDED' && [...org.groups.values()].some((g) => g.members.has(u.id)));
    if (!restored) throw new Error('seed has no suspended member');
    org.setStatus(restored.id, 'ACTIVE');

    const outcome = await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now: clockAfter(org) });
    expect(outcome.status).toBe('succeeded');
    expect(await readPublishedGeneration(db)).toBe(generation);
    expect(await dumpPublished(db)).toEqual(await freshFullDump(org));
  });

  it('makes requests in proportion to the changes, not the org', async () => {
    const { org, db } = await syncedOrg(1200, 3, 2);
    const active = [...org.users.values()].filter((u) => u.status === 'ACTIVE').slice(0, 250);
    for (const user of active) org.updateProfile(user.id, { title: 'Changed' });
    await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now: clockAfter(org) });
    const userPages = org.requests.filter((r) => r.path === '/api/v1/users').length;
    expect(userPages).toBe(Math.ceil(active.length / 200));
    expect(org.requests.length).toBe(userPages + 3);
    expect(await dumpPublished(db)).toEqual(await freshFullDump(org));
  });

  it('keeps Everyone exact after hires and leavers without re-listing it', async () => {
    const { org, db } = await syncedOrg(1200, 3, 2);
    const everyone = [...org.groups.values()].find((group) => group.type === 'BUILT_IN');
    if (!everyone) throw new Error('seed has no Everyone group');
    const hires = ['Ada', 'Ben', 'Cy'].map((firstName) => org.createUser({ firstName, lastName: 'Hire' }));
    const leavers = [...org.users.values()].filter((u) => u.status === 'ACTIVE').slice(0, 2);
    // Groups other than Everyone that lose a leaver change membership, and so are re-listed.
    const leftGroups = [...org.groups.values()].filter((g) => g !== everyone && leavers.some((u) => g.members.has(u.id)));
    for (const leaver of leavers) org.deleteUser(leaver.id);

    await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now: clockAfter(org) });
    const paths = org.requests.map((r) => r.path);
    expect(paths).not.toContain(`/api/v1/groups/${everyone.id}/users`);
    expect(paths.filter((path) => /^\/api\/v1\/users\/[^/]+\/groups$/.test(path)).sort()).toEqual(
      hires.map((hire) => `/api/v1/users/${hire.id}/groups`).sort(),
    );
    expect(paths.filter((path) => /^\/api\/v1\/groups\/[^/]+\/users$/.test(path)).sort()).toEqual(
      leftGroups.map((group) => `/api/v1/groups/${group.id}/users`).sort(),
    );
    expect(paths.length).toBe(4 + hires.length + leftGroups.length);
    const dump = await dumpPublished(db);
    expect(dump).toEqual(await freshFullDump(org));
    for (const hire of hires) expect(dump.memberships).toContainEqual(expect.objectContaining({ groupId: everyone.id, userId: hire.id }));
  });

  it('moves the watermark to the start of the run, minus the overlap', async () => {
    const { org, db } = await syncedOrg(30, 2, 1);
    const now = clockAfter(org);
    await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now });
    const status = await readSyncStatus(db);
    expect(status.watermark).toBe(new Date(now() - 5 * 60 * 1000).toISOString());
    expect(status.lastSuccess?.kind).toBe('incremental');
  });

  it('runs a full sync when nothing was ever published', async () => {
    const org = MemoryOkta.seeded(40, 2, 1);
    const db = await freshDb();
    const outcome = await runSync(db, org, 'incremental', DEFAULT_OPTIONS);
    expect(outcome.status === 'succeeded' && outcome.kind).toBe('full');
    expect(await dumpPublished(db)).toEqual(await freshFullDump(org));
  });
});

describe('incremental sync horizon', () => {
  it('runs a full sync when the last sync is older than the System Log keeps', async () => {
    const org = MemoryOkta.seeded(40, 2, 1);
    const db = await freshDb();
    const start = Date.now();
    await runSync(db, org, 'full', DEFAULT_OPTIONS, { now: () => start });
    org.requests = [];
    const outcome = await runSync(db, org, 'incremental', DEFAULT_OPTIONS, { now: () => start + 85 * 24 * 3_600_000 });
    expect(outcome.status === 'succeeded' && outcome.kind).toBe('full');
    expect(org.requests.some((r) => r.path === '/api/v1/logs')).toBe(false);
  });
});
