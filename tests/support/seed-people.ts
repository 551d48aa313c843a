import type { FakeOkta } from '../fake-okta/server';

export interface Person {
  firstName: string;
  lastName: string;
  email: string;
  title?: string;
  department?: string;
}

/**
 * Puts the people of a helpdesk fixture into the fake org (ACTIVE, in a few Okta groups and with
 * a direct app), so the panel finds them. Returns their Okta ids by email.
 */
export function seedPeople(okta: FakeOkta, people: Person[]): Map<string, string> {
  const ids = new Map<string, string>();
  const oktaGroups = okta.org.groups.filter((g) => g.type === 'OKTA_GROUP').slice(0, 3);
  const app = okta.org.apps[0];
  for (const p of people) {
    const existing = okta.org.findUser(p.email);
    if (existing) {
      ids.set(p.email, existing.id);
      continue;
    }
    const profile: Record<string, string> = { login: p.email, email: p.email, firstName: p.firstName, lastName: p.lastName };
    if (p.title) profile.title = p.title;
    if (p.department) profile.department = p.department;
    const created = okta.mutate({
      op: 'createUser',
      profile,
      password: 'Demo-Passw0rd!-2026',
      groupIds: oktaGroups.map((g) => g.id),
    }) as { id: string };
    if (app) okta.mutate({ op: 'assignApp', appId: app.id, userId: created.id });
    ids.set(p.email, created.id);
  }
  return ids;
}

/** The people named in the helpdesk fixtures under tests/fixtures/helpdesks. */
export const FIXTURE_PEOPLE: Person[] = [
  { firstName: 'Grace', lastName: 'Hansen', email: 'grace.hansen@example.com', title: 'Financial Analyst', department: 'Finance' },
  { firstName: 'Mateo', lastName: 'Silva', email: 'mateo.silva@example.com', title: 'Account Executive', department: 'Sales' },
];

/**
 * Makes sure the org has this person with at least these profile values, whatever earlier tests
 * in the same worker did to the shared fake org: creates them (ACTIVE) or updates their profile.
 */
export function ensurePerson(okta: FakeOkta, profile: Record<string, string> & { login: string }): string {
  const existing = okta.org.findUser(profile.login);
  if (existing) {
    okta.mutate({ op: 'updateUser', id: existing.id, profile });
    return existing.id;
  }
  const created = okta.mutate({ op: 'createUser', profile, password: 'Demo-Passw0rd!-2026' }) as { id: string };
  return created.id;
}
