import { describe, expect, it } from 'vitest';
import { readPublishedGeneration } from '@/lib/directory/state';
import { runSync } from '@/lib/directory/sync';
import { getUserView, refreshUser } from '@/lib/directory/user-view';
import { DEFAULT_OPTIONS, freshDb } from './helpers';
import { MemoryOkta } from './memory-okta';

async function synced() {
  const org = MemoryOkta.seeded(60, 4, 3);
  const db = await freshDb();
  await runSync(db, org, 'full', DEFAULT_OPTIONS);
  const user = [...org.users.values()].find((u) => u.status === 'ACTIVE' && [...org.apps.values()].some((a) => a.users.has(u.id)));
  if (!user) throw new Error('seed has no assigned active user');
  return { org, db, user };
}

describe('user view', () => {
  it('reads a cached user by id, email or login with their groups and apps', async () => {
    const { org, db, user } = await synced();
    const byId = await getUserView(db, { id: user.id });
    expect(byId?.source).toBe('cache');
    expect(byId?.groups.map((g) => g.id).sort()).toEqual([...org.groups.values()].filter((g) => g.members.has(user.id)).map((g) => g.id).sort());
    expect(byId?.apps.map((a) => a.app.id).sort()).toEqual([...org.apps.values()].filter((a) => a.users.has(user.id)).map((a) => a.id).sort());
    expect(byId?.factors).toBeNull();
    expect((await getUserView(db, { email: user.profile.email.toUpperCase() }))?.user.id).toBe(user.id);
    expect((await getUserView(db, { login: user.profile.login }))?.user.id).toBe(user.id);
    expect(await getUserView(db, { email: 'nobody@example.com' })).toBeNull();
  });

  it('refreshes one user live at interactive priority and replaces their cached groups and apps', async () => {
    const { org, db, user } = await synced();
    const [keepGroup, newGroup] = [...org.groups.values()].slice(1);
    const app = [...org.apps.values()].find((a) => a.users.has(user.id));
    org.updateProfile(user.id, { title: 'Director' });
    for (const group of org.groups.values()) if (group !== keepGroup && group.members.has(user.id) && group.type !== 'BUILT_IN') org.removeMember(group.id, user.id);
    if (newGroup && !newGroup.members.has(user.id)) org.addMember(newGroup.id, user.id);
    org.unassign(app?.id ?? '', user.id);
    org.requests = [];

    const fresh = await refreshUser(db, org, { id: user.id });
    expect(org.requests).toHaveLength(4);
    expect(fresh?.source).toBe('live');
    expect(fresh?.user.profile.title).toBe('Director');
    expect(fresh?.factors?.map((f) => f.factorType)).toEqual(['push']);
    const expectedGroups = [...org.groups.values()].filter((g) => g.members.has(user.id)).map((g) => g.id).sort();
    expect(fresh?.groups.map((g) => g.id).sort()).toEqual(expectedGroups);

    const cached = await getUserView(db, { id: user.id });
    expect(cached?.user.profile.title).toBe('Director');
    expect(cached?.groups.map((g) => g.id).sort()).toEqual(expectedGroups);
    expect(cached?.apps.some((a) => a.app.id === app?.id)).toBe(false);
    expect(cached?.factors?.map((f) => f.id)).toEqual([`fac-${user.id}`]);
  });

  it('refreshes by email a user the directory does not hold yet', async () => {
    const { org, db } = await synced();
    const newcomer = org.createUser({ firstName: 'Nina', lastName: 'Late' });
    expect(await getUserView(db, { email: newcomer.profile.email })).toBeNull();
    org.requests = [];
    const fresh = await refreshUser(db, org, { email: newcomer.profile.email.toUpperCase() });
    expect(fresh?.user.id).toBe(newcomer.id);
    expect(org.requests[0]?.params.filter).toBe(`profile.email eq "${newcomer.profile.email.toUpperCase()}"`);
    expect((await getUserView(db, { email: newcomer.profile.email }))?.user.id).toBe(newcomer.id);
    expect(await refreshUser(db, org, { login: 'nobody@example.com' })).toBeNull();
  });

  it('removes a user Okta no longer has', async () => {
    const { org, db, user } = await synced();
    org.deleteUser(user.id);
    expect(await refreshUser(db, org, { id: user.id })).toBeNull();
    expect(await getUserView(db, { id: user.id })).toBeNull();
    const generation = await readPublishedGeneration(db);
    expect(await db.countFromIndex('memberships', 'by-user', [generation, user.id])).toBe(0);
  });
});
