import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOkta } from '../../fake-okta/server';
import { api, collect, q, start } from './helpers';

let okta: FakeOkta;
beforeAll(async () => {
  okta = await start();
});
afterAll(() => okta.close());

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('GET /users', () => {
  it('omits DEPROVISIONED users from a plain list but includes them with a filter', async () => {
    const plain = await collect(okta, '/api/v1/users');
    expect(ids(plain.items)).toEqual(okta.org.users.filter((u) => u.status !== 'DEPROVISIONED').map((u) => u.id));
    const all = await collect(okta, `/api/v1/users?filter=${q('lastUpdated gt "2000-01-01T00:00:00.000Z"')}`);
    expect(ids(all.items).sort()).toEqual(okta.org.users.map((u) => u.id).sort());
  });

  it('pages with limit and an opaque after cursor, never repeating a user', async () => {
    const paged = await collect(okta, '/api/v1/users?limit=50');
    expect(paged.pages).toBe(Math.ceil(okta.org.users.filter((u) => u.status !== 'DEPROVISIONED').length / 50));
    expect(new Set(ids(paged.items)).size).toBe(paged.items.length);
    const first = await api(okta, 'GET', '/api/v1/users?limit=500');
    expect(first.body.length).toBe(200);
  });

  it('filters by status, id, login and email, joined by or/and', async () => {
    const [a, b] = okta.org.users.filter((u) => u.status === 'ACTIVE');
    const staged = await collect(okta, `/api/v1/users?filter=${q('status eq "STAGED"')}`);
    expect(ids(staged.items)).toEqual(okta.org.users.filter((u) => u.status === 'STAGED').map((u) => u.id));
    const either = await api(okta, 'GET', `/api/v1/users?filter=${q(`profile.login eq "${a!.profile.login}" or id eq "${b!.id}"`)}`);
    expect(ids(either.body).sort()).toEqual([a!.id, b!.id].sort());
    const both = await api(okta, 'GET', `/api/v1/users?filter=${q(`profile.email eq "${a!.profile.email.toUpperCase()}" and status eq "ACTIVE"`)}`);
    expect(ids(both.body)).toEqual([a!.id]);
    const none = await api(okta, 'GET', `/api/v1/users?filter=${q(`profile.email eq "${a!.profile.email}" and status eq "SUSPENDED"`)}`);
    expect(none.body).toEqual([]);
  });

  it('returns only users changed after lastUpdated gt, including status changes', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const target = okta.org.users.find((u) => u.status === 'ACTIVE' && u.id !== okta.org.adminId)!;
    await api(okta, 'POST', `/api/v1/users/${target.id}/lifecycle/deactivate`);
    const changed = await collect(okta, `/api/v1/users?filter=${q(`lastUpdated gt "${since}"`)}`);
    expect(changed.items.map((u) => [u.id, u.status])).toEqual([[target.id, 'DEPROVISIONED']]);
    const later = await api(okta, 'GET', `/api/v1/users?filter=${q(`lastUpdated gt "${target.lastUpdated}"`)}`);
    expect(later.body).toEqual([]);
  });

  it('supports search with sw/co on profile attributes and q as a name/email prefix', async () => {
    const user = okta.org.users.find((u) => u.status === 'ACTIVE')!;
    const prefix = String(user.profile.lastName).slice(0, 3);
    const search = await collect(okta, `/api/v1/users?search=${q(`profile.lastName sw "${prefix}"`)}`);
    expect(ids(search.items).sort()).toEqual(
      okta.org.users.filter((u) => String(u.profile.lastName).toLowerCase().startsWith(prefix.toLowerCase())).map((u) => u.id).sort(),
    );
    const department = String(user.profile.department);
    const byDepartment = await collect(okta, `/api/v1/users?search=${q(`profile.department eq "${department}" and status eq "ACTIVE"`)}`);
    expect(byDepartment.items.length).toBe(okta.org.users.filter((u) => u.profile.department === department && u.status === 'ACTIVE').length);
    const quick = await api(okta, 'GET', `/api/v1/users?q=${encodeURIComponent(String(user.profile.firstName))}`);
    expect(quick.body.length).toBeLessThanOrEqual(10);
    expect(ids(quick.body)).toContain(user.id);
  });

  it('answers 400 E0000031 for attributes or operators filter does not support', async () => {
    for (const expression of ['profile.department eq "IT"', 'status gt "ACTIVE"', 'status eq', 'status eq "A" xor id eq "b"']) {
      const response = await api(okta, 'GET', `/api/v1/users?filter=${q(expression)}`);
      expect(response.status, expression).toBe(400);
      expect(response.body.errorCode).toBe('E0000031');
    }
  });
});

describe('GET /groups and /apps', () => {
  it('filters groups by type and by lastMembershipUpdated for incremental sync', async () => {
    const appGroups = await collect(okta, `/api/v1/groups?filter=${q('type eq "APP_GROUP"')}`);
    expect(ids(appGroups.items)).toEqual(okta.org.groups.filter((g) => g.type === 'APP_GROUP').map((g) => g.id));
    const since = new Date(Date.now() - 1000).toISOString();
    const group = okta.org.groups.find((g) => g.type === 'OKTA_GROUP')!;
    const user = okta.org.users.find((u) => !okta.org.isMember(group.id, u.id))!;
    await api(okta, 'PUT', `/api/v1/groups/${group.id}/users/${user.id}`);
    const changed = await api(okta, 'GET', `/api/v1/groups?filter=${q(`lastUpdated gt "${since}" or lastMembershipUpdated gt "${since}"`)}`);
    expect(ids(changed.body)).toEqual([group.id]);
  });

  it('pages groups and supports q as a name prefix and expand=stats', async () => {
    const paged = await collect(okta, '/api/v1/groups?limit=7');
    expect(ids(paged.items)).toEqual(okta.org.groups.map((g) => g.id));
    const everyone = await api(okta, 'GET', '/api/v1/groups?q=Every&expand=stats');
    expect(everyone.body[0]).toMatchObject({ type: 'BUILT_IN', profile: { name: 'Everyone' }, _embedded: { stats: { usersCount: okta.org.users.length } } });
  });

  it('lists apps, filters them by status and by assigned user', async () => {
    const all = await collect(okta, '/api/v1/apps?limit=5');
    expect(ids(all.items)).toEqual(okta.org.apps.map((a) => a.id));
    const inactive = await collect(okta, `/api/v1/apps?filter=${q('status eq "INACTIVE"')}`);
    expect(ids(inactive.items)).toEqual(okta.org.apps.filter((a) => a.status === 'INACTIVE').map((a) => a.id));
    const user = okta.org.users.find((u) => okta.org.appsOf(u.id).length >= 2)!;
    const mine = await collect(okta, `/api/v1/apps?filter=${q(`user.id eq "${user.id}"`)}&expand=${encodeURIComponent(`user/${user.id}`)}`);
    expect(ids(mine.items)).toEqual(okta.org.appsOf(user.id).map((a) => a.id));
    expect(mine.items[0]._embedded.user.id).toBe(user.id);
  });
});
