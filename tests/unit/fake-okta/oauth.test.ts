import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOkta } from '../../fake-okta/server';
import { api, start } from './helpers';

let okta: FakeOkta;
beforeAll(async () => {
  okta = await start({ clientId: 'deskside-test-client' });
});
afterAll(() => okta.close());

const REDIRECT = 'https://abcdefghijklmnop.chromiumapp.org/okta';

function pkce() {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

async function authorize(scope: string, challenge: string, extra: Record<string, string> = {}) {
  const url = new URL(`${okta.url}/oauth2/v1/authorize`);
  const params = { response_type: 'code', client_id: 'deskside-test-client', redirect_uri: REDIRECT, scope, state: 'st-1', code_challenge: challenge, code_challenge_method: 'S256', ...extra };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location') ?? '' };
}

async function token(form: Record<string, string>) {
  const response = await fetch(`${okta.url}/oauth2/v1/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: 'deskside-test-client', ...form }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

async function login(scope: string) {
  const { verifier, challenge } = pkce();
  const { location } = await authorize(scope, challenge);
  const code = new URL(location).searchParams.get('code')!;
  return token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: verifier });
}

describe('OAuth authorization code + PKCE', () => {
  it('redirects at once with a code and the state, and exchanges it for a Bearer token that works', async () => {
    const { verifier, challenge } = pkce();
    const redirect = await authorize('okta.users.read okta.groups.manage offline_access', challenge);
    expect(redirect.status).toBe(302);
    const target = new URL(redirect.location);
    expect(`${target.origin}${target.pathname}`).toBe(REDIRECT);
    expect(target.searchParams.get('state')).toBe('st-1');
    const exchanged = await token({ grant_type: 'authorization_code', code: target.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(exchanged.status).toBe(200);
    expect(exchanged.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'okta.users.read okta.groups.manage offline_access' });
    expect(exchanged.body.refresh_token).toEqual(expect.any(String));
    const me = await api(okta, 'GET', '/api/v1/users/me', { authorization: `Bearer ${exchanged.body.access_token}` });
    expect(me.status).toBe(200);
    const reuse = await token({ grant_type: 'authorization_code', code: target.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier });
    expect(reuse.body.error).toBe('invalid_grant');
  });

  it('refuses a code_verifier that does not match the challenge', async () => {
    const { challenge } = pkce();
    const { location } = await authorize('okta.users.read', challenge);
    const response = await token({ grant_type: 'authorization_code', code: new URL(location).searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: pkce().verifier });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'invalid_grant', error_description: 'PKCE verification failed.' });
  });

  it('requires PKCE and a registered client', async () => {
    const noPkce = await authorize('okta.users.read', '', { code_challenge_method: 'plain' });
    expect(new URL(noPkce.location).searchParams.get('error')).toBe('invalid_request');
    const wrongClient = await authorize('okta.users.read', pkce().challenge, { client_id: 'someone-else' });
    expect(wrongClient.status).toBe(400);
  });

  it('enforces scopes: read allows GET, manage is needed for writes and implies read, other families are refused', async () => {
    const read = (await login('okta.users.read')).body.access_token!;
    const user = okta.org.users.find((u) => u.status === 'ACTIVE' && u.id !== okta.org.adminId)!;
    expect((await api(okta, 'GET', `/api/v1/users/${user.id}`, { authorization: `Bearer ${read}` })).status).toBe(200);
    const write = await api(okta, 'POST', `/api/v1/users/${user.id}/lifecycle/suspend`, { authorization: `Bearer ${read}` });
    expect(write.status).toBe(403);
    expect(write.body.errorCode).toBe('E0000006');
    expect(write.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect((await api(okta, 'GET', '/api/v1/groups', { authorization: `Bearer ${read}` })).status).toBe(403);
    const manage = (await login('okta.groups.manage')).body.access_token!;
    expect((await api(okta, 'GET', '/api/v1/groups?limit=1', { authorization: `Bearer ${manage}` })).status).toBe(200);
  });

  it('issues refresh tokens only with offline_access, rotates them, and refuses unknown Bearer tokens', async () => {
    expect((await login('okta.users.read')).body.refresh_token).toBeUndefined();
    const first = (await login('okta.users.read offline_access')).body;
    const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token! });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.access_token).not.toBe(first.access_token);
    expect(refreshed.body.refresh_token).not.toBe(first.refresh_token);
    expect((await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token! })).body.error).toBe('invalid_grant');
    const bogus = await api(okta, 'GET', '/api/v1/users/me', { authorization: 'Bearer not-issued' });
    expect(bogus.status).toBe(401);
    expect(bogus.body.errorCode).toBe('E0000011');
    okta.revokeTokens();
    expect((await api(okta, 'GET', '/api/v1/users/me', { authorization: `Bearer ${refreshed.body.access_token}` })).status).toBe(401);
  });
});
