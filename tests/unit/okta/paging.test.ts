import { afterEach, describe, expect, it } from 'vitest';
import { createOktaClient } from '@/lib/okta/client';
import { OktaError } from '@/lib/okta/errors';
import { User } from '@/lib/okta/schemas';
import { listUsers } from '@/lib/okta/users';
import { sendJson, startServer } from './support/http-server';
import type { TestServer } from './support/http-server';
import { startRateLimitedOkta } from './support/rate-limited-okta';
import { virtualClock } from './support/virtual-clock';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

describe('paging', () => {
  it('reads 10,000 users following rel="next" verbatim, no page lost or repeated', async () => {
    const clock = virtualClock();
    const okta = await startRateLimitedOkta({ users: 10_000, limit: 100_000, now: clock.now });
    servers.push(okta);
    const client = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 't0k' }, governor: { clock } });

    const ids: string[] = [];
    for await (const page of client.paginate('/api/v1/users', User, { searchParams: { limit: 200 } })) {
      ids.push(...page.map((user) => user.id));
    }

    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    expect(ids[0]).toBe('00u000000');
    expect(ids[9_999]).toBe('00u009999');
    // Page 1 is ours; every later request is exactly a URL the server issued, in order.
    const followed = okta.requests.slice(1).map((request) => `${okta.origin}${request.url}`);
    expect(followed).toEqual(okta.issuedNext);
    expect(okta.requests).toHaveLength(50);
  });

  it('getPage returns the next URL as sent, so a sync can checkpoint it and resume later', async () => {
    const clock = virtualClock();
    const okta = await startRateLimitedOkta({ users: 450, limit: 100_000, now: clock.now });
    servers.push(okta);
    const client = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 't0k' }, governor: { clock } });

    const first = await listUsers(client, { limit: 200 });
    expect(first.items).toHaveLength(200);
    expect(first.next).toBe(okta.issuedNext[0]);

    // A new client (a restarted service worker) resumes from the checkpoint.
    const resumed = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 't0k' }, governor: { clock } });
    const second = await listUsers(resumed, { next: first.next });
    const third = await resumed.getPage(second.next!, User);
    expect(second.items[0]?.id).toBe('00u000200');
    expect(third.items.map((user) => user.id).at(-1)).toBe('00u000449');
    expect(third.next).toBeNull();
  });

  it('keeps custom profile attributes and unknown fields', async () => {
    const clock = virtualClock();
    const okta = await startRateLimitedOkta({ users: 1, limit: 100_000, now: clock.now });
    servers.push(okta);
    const client = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 't0k' }, governor: { clock } });
    const page = await listUsers(client);
    expect(page.items[0]?.profile.costCenter).toBe('cc-7');
    expect(page.items[0]?._links).toBeDefined();
  });

  it('refuses a next link that points to another origin and never sends it the token', async () => {
    const elsewhere = await startServer((_request, res) => sendJson(res, 200, []));
    servers.push(elsewhere);
    const okta = await startServer((_request, res) =>
      sendJson(res, 200, [], { Link: `<${elsewhere.origin}/api/v1/users?after=x>; rel="next"` }),
    );
    servers.push(okta);
    const client = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 'secret' } });

    const error = await client.getPage('/api/v1/users', User).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OktaError);
    expect((error as OktaError).kind).toBe('foreign-origin');
    await expect(client.request('GET', `${elsewhere.origin}/api/v1/users`)).rejects.toMatchObject({ kind: 'foreign-origin' });
    await expect(client.request('GET', '//evil.example/api/v1/users')).rejects.toMatchObject({ kind: 'foreign-origin' });
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('does not follow a redirect to another origin', async () => {
    const elsewhere = await startServer((_request, res) => sendJson(res, 200, []));
    servers.push(elsewhere);
    const okta = await startServer((_request, res) => {
      res.writeHead(302, { Location: `${elsewhere.origin}/api/v1/users` }).end();
    });
    servers.push(okta);
    const client = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 'secret' }, governor: { maxRetries: 0 } });
    await expect(client.getPage('/api/v1/users', User)).rejects.toBeInstanceOf(OktaError);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('rejects a page whose items do not match the schema, naming the item', async () => {
    const okta = await startServer((_request, res) => sendJson(res, 200, [{ id: '00u1', status: 'ACTIVE' }]));
    servers.push(okta);
    const client = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 't' } });
    await expect(client.getPage('/api/v1/users', User)).rejects.toMatchObject({
      kind: 'invalid-response',
      summary: expect.stringMatching(/item 0: (lastUpdated|profile)/),
    });
  });
});
