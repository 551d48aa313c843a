import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeOkta } from '../../fake-okta/server';
import { api, collect, nextLink, q, start } from './helpers';

let okta: FakeOkta;
beforeAll(async () => {
  okta = await start();
});
afterAll(() => okta.close());

const admin = async (method: string, path: string, body?: unknown) => {
  const response = await fetch(`${okta.url}/__admin/${path}`, { method, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
};

describe('GET /logs', () => {
  it('returns the events of mutations with their shape, filtered by eventType and target.id', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const user = okta.org.users.find((u) => u.status === 'ACTIVE' && u.id !== okta.org.adminId)!;
    await api(okta, 'POST', `/api/v1/users/${user.id}/lifecycle/suspend`);
    await api(okta, 'POST', `/api/v1/users/${user.id}/lifecycle/unsuspend`);
    const bounded = `since=${encodeURIComponent(since)}&until=${encodeURIComponent(new Date(Date.now() + 1000).toISOString())}`;
    const suspends = await collect(okta, `/api/v1/logs?${bounded}&filter=${q('eventType eq "user.lifecycle.suspend"')}`);
    expect(suspends.items).toHaveLength(1);
    expect(suspends.items[0]).toMatchObject({
      uuid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      eventType: 'user.lifecycle.suspend',
      actor: { id: okta.org.adminId, type: 'User' },
      target: [{ id: user.id, type: 'User', alternateId: user.profile.login }],
      outcome: { result: 'SUCCESS' },
    });
    const forUser = await collect(okta, `/api/v1/logs?${bounded}&filter=${q(`target.id eq "${user.id}"`)}`);
    expect(forUser.items.map((e) => e.eventType)).toEqual(['user.lifecycle.suspend', 'user.lifecycle.unsuspend']);
  });

  it('always gives a polling query (no until) a next link, which later yields new events', async () => {
    const since = new Date(Date.now() - 1000).toISOString();
    const first = await api(okta, 'GET', `/api/v1/logs?since=${encodeURIComponent(since)}&sortOrder=ASCENDING`);
    const next = nextLink(first.headers)!;
    expect(next).not.toBeNull();
    const empty = await api(okta, 'GET', next);
    expect(empty.body).toEqual([]);
    const group = okta.org.groups.find((g) => g.type === 'OKTA_GROUP')!;
    const user = okta.org.users.find((u) => !okta.org.isMember(group.id, u.id))!;
    await api(okta, 'PUT', `/api/v1/groups/${group.id}/users/${user.id}`);
    const fresh = await api(okta, 'GET', nextLink(empty.headers)!);
    expect(fresh.body.map((e: { eventType: string }) => e.eventType)).toEqual(['group.user_membership.add']);
  });

  it('refuses a since more than 180 days back', async () => {
    const response = await api(okta, 'GET', `/api/v1/logs?since=${encodeURIComponent(new Date(Date.now() - 200 * 86_400_000).toISOString())}`);
    expect(response.status).toBe(400);
    expect(response.body.errorCode).toBe('E0000001');
  });
});

describe('common response details', () => {
  it('sets X-Okta-Request-Id, Date, JSON content type and CORS headers, and answers preflights', async () => {
    const response = await fetch(`${okta.url}/api/v1/users?limit=1`, { headers: { Authorization: 'SSWS unit-token', Origin: 'chrome-extension://abc' } });
    expect(response.headers.get('x-okta-request-id')).toMatch(/\S+/);
    expect(Number.isNaN(Date.parse(response.headers.get('date')!))).toBe(false);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('access-control-allow-origin')).toBe('chrome-extension://abc');
    const preflight = await fetch(`${okta.url}/api/v1/users`, { method: 'OPTIONS', headers: { Origin: 'chrome-extension://abc', 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('Authorization');
  });

  it('answers 404 E0000007 for unknown paths, 405 E0000022 for unsupported methods and 400 E0000003 for broken JSON', async () => {
    expect((await api(okta, 'GET', '/api/v1/nothing-here')).body.errorCode).toBe('E0000007');
    expect((await api(okta, 'PUT', '/api/v1/logs')).status).toBe(405);
    const user = okta.org.users[1]!;
    const broken = await fetch(`${okta.url}/api/v1/users/${user.id}`, { method: 'POST', headers: { Authorization: 'SSWS unit-token' }, body: '{"profile":' });
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { errorCode: string }).errorCode).toBe('E0000003');
  });

  it('serves the user schema with base and custom attributes and their mutability', async () => {
    const schema = await api(okta, 'GET', '/api/v1/meta/schemas/user/default');
    expect(schema.body.definitions.base.required).toEqual(['login', 'firstName', 'lastName', 'email']);
    expect(schema.body.definitions.base.properties.mobilePhone).toMatchObject({ type: 'string', mutability: 'READ_WRITE' });
    expect(Object.keys(schema.body.definitions.custom.properties)).toEqual(['startDate', 'employmentType']);
  });
});

describe('admin endpoints', () => {
  it('records requests with bucket and status, and clears the record', async () => {
    okta.resetRequestLog();
    await api(okta, 'GET', '/api/v1/groups?limit=1');
    const { body } = await admin('GET', 'requests');
    expect(body).toEqual([expect.objectContaining({ method: 'GET', path: '/api/v1/groups', query: { limit: '1' }, status: 200, bucket: '/api/v1/groups' })]);
    await admin('POST', 'reset-log');
    expect(okta.requests).toEqual([]);
  });

  it('changes the org through /__admin/mutate and shows it in /__admin/state', async () => {
    const created = await admin('POST', 'mutate', {
      op: 'createUser',
      profile: { firstName: 'Ada', lastName: 'Byron', email: 'ada.byron@example.com', login: 'ada.byron@example.com' },
      password: 'Secret!123',
    });
    expect(created.body.status).toBe('ACTIVE');
    const locked = await admin('POST', 'mutate', { op: 'lockOut', id: created.body.id });
    expect(locked.body.status).toBe('LOCKED_OUT');
    const group = okta.org.groups.find((g) => g.type === 'APP_GROUP')!;
    expect((await admin('POST', 'mutate', { op: 'addMember', groupId: group.id, userId: created.body.id })).status).toBe(204);
    const state = (await admin('GET', 'state')).body;
    expect(state.users.find((u: { id: string }) => u.id === created.body.id).status).toBe('LOCKED_OUT');
    expect(state.memberships[group.id]).toContain(created.body.id);
    expect((await admin('POST', 'mutate', { op: 'explode' })).status).toBe(400);
    okta.mutate({ op: 'lifecycle', id: created.body.id, action: 'unlock' });
    expect(okta.org.findUser(created.body.id)!.status).toBe('ACTIVE');
    expect(() => okta.mutate({ op: 'lifecycle', id: created.body.id, action: 'unsuspend' })).toThrow(/E0000001/);
  });
});
