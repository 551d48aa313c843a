import { describe, expect, it } from 'vitest';
import { FakeOrg } from '../../fake-okta/org';
import { snapshot } from '../../fake-okta/routes/admin';
import { SIGN_ON_MODES, USER_STATUSES } from '../../fake-okta/types';

const options = { users: 1500, groups: 40, apps: 15, seed: 11 };

describe('generated org', () => {
  it('is identical for the same seed and different for another seed', () => {
    const a = JSON.stringify(snapshot(new FakeOrg(options)));
    const b = JSON.stringify(snapshot(new FakeOrg(options)));
    const c = JSON.stringify(snapshot(new FakeOrg({ ...options, seed: 12 })));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });

  it('has users in every status, ACTIVE the majority, with Okta-shaped ids and unique logins', () => {
    const org = new FakeOrg(options);
    const counts = new Map<string, number>();
    for (const user of org.users) counts.set(user.status, (counts.get(user.status) ?? 0) + 1);
    for (const status of USER_STATUSES) expect(counts.get(status) ?? 0, status).toBeGreaterThan(0);
    expect(counts.get('ACTIVE')!).toBeGreaterThan(org.users.length / 2);
    for (const user of org.users) expect(user.id).toMatch(/^00u[A-Za-z0-9]{17}$/);
    expect(new Set(org.users.map((u) => u.profile.login)).size).toBe(org.users.length);
  });

  it('gives users realistic profiles including custom attributes', () => {
    const user = new FakeOrg(options).users.find((u) => u.status === 'ACTIVE')!;
    expect(user.profile).toMatchObject({
      firstName: expect.any(String),
      lastName: expect.any(String),
      email: expect.stringMatching(/@example\.com$/),
      displayName: `${user.profile.firstName} ${user.profile.lastName}`,
      department: expect.any(String),
      employeeNumber: expect.stringMatching(/^\d+$/),
      countryCode: expect.stringMatching(/^[A-Z]{2}$/),
      startDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      costCenter: expect.any(String),
    });
    expect(user.lastUpdated >= user.created).toBe(true);
  });

  it('has one BUILT_IN Everyone group holding every user, plus OKTA_GROUP and APP_GROUP groups', () => {
    const org = new FakeOrg(options);
    const everyone = org.groups.filter((g) => g.type === 'BUILT_IN');
    expect(everyone.map((g) => g.profile.name)).toEqual(['Everyone']);
    expect(org.membersOf(everyone[0]!.id)).toHaveLength(org.users.length);
    expect(org.groups.some((g) => g.type === 'APP_GROUP')).toBe(true);
    expect(org.groups.filter((g) => g.type === 'OKTA_GROUP').length).toBeGreaterThan(org.groups.length / 2);
  });

  it('has apps in several sign-on modes with direct and group assignments', () => {
    const org = new FakeOrg({ ...options, apps: 40 });
    const modes = new Set(org.apps.map((a) => a.signOnMode));
    for (const mode of SIGN_ON_MODES) expect(modes.has(mode), mode).toBe(true);
    const scopes = new Set(org.apps.flatMap((a) => org.appUsersOf(a.id).map((r) => r.scope)));
    expect([...scopes].sort()).toEqual(['GROUP', 'USER']);
    for (const app of org.apps) {
      for (const record of org.appUsersOf(app.id)) {
        if (record.scope === 'GROUP') expect(org.groupsGranting(record.userId, app.id).length).toBeGreaterThan(0);
      }
    }
  });

  it('enrolls factors for users who have signed in, none for STAGED users', () => {
    const org = new FakeOrg(options);
    const active = org.users.filter((u) => u.status === 'ACTIVE').slice(0, 50);
    const types = new Set(active.flatMap((u) => org.factorsOf(u.id).map((f) => f.factorType)));
    expect(types.size).toBeGreaterThanOrEqual(4);
    const staged = org.users.find((u) => u.status === 'STAGED')!;
    expect(org.factorsOf(staged.id)).toEqual([]);
  });
});
