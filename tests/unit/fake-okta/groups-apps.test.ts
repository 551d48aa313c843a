import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOkta } from '../../fake-okta/server';
import type { GroupRecord, UserRecord } from '../../fake-okta/types';
import { api, collect, start } from './helpers';

let okta: FakeOkta;
beforeAll(async () => {
  okta = await start();
});
afterAll(() => okta.close());

const activeUser = (skip = 0): UserRecord => okta.org.users.filter((u) => u.status === 'ACTIVE' && u.id !== okta.org.adminId)[skip]!;
const groupOf = (type: GroupRecord['type']): GroupRecord => okta.org.groups.find((g) => g.type === type)!;

describe('group membership', () => {
  it('adds and removes a member of an OKTA_GROUP, moving lastMembershipUpdated and logging both', async () => {
    const group = okta.org.groups.find((g) => g.type === 'OKTA_GROUP')!;
    const user = okta.org.users.find((u) => !okta.org.isMember(group.id, u.id))!;
    const before = group.lastMembershipUpdated;
    expect((await api(okta, 'PUT', `/api/v1/groups/${group.id}/users/${user.id}`)).status).toBe(204);
    const members = await collect(okta, `/api/v1/groups/${group.id}/users?limit=2`);
    expect(members.items.map((u) => u.id)).toContain(user.id);
    expect(members.pages).toBe(Math.ceil(okta.org.membersOf(group.id).length / 2));
    const afterAdd = (await api(okta, 'GET', `/api/v1/groups/${group.id}`)).body.lastMembershipUpdated;
    expect(afterAdd > before).toBe(true);
    expect((await api(okta, 'GET', `/api/v1/users/${user.id}/groups`)).body.map((g: { id: string }) => g.id)).toContain(group.id);
    expect((await api(okta, 'DELETE', `/api/v1/groups/${group.id}/users/${user.id}`)).status).toBe(204);
    expect(okta.org.isMember(group.id, user.id)).toBe(false);
    const events = okta.org.logs.filter((e) => e.target.some((t) => t.id === group.id)).map((e) => e.eventType);
    expect(events).toEqual(['group.user_membership.add', 'group.user_membership.remove']);
  });

  it.each(['APP_GROUP', 'BUILT_IN'] as const)('refuses membership changes in a %s group with 403 E0000006', async (type) => {
    const group = groupOf(type);
    const user = activeUser();
    const response = await api(okta, 'PUT', `/api/v1/groups/${group.id}/users/${user.id}`);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ errorCode: 'E0000006', errorSummary: 'You do not have permission to perform the requested action' });
    expect((await api(okta, 'DELETE', `/api/v1/groups/${group.id}/users/${user.id}`)).status).toBe(403);
  });

  it('answers 404 E0000007 for an unknown group or user', async () => {
    expect((await api(okta, 'PUT', `/api/v1/groups/00gnope/users/${activeUser().id}`)).body.errorCode).toBe('E0000007');
    expect((await api(okta, 'PUT', `/api/v1/groups/${groupOf('OKTA_GROUP').id}/users/00unope`)).status).toBe(404);
  });
});

describe('app assignment', () => {
  const appWithGroup = () => okta.org.apps.find((a) => okta.org.groupAssignmentsOf(a.id).length > 0)!;

  it('assigns an app directly (scope USER) and unassigns it, logging both', async () => {
    const app = okta.org.apps[0]!;
    const user = okta.org.users.find((u) => u.status === 'ACTIVE' && !okta.org.appUserIndex(app.id).find(u.id))!;
    const assigned = await api(okta, 'POST', `/api/v1/apps/${app.id}/users`, { body: { id: user.id, scope: 'USER', credentials: { userName: user.profile.login } } });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ id: user.id, scope: 'USER', credentials: { userName: user.profile.login } });
    const apps = await api(okta, 'GET', `/api/v1/apps?filter=${encodeURIComponent(`user.id eq "${user.id}"`)}`);
    expect(apps.body.map((a: { id: string }) => a.id)).toContain(app.id);
    expect((await api(okta, 'GET', `/api/v1/users/${user.id}/appLinks`)).body.map((l: { appInstanceId: string }) => l.appInstanceId)).toEqual(
      okta.org.appsOf(user.id).filter((a) => a.status === 'ACTIVE').map((a) => a.id),
    );
    expect((await api(okta, 'DELETE', `/api/v1/apps/${app.id}/users/${user.id}`)).status).toBe(204);
    expect(okta.org.appUserIndex(app.id).find(user.id)).toBeUndefined();
    const events = okta.org.logs.filter((e) => e.target.some((t) => t.id === app.id)).map((e) => e.eventType);
    expect(events).toEqual(['application.user_membership.add', 'application.user_membership.remove']);
  });

  it('refuses to unassign an app the user also gets through a group with 403 E0000046', async () => {
    const app = appWithGroup();
    const groupId = okta.org.groupAssignmentsOf(app.id)[0]!.groupId;
    const userId = okta.org.membersOf(groupId).find((id) => okta.org.findUser(id)!.status !== 'DEPROVISIONED')!;
    expect((await api(okta, 'GET', `/api/v1/apps/${app.id}/users/${userId}`)).status).toBe(200);
    const direct = await api(okta, 'POST', `/api/v1/apps/${app.id}/users`, { body: { id: userId } });
    expect(direct.body.scope).toBe('USER');
    const refused = await api(okta, 'DELETE', `/api/v1/apps/${app.id}/users/${userId}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ errorCode: 'E0000046', errorSummary: 'Deactivate application for user forbidden.' });
  });

  it('gives a new member of an assigned group the app (scope GROUP) and takes it away when they leave', async () => {
    const app = okta.org.apps.find((a) => okta.org.groupAssignmentsOf(a.id).some((g) => okta.org.findGroup(g.groupId)!.type === 'OKTA_GROUP'))!;
    const groupId = okta.org.groupAssignmentsOf(app.id).find((g) => okta.org.findGroup(g.groupId)!.type === 'OKTA_GROUP')!.groupId;
    const user = okta.org.users.find((u) => u.status === 'ACTIVE' && !okta.org.appUserIndex(app.id).find(u.id))!;
    await api(okta, 'PUT', `/api/v1/groups/${groupId}/users/${user.id}`);
    expect((await api(okta, 'GET', `/api/v1/apps/${app.id}/users/${user.id}`)).body.scope).toBe('GROUP');
    await api(okta, 'DELETE', `/api/v1/groups/${groupId}/users/${user.id}`);
    expect((await api(okta, 'GET', `/api/v1/apps/${app.id}/users/${user.id}`)).status).toBe(404);
  });

  it('lists app users (direct and group) and group assignments with pagination', async () => {
    const app = appWithGroup();
    const users = await collect(okta, `/api/v1/apps/${app.id}/users?limit=3`);
    expect(users.items.map((u) => u.id)).toEqual(okta.org.appUsersOf(app.id).map((r) => r.userId));
    const groups = await collect(okta, `/api/v1/apps/${app.id}/groups?limit=1`);
    expect(groups.items.map((g) => g.id).sort()).toEqual(okta.org.groupAssignmentsOf(app.id).map((g) => g.groupId).sort());
    expect(groups.pages).toBe(Math.max(1, groups.items.length));
  });

  it('refuses an assignment without a user id with 400 E0000001', async () => {
    const response = await api(okta, 'POST', `/api/v1/apps/${okta.org.apps[0]!.id}/users`, { body: {} });
    expect(response.status).toBe(400);
    expect(response.body.errorCode).toBe('E0000001');
  });
});
