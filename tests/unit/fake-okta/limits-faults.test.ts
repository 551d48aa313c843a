import { afterEach, describe, expect, it } from 'vitest';
import { parseFaults } from '../../fake-okta/faults';
import type { FakeOkta } from '../../fake-okta/server';
import { api, start } from './helpers';

let okta: FakeOkta | undefined;
afterEach(async () => {
  await okta?.close();
  okta = undefined;
});

describe('rate limits', () => {
  it('counts each bucket separately and answers 429 E0000047 with the headers once a bucket is spent', async () => {
    okta = await start({ rateLimit: 3 });
    const remaining: string[] = [];
    for (let i = 0; i < 3; i++) {
      const ok = await api(okta, 'GET', '/api/v1/users?limit=1');
      expect(ok.status).toBe(200);
      remaining.push(ok.headers.get('x-rate-limit-remaining')!);
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const limited = await api(okta, 'GET', '/api/v1/users?limit=1');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ errorCode: 'E0000047', errorSummary: 'API call exceeded rate limit due to too many requests.' });
    expect(limited.headers.get('x-rate-limit-limit')).toBe('3');
    expect(limited.headers.get('x-rate-limit-remaining')).toBe('0');
    const reset = Number(limited.headers.get('x-rate-limit-reset'));
    const date = Date.parse(limited.headers.get('date')!);
    expect(reset * 1000 - date).toBeGreaterThan(0);
    expect(reset * 1000 - date).toBeLessThanOrEqual(61_000);
    expect((await api(okta, 'GET', '/api/v1/groups?limit=1')).status).toBe(200);
    expect(okta.requests.map((r) => [r.bucket, r.status]).at(-1)).toEqual(['/api/v1/groups', 200]);
  });

  it('uses Okta\'s per-bucket limits by default', async () => {
    okta = await start();
    const limitOf = async (path: string) => (await api(okta!, 'GET', path)).headers.get('x-rate-limit-limit');
    const user = okta.org.users[0]!;
    expect(await limitOf('/api/v1/users')).toBe('600');
    expect(await limitOf(`/api/v1/users/${user.id}`)).toBe('2000');
    expect(await limitOf('/api/v1/groups')).toBe('500');
    expect(await limitOf(`/api/v1/groups/${okta.org.groups[0]!.id}`)).toBe('1000');
    expect(await limitOf('/api/v1/apps')).toBe('100');
    expect(await limitOf(`/api/v1/apps/${okta.org.apps[0]!.id}/users`)).toBe('100');
    expect(await limitOf(`/api/v1/apps/${okta.org.apps[0]!.id}`)).toBe('500');
    expect(await limitOf('/api/v1/logs')).toBe('120');
  });

  it('answers 429 with Limit 0 when more requests run at once than the concurrency limit', async () => {
    okta = await start({ concurrency: 2, latency: 500 });
    const statuses = await Promise.all(Array.from({ length: 5 }, () => api(okta!, 'GET', '/api/v1/users?limit=1')));
    expect(statuses.filter((r) => r.status === 200).length).toBe(2);
    const refused = statuses.filter((r) => r.status === 429);
    expect(refused).toHaveLength(3);
    expect(refused[0]!.headers.get('x-rate-limit-limit')).toBe('0');
    expect(refused[0]!.body.errorCode).toBe('E0000047');
  });
});

describe('faults', () => {
  it('parses the documented grammar and rejects anything else with a clear message', () => {
    expect(parseFaults('5xx=0.1,reset=0.05,timeout=0.02,malformed=0.05,429burst=0.1,revoke-after=500')).toEqual({
      serverError: 0.1,
      reset: 0.05,
      timeout: 0.02,
      malformed: 0.05,
      burst429: 0.1,
      revokeAfter: 500,
    });
    expect(() => parseFaults('boom=1')).toThrow(/Unknown fault "boom"/);
    expect(() => parseFaults('5xx=2')).toThrow(/between 0 and 1/);
    expect(() => parseFaults('5xx')).toThrow(/kind=number/);
  });

  it('answers 5xx without changing anything when 5xx=1', async () => {
    okta = await start({ faults: '5xx=1' });
    const user = okta.org.users.find((u) => u.status === 'ACTIVE')!;
    const response = await api(okta, 'POST', `/api/v1/users/${user.id}/lifecycle/suspend`);
    expect([500, 503]).toContain(response.status);
    expect(response.body.errorCode).toBe('E0000009');
    expect(user.status).toBe('ACTIVE');
  });

  it('sends a truncated body with malformed=1 and drops the connection after running the request with reset=1', async () => {
    okta = await start({ faults: 'malformed=1' });
    const response = await fetch(`${okta.url}/api/v1/users?limit=2`, { headers: { Authorization: 'SSWS unit-token' } });
    expect(response.status).toBe(200);
    await expect(response.clone().json()).rejects.toThrow();
    okta.setFaults('reset=1');
    const user = okta.org.users.find((u) => u.status === 'ACTIVE')!;
    await expect(api(okta, 'POST', `/api/v1/users/${user.id}/lifecycle/suspend`)).rejects.toThrow();
    expect(user.status).toBe('SUSPENDED');
  });

  it('never answers with timeout=1', async () => {
    okta = await start({ faults: 'timeout=1' });
    const call = fetch(`${okta.url}/api/v1/users?limit=1`, { headers: { Authorization: 'SSWS unit-token' }, signal: AbortSignal.timeout(300) });
    await expect(call).rejects.toThrow(/abort|timeout/i);
  });

  it('refuses every token after revoke-after=N requests, and 429burst=1 answers 429 with headers', async () => {
    okta = await start({ faults: 'revoke-after=2' });
    expect((await api(okta, 'GET', '/api/v1/users?limit=1')).status).toBe(200);
    expect((await api(okta, 'GET', '/api/v1/users?limit=1')).status).toBe(200);
    const revoked = await api(okta, 'GET', '/api/v1/users?limit=1');
    expect(revoked.status).toBe(401);
    expect(revoked.body.errorCode).toBe('E0000011');
    okta.setFaults('429burst=1');
    const burst = await api(okta, 'GET', '/api/v1/users?limit=1');
    expect(burst.status).toBe(429);
    expect(burst.headers.get('x-rate-limit-remaining')).toBe('0');
  });

  it('switches faults at runtime through POST /__admin/faults', async () => {
    okta = await start();
    const set = await fetch(`${okta.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ spec: '5xx=1' }) });
    expect(set.status).toBe(200);
    expect((await api(okta, 'GET', '/api/v1/users?limit=1')).status).toBeGreaterThanOrEqual(500);
    await fetch(`${okta.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ spec: '' }) });
    expect((await api(okta, 'GET', '/api/v1/users?limit=1')).status).toBe(200);
    const bad = await fetch(`${okta.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ spec: 'nope=1' }) });
    expect(bad.status).toBe(400);
    const asObject = await fetch(`${okta.url}/__admin/faults`, { method: 'POST', body: JSON.stringify({ '429burst': 1 }) });
    expect(await asObject.json()).toMatchObject({ burst429: 1, serverError: 0 });
    expect((await api(okta, 'GET', '/api/v1/users?limit=1')).status).toBe(429);
  });
});
