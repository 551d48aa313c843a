import { oktaErrors } from '../errors';
import { iso } from '../generate';
import * as lifecycle from '../lifecycle';
import type { FakeOrg } from '../org';
import type { Reply } from '../reply';
import { appUserJson, userJson } from '../serialize';
import type { UserProfile } from '../types';
import { validateProfile } from '../user-schema';
import { objectBody } from './params';

/**
 * Test-only changes to the org (`POST /__admin/mutate`), so browser e2e tests can change Okta
 * behind the extension's back. Body: `{ "op": <name>, ...arguments }`:
 *
 *   createUser   { profile, password?, activate? = true, groupIds? }
 *   updateUser   { id, profile }                         partial profile update
 *   lifecycle    { id, action }                          activate | reactivate | deactivate | suspend |
 *                                                        unsuspend | unlock | expire_password | reset_factors
 *   lockOut      { id }                                  ACTIVE → LOCKED_OUT (too many sign-in failures)
 *   deleteUser   { id }                                  same two-step rule as DELETE /users/{id}
 *   addMember    { groupId, userId }                     any group type (imports and rules can)
 *   removeMember { groupId, userId }
 *   assignApp    { appId, userId }
 *   unassignApp  { appId, userId }                       ignores group grants
 *   signIn       { id, appId }                           an ACTIVE user signs in to an OIDC app: a new
 *                                                        session and a refresh token for the app
 */
export type MutateRequest =
  | { op: 'createUser'; profile: Record<string, unknown>; password?: string; activate?: boolean; groupIds?: string[] }
  | { op: 'updateUser'; id: string; profile: Record<string, unknown> }
  | { op: 'lifecycle'; id: string; action: string }
  | { op: 'lockOut' | 'deleteUser'; id: string }
  | { op: 'addMember' | 'removeMember'; groupId: string; userId: string }
  | { op: 'assignApp' | 'unassignApp'; appId: string; userId: string }
  | { op: 'signIn'; id: string; appId: string };

export function mutate(org: FakeOrg, baseUrl: string, body: unknown): Reply {
  const input = objectBody(body);
  const text = (name: string): string => {
    const value = input[name];
    if (typeof value !== 'string' || value === '') throw oktaErrors.validation(name, [`${name}: a non-empty string is required`]);
    return value;
  };
  const user = () => org.requireUser(text(input.userId === undefined ? 'id' : 'userId'));
  switch (input.op) {
    case 'createUser': {
      const profile = validateProfile(input.profile, 'create') as UserProfile;
      const password = typeof input.password === 'string' ? input.password : null;
      const groupIds = Array.isArray(input.groupIds) ? input.groupIds.map(String) : [];
      const created = lifecycle.createUser(org, { profile, password, groupIds }, input.activate !== false);
      return { status: 200, body: userJson(baseUrl, created) };
    }
    case 'updateUser': {
      const target = user();
      lifecycle.updateProfile(org, target, validateProfile(input.profile, 'update'));
      return { status: 200, body: userJson(baseUrl, target) };
    }
    case 'lifecycle':
      return { status: 200, body: runLifecycle(org, baseUrl, user(), text('action')) };
    case 'lockOut': {
      const target = user();
      if (target.status !== 'ACTIVE') throw oktaErrors.wrongStatus();
      org.setStatus(target, 'LOCKED_OUT', 'user.account.lock', 'Max sign in attempts exceeded');
      return { status: 200, body: userJson(baseUrl, target) };
    }
    case 'deleteUser':
      lifecycle.deleteUser(org, user());
      return { status: 204 };
    case 'addMember':
      org.addMember(org.requireGroup(text('groupId')), user());
      return { status: 204 };
    case 'removeMember':
      org.removeMember(org.requireGroup(text('groupId')), user());
      return { status: 204 };
    case 'assignApp': {
      const app = org.requireApp(text('appId'));
      const target = user();
      const now = iso(org.tick());
      const record = { userId: target.id, scope: 'USER' as const, created: now, lastUpdated: now, statusChanged: now, userName: target.profile.login };
      org.putAppUser(app.id, record, true);
      return { status: 200, body: appUserJson(baseUrl, app.id, record) };
    }
    case 'unassignApp':
      org.removeAppUser(org.requireApp(text('appId')).id, user());
      return { status: 204 };
    case 'signIn':
      lifecycle.signIn(org, user(), org.requireApp(text('appId')));
      return { status: 204 };
    default:
      throw oktaErrors.validation('op', [`op: unknown operation ${JSON.stringify(input.op)}`]);
  }
}

function runLifecycle(org: FakeOrg, baseUrl: string, target: ReturnType<FakeOrg['requireUser']>, action: string): unknown {
  switch (action) {
    case 'activate':
      return lifecycle.activateUser(org, baseUrl, target, true);
    case 'reactivate':
      return lifecycle.reactivateUser(org, baseUrl, target, true);
    case 'deactivate':
      lifecycle.deactivateUser(org, target);
      break;
    case 'suspend':
      lifecycle.suspendUser(org, target);
      break;
    case 'unsuspend':
      lifecycle.unsuspendUser(org, target);
      break;
    case 'unlock':
      lifecycle.unlockUser(org, target);
      break;
    case 'expire_password':
      lifecycle.expirePassword(org, target);
      break;
    case 'reset_factors':
      lifecycle.resetFactors(org, target);
      break;
    default:
      throw oktaErrors.validation('action', [`action: unknown lifecycle action ${action}`]);
  }
  return userJson(baseUrl, target);
}

/** GET /__admin/state: the whole org as stored, for exact comparisons in tests. */
export function snapshot(org: FakeOrg): Record<string, unknown> {
  return {
    adminId: org.adminId,
    users: org.users,
    groups: org.groups,
    apps: org.apps,
    memberships: Object.fromEntries(org.groups.map((g) => [g.id, org.membersOf(g.id)])),
    appUsers: Object.fromEntries(org.apps.map((a) => [a.id, org.appUsersOf(a.id)])),
    groupAssignments: Object.fromEntries(org.apps.map((a) => [a.id, org.groupAssignmentsOf(a.id)])),
    factors: Object.fromEntries(org.users.map((u) => [u.id, org.factorsOf(u.id)])),
    sessions: Object.fromEntries(org.users.map((u) => [u.id, org.sessionsOf(u.id)])),
    oauthTokens: Object.fromEntries(org.users.map((u) => [u.id, org.oauthTokensOf(u.id)])),
    logs: org.logs,
  };
}
