import { afterEach, describe, expect, it } from 'vitest';
import { createOktaClient } from '@/lib/okta/client';
import { OktaError } from '@/lib/okta/errors';
import { deleteUser, expirePassword, getUser, resetPassword, suspendUser } from '@/lib/okta/users';
import type { ServerResponse } from 'node:http';
import { oktaErrorBody, sendJson, startServer } from './support/http-server';
import type { RecordedRequest, TestServer } from './support/http-server';
import { makeUser } from './support/users-fixture';
import { virtualClock } from './support/virtual-clock';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Fails the first `failures` requests with `fail`, then answers with `succeed`. */
async function flakyServer(
  failures: number,
  fail: (res: ServerResponse) => void,
  succeed: (request: RecordedRequest, res: ServerResponse) => void,
) {
  let hits = 0;
  const server = await startServer((request, res) => {
    hits += 1;
    if (hits <= failures) return fail(res);
    succeed(request, res);
  });
  servers.push(server);
  return server;
}

const unavailable = (res: ServerResponse) => sendJson(res, 503, oktaErrorBody('E0000010', 'Service unavailable'));
const dropConnection = (res: ServerResponse) => res.socket?.destroy();
const okUser = (_request: RecordedRequest, res: ServerResponse) => sendJson(res, 200, makeUser(1));
const okEmpty = (_request: RecordedRequest, res: ServerResponse) => res.writeHead(200).end();

function clientFor(server: TestServer) {
  const clock = virtualClock();
  const client = createOktaClient({ origin: server.origin, auth: { type: 'ssws', token: 't' }, governor: { clock } });
  return { client, clock };
}

describe('retries', () => {
  it('retries a GET after 5xx, with growing backoff, until it succeeds', async () => {
    const server = await flakyServer(3, unavailable, okUser);
    const { client } = clientFor(server);
    const user = await getUser(client, '00u000001');
    expect(user.id).toBe('00u000001');
    expect(server.requests).toHaveLength(4);
    expect(client.stats().retries).toBe(3);
  });

  it('gives up on a GET after the retry budget and reports Okta trouble', async () => {
    const server = await flakyServer(100, unavailable, okUser);
    const clock = virtualClock();
    const client = createOktaClient({ origin: server.origin, auth: { type: 'ssws', token: 't' }, governor: { clock, maxRetries: 2 } });
    const error = await getUser(client, 'x').catch((e: unknown) => e);
    expect(server.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(OktaError);
    expect((error as OktaError).status).toBe(503);
    expect((error as OktaError).sentence).toMatch(/Okta is having trouble/);
  });

  it('does NOT retry a lifecycle POST after a 5xx', async () => {
    const server = await flakyServer(1, unavailable, okEmpty);
    const { client } = clientFor(server);
    await expect(suspendUser(client, '00u1')).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a GET whose connection dropped', async () => {
    const server = await flakyServer(2, dropConnection, okUser);
    const { client } = clientFor(server);
    const user = await getUser(client, '00u000001');
    expect(user.id).toBe('00u000001');
    expect(server.requests).toHaveLength(3);
  });

  it('does NOT retry a POST whose connection dropped (the server may have acted)', async () => {
    const server = await flakyServer(1, dropConnection, okEmpty);
    const { client } = clientFor(server);
    const error = await resetPassword(client, '00u1', { sendEmail: true }).catch((e: unknown) => e);
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect((error as OktaError).sentence).toMatch(/Cannot reach the Okta org/);
  });

  it('retries a POST the caller marked idempotent', async () => {
    const server = await flakyServer(1, unavailable, okEmpty);
    const { client } = clientFor(server);
    await client.request('POST', '/api/v1/users/00u1', { json: { profile: { title: 'x' } }, idempotent: true });
    expect(server.requests).toHaveLength(2);
  });

  it('never retries DELETE /users/{id}: a second DELETE would delete a user the first only deactivated', async () => {
    const server = await flakyServer(1, unavailable, okEmpty);
    const { client } = clientFor(server);
    await expect(deleteUser(client, '00u1')).rejects.toMatchObject({ status: 503 });
    expect(server.requests).toHaveLength(1);
  });
});

describe('garbled bodies', () => {
  const truncated = (res: ServerResponse) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"id":"00u0000');
  };

  it('reads a GET again when its 2xx body arrives cut off', async () => {
    const server = await flakyServer(1, truncated, okUser);
    const { client } = clientFor(server);
    expect((await getUser(client, '00u000001')).id).toBe('00u000001');
    expect(server.requests).toHaveLength(2);
  });

  it('does not repeat a POST whose body arrived cut off, and says what happened', async () => {
    const server = await flakyServer(1, truncated, okUser);
    const { client } = clientFor(server);
    await expect(expirePassword(client, '00u1')).rejects.toMatchObject({
      kind: 'invalid-response',
      sentence: expect.stringMatching(/not valid JSON/),
    });
    expect(server.requests).toHaveLength(1);
  });
});

describe('timeouts and aborts', () => {
  it('times out a request that gets no answer', async () => {
    const server = await startServer(() => undefined);
    servers.push(server);
    const client = createOktaClient({
      origin: server.origin,
      auth: { type: 'ssws', token: 't' },
      timeoutMs: 50,
      governor: { maxRetries: 0 },
    });
    await expect(getUser(client, 'x')).rejects.toMatchObject({ kind: 'timeout', status: 0 });
  });

  it('drops a queued request when its signal aborts, without sending it', async () => {
    const server = await startServer((request, res) => {
      setTimeout(() => okUser(request, res), 30);
    });
    servers.push(server);
    const client = createOktaClient({
      origin: server.origin,
      auth: { type: 'ssws', token: 't' },
      governor: { maxInFlight: 1, interactiveReserve: 0 },
    });
    const first = getUser(client, 'first');
    const controller = new AbortController();
    const second = getUser(client, 'second', { signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toMatchObject({ name: 'AbortError' });
    await first;
    expect(server.requests.map((r) => r.url)).toEqual(['/api/v1/users/first']);
  });
});

describe('authentication', () => {
  it('sends SSWS and JSON headers', async () => {
    const server = await startServer(okUser);
    servers.push(server);
    const client = createOktaClient({ origin: server.origin, auth: { type: 'ssws', token: 'abc' } });
    await getUser(client, 'me');
    expect(server.requests[0]?.headers.authorization).toBe('SSWS abc');
    expect(server.requests[0]?.headers.accept).toBe('application/json');
  });

  it('refreshes a bearer token once after a 401, then succeeds', async () => {
    let token = 'old';
    let refreshes = 0;
    const server = await startServer((request, res) => {
      if (request.headers.authorization !== 'Bearer new') {
        return sendJson(res, 401, oktaErrorBody('E0000011', 'Invalid token provided'));
      }
      okUser(request, res);
    });
    servers.push(server);
    const client = createOktaClient({
      origin: server.origin,
      auth: {
        type: 'bearer',
        getAccessToken: async () => token,
        onUnauthorized: async () => {
          refreshes += 1;
          token = 'new';
        },
      },
    });
    const user = await suspendUser(client, '00u1').then(() => getUser(client, '00u1'));
    expect(user.id).toBe('00u000001');
    expect(refreshes).toBe(1);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer old', 'Bearer new', 'Bearer new']);
  });
});
