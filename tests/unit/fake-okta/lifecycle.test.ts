import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oidcClientId } from '../../fake-okta/app-shapes';
import type { FakeOkta } from '../../fake-okta/server';
import type { UserRecord, UserStatus } from '../../fake-okta/types';
import { api, start } from './helpers';

let okta: FakeOkta;
beforeAll(async () => {
  okta = await start();
});
afterAll(() => okta.close());

/** A fresh user in `status`, taken from the generated org (each test uses its own). */
const used = new Set<string>();
function userIn(status: UserStatus, where: (u: UserRecord) => boolean = () => true): UserRecord {
  const user = okta.org.users.find((u) => u.status === status && u.id !== okta.org.adminId && !used.has(u.id) && where(u));
  if (!user) throw new Error(`The generated org has no unused ${status} user.`);
  used.add(user.id);
  return user;
}
const post = (path: string) => api(okta, 'POST', `/api/v1${path}`);
const statusOf = async (id: string) => (await api(okta, 'GET', `/api/v1/users/${id}`)).body.status;
const eventsFor = (id: string) => okta.org.logs.filter((e) => e.target.some((t) => t.id === id)).map((e) => e.eventType);

describe('user lifecycle state machine', () => {
  it('suspends an ACTIVE user and unsuspends it, logging both and moving lastUpdated', async () => {
    const user = userIn('ACTIVE');
    const before = user.lastUpdated;
    expect((await post(`/users/${user.id}/lifecycle/suspend`)).status).toBe(200);
    expect(await statusOf(user.id)).toBe('SUSPENDED');
    expect(user.lastUpdated > before).toBe(true);
    expect((await post(`/users/${user.id}/lifecycle/unsuspend`)).status).toBe(200);
    expect(await statusOf(user.id)).toBe('ACTIVE');
    expect(eventsFor(user.id)).toEqual(['user.lifecycle.suspend', 'user.lifecycle.unsuspend']);
  });

  it('refuses suspend on a non-ACTIVE and unsuspend on a non-SUSPENDED user with 400 E0000001', async () => {
    const suspend = await post(`/users/${userIn('LOCKED_OUT').id}/lifecycle/suspend`);
    expect(suspend.status).toBe(400);
    expect(suspend.body.errorCode).toBe('E0000001');
    const unsuspend = await post(`/users/${userIn('ACTIVE').id}/lifecycle/unsuspend`);
    expect(unsuspend.status).toBe(400);
    expect(unsuspend.body.errorCauses[0].errorSummary).toBe('Cannot unsuspend a user that is not suspended');
  });

  it('answers 403 E0000038 for a transition the status does not allow', async () => {
    const response = await post(`/users/${userIn('SUSPENDED').id}/lifecycle/reactivate`);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ errorCode: 'E0000038', errorSummary: "This operation is not allowed in the user's current status." });
    expect((await post(`/users/${userIn('STAGED').id}/lifecycle/reset_password`)).body.errorCode).toBe('E0000038');
  });

  it('refuses to activate an ACTIVE user with E0000016 and activates a STAGED one, returning the link when sendEmail=false', async () => {
    expect((await post(`/users/${userIn('ACTIVE').id}/lifecycle/activate`)).body.errorCode).toBe('E0000016');
    const staged = userIn('STAGED');
    const response = await post(`/users/${staged.id}/lifecycle/activate?sendEmail=false`);
    expect(response.status).toBe(200);
    expect(response.body.activationUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/welcome\//);
    expect(response.body.activationToken).toEqual(expect.any(String));
    expect(await statusOf(staged.id)).toBe('PROVISIONED');
  });

  it('resets a password: RECOVERY, a one-time URL without email, {} with email', async () => {
    const a = userIn('ACTIVE');
    const withLink = await post(`/users/${a.id}/lifecycle/reset_password?sendEmail=false`);
    expect(withLink.body).toEqual({ resetPasswordUrl: expect.stringMatching(/\/reset_password\//) });
    expect(await statusOf(a.id)).toBe('RECOVERY');
    const b = userIn('PASSWORD_EXPIRED');
    expect((await post(`/users/${b.id}/lifecycle/reset_password`)).body).toEqual({});
    expect(eventsFor(b.id)).toEqual(['user.account.reset_password']);
  });

  it('expires a password returning the full user, and issues a temporary password', async () => {
    const a = userIn('ACTIVE');
    const expired = await post(`/users/${a.id}/lifecycle/expire_password`);
    expect(expired.body).toMatchObject({ id: a.id, status: 'PASSWORD_EXPIRED' });
    const b = userIn('ACTIVE');
    const temp = await post(`/users/${b.id}/lifecycle/expire_password_with_temp_password`);
    expect(temp.body.tempPassword).toMatch(/^\S{8}$/);
    expect(await statusOf(b.id)).toBe('PASSWORD_EXPIRED');
  });

  it('unlocks a LOCKED_OUT user', async () => {
    const user = userIn('LOCKED_OUT');
    expect((await post(`/users/${user.id}/lifecycle/unlock`)).status).toBe(200);
    expect(await statusOf(user.id)).toBe('ACTIVE');
  });

  it('deletes in two steps: the first DELETE deactivates, the second removes', async () => {
    const user = userIn('ACTIVE', (u) => okta.org.appsOf(u.id).length > 0);
    const appCount = okta.org.appsOf(user.id).length;
    expect((await api(okta, 'DELETE', `/api/v1/users/${user.id}`)).status).toBe(204);
    expect(await statusOf(user.id)).toBe('DEPROVISIONED');
    expect(okta.org.appsOf(user.id)).toEqual([]);
    expect((await api(okta, 'DELETE', `/api/v1/users/${user.id}`)).status).toBe(204);
    const gone = await api(okta, 'GET', `/api/v1/users/${user.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.errorCode).toBe('E0000007');
    expect(eventsFor(user.id)).toEqual([
      'user.lifecycle.deactivate',
      ...Array<string>(appCount).fill('application.user_membership.remove'),
      'user.lifecycle.delete.initiated',
    ]);
    expect(okta.org.groups.some((g) => okta.org.membersOf(g.id).includes(user.id))).toBe(false);
  });

  it('refuses to deactivate a DEPROVISIONED user and reactivates it with activate', async () => {
    const user = userIn('DEPROVISIONED');
    expect((await post(`/users/${user.id}/lifecycle/deactivate`)).body.errorCode).toBe('E0000038');
    expect((await post(`/users/${user.id}/lifecycle/activate?sendEmail=true`)).body).toEqual({});
    expect(await statusOf(user.id)).toBe('PROVISIONED');
  });

  it('resets all factors and unenrolls a single factor', async () => {
    const user = userIn('ACTIVE', (u) => okta.org.factorsOf(u.id).length >= 2);
    const listed = await api(okta, 'GET', `/api/v1/users/${user.id}/factors`);
    expect(listed.body.length).toBeGreaterThanOrEqual(2);
    const [first] = listed.body;
    expect((await api(okta, 'DELETE', `/api/v1/users/${user.id}/factors/${first.id}`)).status).toBe(204);
    expect((await api(okta, 'GET', `/api/v1/users/${user.id}/factors`)).body).toHaveLength(listed.body.length - 1);
    expect((await api(okta, 'DELETE', `/api/v1/users/${user.id}/factors/${first.id}`)).body.errorCode).toBe('E0000007');
    expect((await post(`/users/${user.id}/lifecycle/reset_factors`)).status).toBe(200);
    expect((await api(okta, 'GET', `/api/v1/users/${user.id}/factors`)).body).toEqual([]);
    expect(eventsFor(user.id)).toEqual(['user.mfa.factor.deactivate', 'user.mfa.factor.reset_all']);
  });

  it('clears sessions with 204 and logs user.session.clear', async () => {
    const user = userIn('ACTIVE', (u) => okta.org.sessionsOf(u.id).length > 0);
    expect((await api(okta, 'DELETE', `/api/v1/users/${user.id}/sessions?oauthTokens=true`)).status).toBe(204);
    expect(okta.org.sessionsOf(user.id)).toEqual([]);
    expect(eventsFor(user.id)).toEqual(['user.session.clear']);
  });

  it('revokes the OAuth tokens of the user\'s apps only when clearing sessions with oauthTokens=true', async () => {
    const user = userIn('ACTIVE', (u) => okta.org.sessionsOf(u.id).length > 0 && okta.org.oauthTokensOf(u.id).length > 0);
    const tokens = [...okta.org.oauthTokensOf(user.id)];
    expect((await api(okta, 'DELETE', `/api/v1/users/${user.id}/sessions`)).status).toBe(204);
    expect(okta.org.sessionsOf(user.id)).toEqual([]);
    expect(okta.org.oauthTokensOf(user.id)).toEqual(tokens);
    expect((await api(okta, 'DELETE', `/api/v1/users/${user.id}/sessions?oauthTokens=false`)).status).toBe(204);
    expect(okta.org.oauthTokensOf(user.id)).toEqual(tokens);
    expect((await api(okta, 'DELETE', `/api/v1/users/${user.id}/sessions?oauthTokens=true`)).status).toBe(204);
    expect(okta.org.oauthTokensOf(user.id)).toEqual([]);
    expect(eventsFor(user.id)).toEqual(['user.session.clear', 'user.session.clear', 'user.session.clear']);
  });

  it('gives generated users tokens only for their active OIDC apps, and a signIn a session and a token for the app', () => {
    const clientsOf = (id: string) =>
      new Set(okta.org.appsOf(id).filter((a) => a.status === 'ACTIVE').map(oidcClientId).filter((c) => c !== null));
    const holders = okta.org.users.filter((u) => okta.org.oauthTokensOf(u.id).length > 0);
    expect(holders.length).toBeGreaterThan(0);
    for (const u of holders) for (const token of okta.org.oauthTokensOf(u.id)) expect(clientsOf(u.id).has(token.clientId)).toBe(true);

    const user = userIn('ACTIVE');
    const app = okta.org.apps.find((a) => a.signOnMode === 'OPENID_CONNECT' && a.status === 'ACTIVE')!;
    const sessions = okta.org.sessionsOf(user.id).length;
    const tokens = okta.org.oauthTokensOf(user.id).length;
    okta.mutate({ op: 'signIn', id: user.id, appId: app.id });
    expect(okta.org.sessionsOf(user.id)).toHaveLength(sessions + 1);
    expect(okta.org.oauthTokensOf(user.id)).toHaveLength(tokens + 1);
    expect(okta.org.oauthTokensOf(user.id).at(-1)).toMatchObject({ id: expect.stringMatching(/^oar[A-Za-z0-9]{17}$/), clientId: oidcClientId(app) });
    const saml = okta.org.apps.find((a) => a.signOnMode === 'SAML_2_0')!;
    expect(() => okta.mutate({ op: 'signIn', id: user.id, appId: saml.id })).toThrow(/E0000001/);
    expect(() => okta.mutate({ op: 'signIn', id: userIn('SUSPENDED').id, appId: app.id })).toThrow(/E0000038/);
  });

  it('finds a user by login as well as by id, and returns the admin at /users/me', async () => {
    const user = userIn('ACTIVE');
    expect((await api(okta, 'GET', `/api/v1/users/${encodeURIComponent(user.profile.login)}`)).body.id).toBe(user.id);
    expect((await api(okta, 'GET', '/api/v1/users/me')).body.id).toBe(okta.org.adminId);
    expect((await api(okta, 'GET', `/api/v1/users/${okta.org.adminId}/roles`)).body.map((r: { type: string }) => r.type)).toEqual(['SUPER_ADMIN']);
    expect((await api(okta, 'GET', `/api/v1/users/${user.id}/roles`)).body).toEqual([]);
  });
});

describe('creating and updating users', () => {
  it('creates an ACTIVE user with a password, a STAGED one with activate=false, and refuses a duplicate login', async () => {
    const profile = { firstName: 'Nia', lastName: 'Okoro', email: 'nia.okoro@example.com', login: 'nia.okoro@example.com' };
    const created = await api(okta, 'POST', '/api/v1/users?activate=true', { body: { profile, credentials: { password: { value: 'S3cure!pass' } } } });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'ACTIVE', profile, id: expect.stringMatching(/^00u[A-Za-z0-9]{17}$/) });
    const staged = await api(okta, 'POST', '/api/v1/users?activate=false', { body: { profile: { ...profile, login: 'nia2@example.com' } } });
    expect(staged.body.status).toBe('STAGED');
    const duplicate = await api(okta, 'POST', '/api/v1/users', { body: { profile } });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.errorCode).toBe('E0000001');
    const missing = await api(okta, 'POST', '/api/v1/users', { body: { profile: { login: 'x@example.com' } } });
    expect(missing.body.errorCauses.map((c: { errorSummary: string }) => c.errorSummary)).toContain('firstName: The field cannot be left blank');
  });

  it('updates a profile partially, logs user.account.update_profile and rejects unknown attributes', async () => {
    const user = userIn('ACTIVE', (u) => u.provider.type === 'OKTA');
    const { title, department } = user.profile;
    const updated = await api(okta, 'POST', `/api/v1/users/${user.id}`, { body: { profile: { mobilePhone: '+1 555 0100', title: null } } });
    expect(updated.status).toBe(200);
    expect(updated.body.profile).toMatchObject({ mobilePhone: '+1 555 0100', title: null, department });
    expect(title).not.toBeNull();
    expect(eventsFor(user.id)).toEqual(['user.account.update_profile']);
    const unknown = await api(okta, 'POST', `/api/v1/users/${user.id}`, { body: { profile: { shoeSize: '42' } } });
    expect(unknown.status).toBe(400);
  });

  it('refuses profile changes for a user mastered by Active Directory with E0000023', async () => {
    const user = userIn('ACTIVE', (u) => u.provider.type === 'ACTIVE_DIRECTORY');
    const response = await api(okta, 'POST', `/api/v1/users/${user.id}`, { body: { profile: { title: 'Boss' } } });
    expect(response.status).toBe(403);
    expect(response.body.errorCode).toBe('E0000023');
  });
});
