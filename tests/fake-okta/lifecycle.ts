import { randomBytes } from 'node:crypto';
import { oidcClientId } from './app-shapes';
import { oktaErrors } from './errors';
import { refreshToken } from './factors';
import { iso } from './generate';
import { logTarget } from './log-events';
import type { FakeOrg } from './org';
import type { AppRecord, UserProfile, UserRecord, UserStatus } from './types';

/**
 * Okta's user state machine (reference/okta-api.md §1). Transitions are immediate here; Okta runs
 * activate and deactivate asynchronously (`transitioningToStatus`), which clients cannot rely on anyway.
 */

const oneTimeToken = (): string => randomBytes(15).toString('base64url');
const DAY = 86_400_000;

function requireStatus(user: UserRecord, allowed: readonly UserStatus[]): void {
  if (!allowed.includes(user.status)) throw oktaErrors.wrongStatus();
}

export function activateUser(org: FakeOrg, baseUrl: string, user: UserRecord, sendEmail: boolean): Record<string, string> {
  if (user.status === 'ACTIVE') throw oktaErrors.alreadyActive();
  requireStatus(user, ['STAGED', 'DEPROVISIONED']);
  const wasDeprovisioned = user.status === 'DEPROVISIONED';
  const next = user.status === 'STAGED' && user.hasPassword ? 'ACTIVE' : 'PROVISIONED';
  org.setStatus(user, next, 'user.lifecycle.activate', 'Activate Okta user');
  if (wasDeprovisioned) org.restoreGroupAppUsers(user);
  return activationBody(baseUrl, sendEmail);
}

export function reactivateUser(org: FakeOrg, baseUrl: string, user: UserRecord, sendEmail: boolean): Record<string, string> {
  requireStatus(user, ['PROVISIONED', 'RECOVERY']);
  org.setStatus(user, 'PROVISIONED', 'user.lifecycle.reactivate', 'Reactivate Okta user');
  return activationBody(baseUrl, sendEmail);
}

function activationBody(baseUrl: string, sendEmail: boolean): Record<string, string> {
  if (sendEmail) return {};
  const activationToken = oneTimeToken();
  return { activationToken, activationUrl: `${baseUrl}/welcome/${activationToken}` };
}

export function deactivateUser(org: FakeOrg, user: UserRecord): void {
  requireStatus(user, ['ACTIVE', 'PROVISIONED', 'STAGED', 'RECOVERY', 'LOCKED_OUT', 'PASSWORD_EXPIRED', 'SUSPENDED']);
  org.clearSessions(user);
  org.setStatus(user, 'DEPROVISIONED', 'user.lifecycle.deactivate', 'Deactivate Okta user');
  org.removeAllAppUsers(user);
}

/** DELETE /users/{id}: the first call on a user that is not deprovisioned only deactivates it. */
export function deleteUser(org: FakeOrg, user: UserRecord): void {
  if (user.status !== 'DEPROVISIONED') {
    deactivateUser(org, user);
    return;
  }
  const target = logTarget.user(user);
  org.removeUser(user);
  org.emit('user.lifecycle.delete.initiated', 'Delete Okta user', [target], new Date(org.tick()).toISOString());
}

export function suspendUser(org: FakeOrg, user: UserRecord): void {
  if (user.status !== 'ACTIVE') {
    throw oktaErrors.validation('Cannot suspend a user that is not active', ['Cannot suspend a user that is not active']);
  }
  org.clearSessions(user);
  org.setStatus(user, 'SUSPENDED', 'user.lifecycle.suspend', 'Suspend Okta user');
}

export function unsuspendUser(org: FakeOrg, user: UserRecord): void {
  if (user.status !== 'SUSPENDED') {
    throw oktaErrors.validation('Cannot unsuspend a user that is not suspended', ['Cannot unsuspend a user that is not suspended']);
  }
  org.setStatus(user, 'ACTIVE', 'user.lifecycle.unsuspend', 'Unsuspend Okta user');
}

/** Unlocks a LOCKED_OUT user; on an ACTIVE user it only clears unknown-device blocks, which the fake does not model. */
export function unlockUser(org: FakeOrg, user: UserRecord): void {
  requireStatus(user, ['LOCKED_OUT', 'ACTIVE']);
  if (user.status === 'LOCKED_OUT') org.setStatus(user, 'ACTIVE', 'user.account.unlock', 'Unlock user account');
}

const PASSWORD_STATUSES: readonly UserStatus[] = ['ACTIVE', 'RECOVERY', 'LOCKED_OUT', 'PASSWORD_EXPIRED'];

export function resetPassword(
  org: FakeOrg,
  baseUrl: string,
  user: UserRecord,
  options: { sendEmail: boolean; revokeSessions: boolean },
): Record<string, string> {
  requireStatus(user, PASSWORD_STATUSES);
  if (options.revokeSessions) org.clearSessions(user);
  org.setStatus(user, 'RECOVERY', 'user.account.reset_password', 'Fired when the user\'s Okta password is reset');
  return options.sendEmail ? {} : { resetPasswordUrl: `${baseUrl}/reset_password/${oneTimeToken()}` };
}

export function expirePassword(org: FakeOrg, user: UserRecord): void {
  requireStatus(user, PASSWORD_STATUSES);
  org.setStatus(user, 'PASSWORD_EXPIRED', 'user.account.expire_password', 'Fired when the user\'s Okta password is expired');
}

export function expirePasswordWithTempPassword(org: FakeOrg, user: UserRecord, revokeSessions: boolean): { tempPassword: string } {
  requireStatus(user, PASSWORD_STATUSES);
  if (revokeSessions) org.clearSessions(user);
  user.hasPassword = true;
  org.setStatus(user, 'PASSWORD_EXPIRED', 'user.account.expire_password', 'Fired when the user\'s Okta password is expired');
  return { tempPassword: randomBytes(6).toString('base64url') };
}

export function resetFactors(org: FakeOrg, user: UserRecord): void {
  if (user.status === 'DEPROVISIONED') throw oktaErrors.wrongStatus();
  const now = org.touchUser(user, () => org.clearFactors(user));
  org.emit('user.mfa.factor.reset_all', 'Reset all factors for user', [logTarget.user(user)], now);
}

export function unenrollFactor(org: FakeOrg, user: UserRecord, factorId: string): void {
  if (user.status === 'DEPROVISIONED') throw oktaErrors.wrongStatus();
  const factors = org.factorsOf(user.id);
  const index = factors.findIndex((f) => f.id === factorId);
  if (index < 0) throw oktaErrors.notFound(factorId, 'UserFactor');
  const now = org.touchUser(user, () => factors.splice(index, 1));
  org.emit('user.mfa.factor.deactivate', 'Reset factor for user', [logTarget.user(user)], now);
}

/** `oauthTokens` also revokes the OAuth/OIDC tokens the user's apps hold (Okta's default: false). */
export function clearUserSessions(org: FakeOrg, user: UserRecord, oauthTokens: boolean): void {
  const now = org.touchUser(user, () => {
    org.clearSessions(user);
    if (oauthTokens) org.clearOAuthTokens(user);
  });
  org.emit('user.session.clear', 'Clear user session', [logTarget.user(user)], now);
}

/** The user signs in to an OIDC app: a new Okta session, and a refresh token for the app's client. */
export function signIn(org: FakeOrg, user: UserRecord, app: AppRecord): void {
  requireStatus(user, ['ACTIVE']);
  const clientId = oidcClientId(app);
  if (app.status !== 'ACTIVE' || clientId === null) {
    throw oktaErrors.validation('appId', ['appId: an active OpenID Connect app is required']);
  }
  const at = org.tick();
  org.sessionsOf(user.id).push({ id: org.newId('idx'), createdAt: iso(at), expiresAt: iso(at + DAY) });
  org.oauthTokensOf(user.id).push(refreshToken(org.newId('oar'), clientId, at));
  user.lastLogin = iso(at);
}

export interface CreateUserInput {
  profile: UserProfile;
  password: string | null;
  groupIds: string[];
}

/** POST /users: `activate` defaults to true; without a password an activated user is PROVISIONED. */
export function createUser(org: FakeOrg, input: CreateUserInput, activate: boolean): UserRecord {
  const groups = input.groupIds.map((id) => org.requireGroup(id));
  if (groups.some((g) => g.type !== 'OKTA_GROUP')) throw oktaErrors.forbidden();
  const hasPassword = input.password !== null;
  const status: UserStatus = !activate ? 'STAGED' : hasPassword ? 'ACTIVE' : 'PROVISIONED';
  const user = org.insertUser(input.profile, status, hasPassword);
  org.emit('user.lifecycle.create', 'Create Okta user', [logTarget.user(user)], user.created);
  if (activate) org.emit('user.lifecycle.activate', 'Activate Okta user', [logTarget.user(user)], user.created);
  for (const group of groups) org.addMember(group, user);
  return user;
}

/** POST /users/{id}: a partial update; fields sent as null are cleared. */
export function updateProfile(org: FakeOrg, user: UserRecord, changes: Record<string, unknown>): void {
  const profile = { ...user.profile, ...changes } as UserProfile;
  org.replaceProfile(user, profile);
}
