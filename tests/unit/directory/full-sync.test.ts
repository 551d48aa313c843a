import { describe, expect, it } from 'vitest';
import { runSync } from '@/lib/directory/sync';
import { readPublishedGeneration, readSyncStatus } from '@/lib/directory/state';
import { getUserView } from '@/lib/directory/user-view';
import { searchUsers } from '@/lib/directory/search';
import { countAll, DEFAULT_OPTIONS, dumpPublished, freshDb } from './helpers';
import { MemoryOkta } from './memory-okta';

describe('full sync', () => {
  it('stores every synced user field by field, without links or credentials but with the provider', async () => {
    const org = MemoryOkta.seeded(450, 6, 4);
    const db = await freshDb();
    const outcome = await runSync(db, org, 'full', DEFAULT_OPTIONS);
    expect(outcome.status).toBe('succeeded');

    const { users } = await dumpPublished(db);
    const expected = [...org.users.values()].filter((user) => DEFAULT_OPTIONS.includeStatuses.includes(user.status));
    expect(users).toHaveLength(expected.length);
    const generation = await readPublishedGeneration(db);
    for (const source of expected) {
      const stored = await db.get('users', [generation, source.id]);
      expect(stored).toBeDefined();
      expect(stored?.status).toBe(source.status);
      expect(stored?.lastUpdated).toBe(source.lastUpdated);
      expect(stored?.created).toBe(source.created);
      expect(stored?.profile).toEqual(source.profile);
      expect(stored?.email).toBe(source.profile.email.toLowerCase());
      expect(stored?.login).toBe(source.profile.login.toLowerCase());
      expect(stored?.provider).toEqual({ type: 'OKTA', name: 'OKTA' });
      expect(stored).not.toHaveProperty('_links');
      expect(stored).not.toHaveProperty('credentials');
    }
  });

  it('stores groups, apps, memberships of synced users and assignments with their scope and group', async () => {
    const org = MemoryOkta.seeded(120, 5, 3);
    const db = await freshDb();
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    const dump = await dumpPublished(db);
    const included = new Set([...org.users.values()].filter((u) => DEFAULT_OPTIONS.includeStatuses.includes(u.status)).map((u) => u.id));

    expect(dump.groups.map((group) => group.id).sort()).toEqual([...org.groups.keys()].sort());
    expect(dump.apps.map((app) => [app.id, app.label, app.logoUrl])).toEqual(
      [...org.apps.values()].map((app) => [app.id, app.label, `https://mem.okta.test/logos/${app.id}.png`]),
    );
    const memberships = [...org.groups.values()].flatMap((group) =>
      [...group.members].filter((id) => included.has(id)).map((userId) => ({ groupId: group.id, userId })),
    );
    expect(dump.memberships.map(({ groupId, userId }) => ({ groupId, userId })).sort((a, b) => (a.groupId + a.userId).localeCompare(b.groupId + b.userId))).toEqual(
      memberships.sort((a, b) => (a.groupId + a.userId).localeCompare(b.groupId + b.userId)),
    );
    const assignments = [...org.apps.values()].flatMap((app) =>
      [...app.users].map(([userId, a]) => ({ appId: app.id, userId, scope: a.scope, viaGroupId: a.groupId ?? null })),
    );
    expect(dump.assignments).toHaveLength(assignments.length);
    for (const expected of assignments) {
      expect(dump.assignments).toContainEqual(expect.objectContaining(expected));
    }
    expect(assignments.some((a) => a.scope === 'GROUP')).toBe(true);
  });

  it('asks for the synced statuses by filter, so DEPROVISIONED users come when included', async () => {
    const org = MemoryOkta.seeded(100, 1, 1);
    const db = await freshDb();
    await runSync(db, org, 'full', { ...DEFAULT_OPTIONS, includeStatuses: ['DEPROVISIONED', 'ACTIVE'] });
    const { users } = await dumpPublished(db);
    expect(new Set(users.map((user) => user.status))).toEqual(new Set(['DEPROVISIONED', 'ACTIVE']));
    expect(users).toHaveLength([...org.users.values()].filter((u) => ['DEPROVISIONED', 'ACTIVE'].includes(u.status)).length);
    const usersRequest = org.requests.find((request) => request.path === '/api/v1/users');
    expect(usersRequest?.params.filter).toBe('status eq "DEPROVISIONED" or status eq "ACTIVE"');
  });

  it('lists memberships and assignments only for the groups and apps in scope, and no groups when import is off', async () => {
    const org = MemoryOkta.seeded(60, 4, 3);
    const [g1, g2] = [...org.groups.keys()].slice(1, 3);
    const [a1] = [...org.apps.keys()];
    const db = await freshDb();
    await runSync(db, org, 'full', { ...DEFAULT_OPTIONS, scope: { mode: 'selected', groupIds: [g1 ?? '', g2 ?? ''], appIds: [a1 ?? ''] } });
    const dump = await dumpPublished(db);
    expect(new Set(dump.memberships.map((m) => m.groupId))).toEqual(new Set([g1, g2]));
    expect(new Set(dump.assignments.map((a) => a.appId))).toEqual(new Set([a1]));
    expect(org.requests.filter((r) => r.path.endsWith('/users') && r.path.includes('/groups/')).map((r) => r.path)).toHaveLength(2);

    const withoutGroups = await freshDb();
    org.requests = [];
    await runSync(withoutGroups, org, 'full', { ...DEFAULT_OPTIONS, importGroups: false });
    const bare = await dumpPublished(withoutGroups);
    expect(bare.groups).toEqual([]);
    expect(bare.memberships).toEqual([]);
    expect(org.requests.some((r) => r.path.startsWith('/api/v1/groups'))).toBe(false);
  });

  it('sweeps what a later full sync no longer saw, leaving only the new generation', async () => {
    const org = MemoryOkta.seeded(80, 3, 2);
    const db = await freshDb();
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    const first = await readPublishedGeneration(db);
    const gone = [...org.users.values()].find((u) => u.status === 'ACTIVE');
    const goneGroup = [...org.groups.keys()][2] ?? '';
    org.deleteUser(gone?.id ?? '');
    org.deleteGroup(goneGroup);
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    const second = await readPublishedGeneration(db);
    expect(second).toBeGreaterThan(first);

    const dump = await dumpPublished(db);
    expect(dump.users.some((u) => u.id === gone?.id)).toBe(false);
    expect(dump.groups.some((g) => g.id === goneGroup)).toBe(false);
    expect(dump.memberships.some((m) => m.userId === gone?.id || m.groupId === goneGroup)).toBe(false);
    const stored = dump.users.length + dump.groups.length + dump.apps.length + dump.memberships.length + dump.assignments.length;
    expect(await countAll(db)).toBe(stored);
    expect(await db.count('users', IDBKeyRange.upperBound([second], true))).toBe(0);
  });

  it('keeps readers on the published generation while the next one is half written', async () => {
    const org = MemoryOkta.seeded(600, 3, 2);
    const db = await freshDb();
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    const before = await dumpPublished(db);
    const someone = [...org.users.values()].find((u) => u.status === 'ACTIVE' && u.profile.firstName === 'Jane');
    const viewBefore = await getUserView(db, { id: someone?.id ?? '' });
    const searchBefore = (await searchUsers(db, 'jane')).map((u) => u.id);

    // Change the org, then look at the directory in the middle of the next full sync.
    org.updateProfile(someone?.id ?? '', { firstName: 'Janet' });
    const removed = [...org.users.values()].find((u) => u.status === 'ACTIVE' && u.id !== someone?.id);
    org.deleteUser(removed?.id ?? '');
    const seen: unknown[] = [];
    org.beforeRequest = async (_request, index) => {
      if (index !== 4) return; // the new users, groups and apps are written, memberships not yet
      seen.push(await dumpPublished(db), await getUserView(db, { id: someone?.id ?? '' }), (await searchUsers(db, 'jane')).map((u) => u.id));
    };
    org.requests = [];
    await runSync(db, org, 'full', DEFAULT_OPTIONS);
    expect(seen).toEqual([before, viewBefore, searchBefore]);

    const after = await getUserView(db, { id: someone?.id ?? '' });
    expect(after?.user.profile.firstName).toBe('Janet');
    expect((await dumpPublished(db)).users.some((u) => u.id === removed?.id)).toBe(false);
  });

  it('reports progress per phase and persists it', async () => {
    const org = MemoryOkta.seeded(250, 3, 2);
    const db = await freshDb();
    const phases: (string | null)[] = [];
    await runSync(db, org, 'full', DEFAULT_OPTIONS, { onProgress: (progress) => phases.push(progress.phase) });
    expect(phases[0]).toBe('users');
    expect(phases).toEqual(expect.arrayContaining(['groups', 'apps', 'memberships', 'assignments', null]));
    expect(phases.at(-1)).toBeNull();
    const status = await readSyncStatus(db);
    expect(status.progress?.state).toBe('succeeded');
    expect(status.progress?.counts.users).toBe([...org.users.values()].filter((u) => DEFAULT_OPTIONS.includeStatuses.includes(u.status)).length);
    expect(status.progress?.pages).toBe(org.requests.length);
    expect(status.lastFullSuccess?.runId).toBe(status.progress?.runId);
    expect(status.pending).toBeNull();
  });
});
