import { test as base, expect, FAKE_TOKEN } from './fixtures';
import { startFakeOkta, type FakeOkta } from '../fake-okta/server';
import { sendFromExtensionPage } from '../support/extension';
import { expectedDirectory, readExtensionDirectory, waitForSyncEnd } from '../support/directory-state';

// This file needs an org of its own size and seed.
const test = base.extend<{ okta: FakeOkta }>({
  okta: async ({}, use) => {
    const okta = await startFakeOkta({ port: 0, users: 400, groups: 30, apps: 10, seed: 41, token: FAKE_TOKEN });
    await use(okta);
    await okta.close();
  },
});

test('a full sync copies the org exactly, and an incremental sync follows changes at a cost that grows with them', async ({ connect, okta, openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  const started = new Date().toISOString();
  await connect(); // saving the connection starts the first full sync
  const first = await waitForSyncEnd(page, started);
  expect(first.lastError).toBeNull();

  const full = await readExtensionDirectory(page);
  const expected = expectedDirectory(okta.org);
  expect(Object.keys(expected.users).length).toBeGreaterThan(300);
  expect(expected.memberships.length).toBeGreaterThan(400);
  expect(expected.assignments.length).toBeGreaterThan(50);
  expect(full.users).toEqual(expected.users);
  expect(full.groups).toEqual(expected.groups);
  expect(full.apps).toEqual(expected.apps);
  expect(full.memberships).toEqual(expected.memberships);
  expect(full.assignments).toEqual(expected.assignments);

  // Nothing changed: the incremental sync's fixed cost.
  okta.resetRequestLog();
  let before = new Date().toISOString();
  await sendFromExtensionPage(page, 'syncNow', { mode: 'incremental' });
  await waitForSyncEnd(page, before);
  const idleRequests = okta.requests.filter((r) => r.path.startsWith('/api/v1/')).length;

  // Changes behind the extension's back, through the fake's admin API.
  const active = okta.org.users.filter((u) => u.status === 'ACTIVE');
  const [toUpdate, toSuspend, toDelete, toJoin, toLeave] = active.slice(5, 10);
  const okGroup = okta.org.groups.find((g) => g.type === 'OKTA_GROUP' && !okta.org.isMember(g.id, toJoin!.id))!;
  const leftGroup = okta.org.groupsOf(toLeave!.id).find((g) => g.type === 'OKTA_GROUP')!;
  const created = okta.mutate({
    op: 'createUser',
    profile: { login: 'new.hire@example.com', email: 'new.hire@example.com', firstName: 'New', lastName: 'Hire' },
    password: 'Correct-Horse-9!',
    groupIds: [okGroup.id],
  }) as { id: string };
  okta.mutate({ op: 'updateUser', id: toUpdate!.id, profile: { title: 'Head of Changes', department: 'Moved' } });
  okta.mutate({ op: 'lifecycle', id: toSuspend!.id, action: 'suspend' });
  okta.mutate({ op: 'deleteUser', id: toDelete!.id }); // deactivates
  okta.mutate({ op: 'deleteUser', id: toDelete!.id }); // deletes
  okta.mutate({ op: 'addMember', groupId: okGroup.id, userId: toJoin!.id });
  okta.mutate({ op: 'removeMember', groupId: leftGroup.id, userId: toLeave!.id });
  const changes = 6;

  okta.resetRequestLog();
  before = new Date().toISOString();
  await sendFromExtensionPage(page, 'syncNow', { mode: 'incremental' });
  const after = await waitForSyncEnd(page, before);
  expect(after.lastError).toBeNull();

  const incremental = await readExtensionDirectory(page);
  const now = expectedDirectory(okta.org);
  expect(now.users[created.id]).toBeDefined();
  expect(now.users[toDelete!.id]).toBeUndefined();
  expect(now.users[toSuspend!.id]).toBeUndefined(); // SUSPENDED is not synced by default
  expect(incremental.generation).toBe(full.generation); // updated in place, not a new full sync
  expect(incremental.users).toEqual(now.users);
  expect(incremental.groups).toEqual(now.groups);
  expect(incremental.apps).toEqual(now.apps);
  expect(incremental.memberships).toEqual(now.memberships);
  expect(incremental.assignments).toEqual(now.assignments);

  const changeRequests = okta.requests.filter((r) => r.path.startsWith('/api/v1/'));
  const fullSyncPages = 2 + Object.keys(now.groups).length + Object.keys(now.apps).length;
  // Each change costs at most a couple of listings (the group it touched, the new user's groups and apps).
  expect(changeRequests.length, JSON.stringify(changeRequests.map((r) => r.path))).toBeLessThanOrEqual(idleRequests + 2 * changes);
  expect(changeRequests.length).toBeLessThan(fullSyncPages);
  expect(changeRequests.every((r) => r.method === 'GET')).toBe(true);
});
