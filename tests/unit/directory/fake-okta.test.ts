import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOktaClient, type OktaClient } from '@/lib/okta';
import { readSyncStatus } from '@/lib/directory/state';
import { runSync } from '@/lib/directory/sync';
import { startFakeOkta, type FakeOkta } from '../../fake-okta/server';
import { DEFAULT_OPTIONS, dumpPublished, freshDb } from './helpers';

/* The directory against the local fake Okta, through the real client over HTTP. */

let fake: FakeOkta;
let client: OktaClient;

beforeAll(async () => {
  fake = await startFakeOkta({ port: 0, users: 600, groups: 12, apps: 5, seed: 3, token: 'directory-token', rateLimit: 100_000 });
  client = createOktaClient({ origin: fake.url, auth: { type: 'ssws', token: 'directory-token' } });
});

afterAll(async () => {
  await fake?.close();
});

const included = (status: string) => DEFAULT_OPTIONS.includeStatuses.includes(status);

describe('directory sync against the fake Okta', () => {
  it('stores exactly the org’s synced users, groups, apps, memberships and assignments', async () => {
    const db = await freshDb();
    const outcome = await runSync(db, client, 'full', DEFAULT_OPTIONS);
    expect(outcome.status).toBe('succeeded');
    const dump = await dumpPublished(db);
    const { org } = fake;

    const users = org.users.filter((user) => included(user.status));
    expect(dump.users.map((u) => u.id).sort()).toEqual(users.map((u) => u.id).sort());
    const sample = users[7];
    const stored = dump.users.find((u) => u.id === sample?.id);
    expect(stored?.profile).toEqual(JSON.parse(JSON.stringify(sample?.profile)));
    expect(stored?.lastUpdated).toBe(sample?.lastUpdated);

    expect(dump.groups.map((g) => g.id).sort()).toEqual(org.groups.map((g) => g.id).sort());
    expect(dump.apps.map((a) => a.id).sort()).toEqual(org.apps.map((a) => a.id).sort());
    const synced = new Set(users.map((u) => u.id));
    const memberships = org.groups.flatMap((g) => org.membersOf(g.id).filter((id) => synced.has(id)).map((userId) => `${g.id}/${userId}`));
    expect(dump.memberships.map((m) => `${m.groupId}/${m.userId}`).sort()).toEqual(memberships.sort());
    const assignments = org.apps.flatMap((a) => org.appUsersOf(a.id).map((au) => `${a.id}/${au.userId}/${au.scope}`));
    expect(dump.assignments.map((a) => `${a.appId}/${a.userId}/${a.scope}`).sort()).toEqual(assignments.sort());
  });

  it('with nothing changed, syncs incrementally in one request per listing', async () => {
    const db = await freshDb();
    await runSync(db, client, 'full', DEFAULT_OPTIONS);
    const before = await dumpPublished(db);
    fake.resetRequestLog();
    const outcome = await runSync(db, client, 'incremental', DEFAULT_OPTIONS);
    expect(outcome.status === 'succeeded' && outcome.kind).toBe('incremental');
    expect(fake.requests.map((r) => r.path)).toEqual(['/api/v1/users', '/api/v1/groups', '/api/v1/apps', '/api/v1/logs']);
    expect(await dumpPublished(db)).toEqual(before);
  });

  it('follows changes made through the API with an incremental sync, to the same state as a full one', async () => {
    const db = await freshDb();
    await runSync(db, client, 'full', DEFAULT_OPTIONS);
    const { org } = fake;
    const active = org.users.filter((u) => u.status === 'ACTIVE' && u.provider.type === 'OKTA' && u.id !== org.admin.id);
    const [renamed, suspended, deleted, joiner] = active;
    const group = org.groups.find((g) => g.type === 'OKTA_GROUP' && !org.membersOf(g.id).includes(joiner?.id ?? ''));
    const leaving = org.groups.find((g) => g.type === 'OKTA_GROUP' && org.membersOf(g.id).some((id) => active.slice(4).some((u) => u.id === id)));
    const leaver = active.slice(4).find((u) => leaving && org.membersOf(leaving.id).includes(u.id));
    const app = org.apps[0];
    const assignee = active.slice(4).find((u) => app && !org.appUsersOf(app.id).some((au) => au.userId === u.id));
    if (!renamed || !suspended || !deleted || !joiner || !group || !leaving || !leaver || !app || !assignee) throw new Error('seed too small');

    await client.request('POST', `/api/v1/users/${renamed.id}`, { json: { profile: { title: 'Head of Support' } } });
    await client.request('POST', `/api/v1/users/${suspended.id}/lifecycle/suspend`);
    await client.request('DELETE', `/api/v1/users/${deleted.id}`);
    await client.request('DELETE', `/api/v1/users/${deleted.id}`);
    await client.request('PUT', `/api/v1/groups/${group.id}/users/${joiner.id}`);
    await client.request('DELETE', `/api/v1/groups/${leaving.id}/users/${leaver.id}`);
    await client.request('POST', `/api/v1/apps/${app.id}/users`, { json: { id: assignee.id, scope: 'USER', credentials: { userName: assignee.profile.login } } });

    fake.resetRequestLog();
    const outcome = await runSync(db, client, 'incremental', DEFAULT_OPTIONS);
    expect(outcome.status).toBe('succeeded');
    expect(outcome.status === 'succeeded' && outcome.kind).toBe('incremental');
    expect(fake.requests.length).toBeLessThan(20);

    const fresh = await freshDb();
    await runSync(fresh, client, 'full', DEFAULT_OPTIONS);
    expect(await dumpPublished(db)).toEqual(await dumpPublished(fresh));
    expect((await readSyncStatus(db)).lastError).toBeNull();
  });
});
