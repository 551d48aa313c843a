import { afterEach, describe, expect, it } from 'vitest';
import { createOktaClient } from '@/lib/okta/client';
import { User } from '@/lib/okta/schemas';
import { oktaErrorBody, sendJson, startServer } from './support/http-server';
import type { TestServer } from './support/http-server';
import { startRateLimitedOkta } from './support/rate-limited-okta';
import { virtualClock } from './support/virtual-clock';

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const HOUR = 3_600_000;

/** fetch that reports each request's `tag` query parameter as the client sends it. */
function fetchReportingTags(onSend: (tag: string) => void): typeof fetch {
  return (input, init) => {
    onSend(new URL(input instanceof Request ? input.url : String(input)).searchParams.get('tag') ?? '');
    return fetch(input, init);
  };
}

describe('429 handling', () => {
  it('survives 429 storms with zero lost or repeated pages', async () => {
    const clock = virtualClock();
    // Another integration empties the bucket every 7th request: the client meets a 429 wall.
    const okta = await startRateLimitedOkta({
      users: 10_000,
      limit: 600,
      now: clock.now,
      burstAt: (n) => n % 7 === 0,
    });
    servers.push(okta);
    const client = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 't' }, governor: { clock } });

    const ids: string[] = [];
    for await (const page of client.paginate('/api/v1/users', User, { searchParams: { limit: 200 } })) {
      ids.push(...page.map((user) => user.id));
    }

    expect(okta.counts.tooManyRequests).toBeGreaterThan(5);
    expect(client.stats().rateLimited).toBe(okta.counts.tooManyRequests);
    expect(ids).toHaveLength(10_000);
    expect(new Set(ids).size).toBe(10_000);
    const succeeded = okta.requests.filter((_, i) => i > 0).map((r) => `${okta.origin}${r.url}`);
    expect([...new Set(succeeded)]).toEqual(okta.issuedNext);
  });

  it.each([
    ['ahead of', HOUR],
    ['behind', -HOUR],
  ])('computes the wait from the response Date when the server clock is an hour %s the local one', async (_label, skewMs) => {
    const clock = virtualClock();
    const okta = await startRateLimitedOkta({ users: 10, limit: 50, now: clock.now, skewMs, burstAt: (n) => n === 1 });
    servers.push(okta);
    const client = createOktaClient({
      origin: okta.origin,
      auth: { type: 'ssws', token: 't' },
      governor: { clock, random: () => 0.5, resetJitterMs: 200 },
    });
    const started = clock.now();

    const page = await client.getPage('/api/v1/users', User);

    expect(page.items).toHaveLength(10);
    // One 429, then one success exactly after the window reset: no early retry, no hour-long wait.
    expect(okta.requests).toHaveLength(2);
    const serverStart = started + skewMs;
    const expectedWait = Math.ceil((serverStart + 1) / 60_000) * 60_000 - Math.floor(serverStart / 1000) * 1000;
    const waited = clock.now() - started;
    expect(waited).toBeGreaterThanOrEqual(expectedWait);
    expect(waited).toBeLessThanOrEqual(expectedWait + 100 + 50);
  });

  it('retries a 429 on a POST (a 429 was not executed)', async () => {
    const clock = virtualClock();
    let hits = 0;
    const okta = await startServer((_request, res) => {
      hits += 1;
      const serverNow = clock.now();
      if (hits === 1) {
        return sendJson(res, 429, oktaErrorBody('E0000047', 'rate limit'), {
          'X-Rate-Limit-Limit': '100',
          'X-Rate-Limit-Remaining': '0',
          'X-Rate-Limit-Reset': String(Math.floor(serverNow / 1000) + 3),
          Date: new Date(serverNow).toUTCString(),
        });
      }
      res.writeHead(200).end();
    });
    servers.push(okta);
    const client = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 't' }, governor: { clock } });
    await client.request('POST', '/api/v1/users/00u1/lifecycle/suspend');
    expect(hits).toBe(2);
  });
});

describe('concurrency 429', () => {
  it('retries after the estimated reset without treating Limit 0 as the bucket size', async () => {
    const clock = virtualClock();
    let hits = 0;
    const okta = await startServer((_request, res) => {
      hits += 1;
      const serverNow = clock.now();
      if (hits === 1) {
        return sendJson(res, 429, oktaErrorBody('E0000047', 'rate limit'), {
          'X-Rate-Limit-Limit': '0',
          'X-Rate-Limit-Remaining': '0',
          'X-Rate-Limit-Reset': String(Math.floor(serverNow / 1000) + 1),
          Date: new Date(serverNow).toUTCString(),
        });
      }
      sendJson(res, 200, [], {
        'X-Rate-Limit-Limit': '600',
        'X-Rate-Limit-Remaining': '599',
        'X-Rate-Limit-Reset': String(Math.floor(serverNow / 1000) + 60),
        Date: new Date(serverNow).toUTCString(),
      });
    });
    servers.push(okta);
    const client = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 't' }, governor: { clock } });

    await Promise.all(Array.from({ length: 5 }, () => client.getPage('/api/v1/users', User)));

    expect(hits).toBe(6);
    expect(client.stats().rateLimited).toBe(1);
  });
});

describe('background share', () => {
  it('with Limit 100 per window and share 0.5, background never sends more than 50 in a window', async () => {
    const clock = virtualClock();
    const okta = await startRateLimitedOkta({ users: 5, limit: 100, now: clock.now });
    servers.push(okta);
    const client = createOktaClient({
      origin: okta.origin,
      auth: { type: 'ssws', token: 't' },
      backgroundShare: 0.5,
      governor: { clock },
    });

    await Promise.all(
      Array.from({ length: 260 }, () => client.getPage('/api/v1/users', User, { priority: 'background' })),
    );

    const counts = [...okta.perWindow.values()];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(260);
    expect(Math.max(...counts)).toBeLessThanOrEqual(50);
    expect(counts.length).toBeGreaterThanOrEqual(6);
    expect(okta.counts.tooManyRequests).toBe(0);
    expect(client.stats().waits).toBeGreaterThan(0);
  });

  it('lets interactive requests use the rest of the window', async () => {
    const clock = virtualClock();
    const okta = await startRateLimitedOkta({ users: 5, limit: 100, now: clock.now });
    servers.push(okta);
    const client = createOktaClient({ origin: okta.origin, auth: { type: 'ssws', token: 't' }, governor: { clock } });
    const started = clock.now();

    await Promise.all(
      Array.from({ length: 90 }, () => client.getPage('/api/v1/users', User, { priority: 'interactive' })),
    );

    expect(okta.counts.tooManyRequests).toBe(0);
    expect(okta.perWindow.size).toBe(1);
    expect(clock.now() - started).toBeLessThan(60_000);
  });
});

describe('priorities', () => {
  it('serves an interactive request ahead of a saturated background queue', async () => {
    const okta = await startRateLimitedOkta({ users: 1, limit: 100_000, now: Date.now, delayMs: 5 });
    servers.push(okta);
    const dispatched: string[] = [];
    const recordingFetch = fetchReportingTags((tag) => dispatched.push(tag));
    const client = createOktaClient({
      origin: okta.origin,
      auth: { type: 'ssws', token: 't' },
      governor: { maxInFlight: 2, interactiveReserve: 0 },
      fetch: recordingFetch,
    });

    const background = Array.from({ length: 50 }, (_, i) =>
      client.getPage(`/api/v1/users?tag=bg${i}`, User, { priority: 'background' }),
    );
    await new Promise((resolve) => setTimeout(resolve, 15));
    const interactive = client.getPage('/api/v1/users?tag=click', User, { priority: 'interactive' });
    await Promise.all([...background, interactive]);

    expect(dispatched).toHaveLength(51);
    const position = dispatched.indexOf('click');
    expect(position).toBeGreaterThan(-1);
    expect(position).toBeLessThan(10);
    // Two requests run at once, so they may finish in either order; the governor must still send
    // background work first in, first out.
    const bgOrder = dispatched.filter((tag) => tag !== 'click').map((tag) => Number(tag.slice(2)));
    expect(bgOrder).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('holds background requests and answers while an agent’s request runs and for the grace after it', async () => {
    const okta = await startRateLimitedOkta({ users: 1, limit: 100_000, now: Date.now, delayMs: 40 });
    servers.push(okta);
    const sentAt = new Map<string, number>();
    const recordingFetch = fetchReportingTags((tag) => sentAt.set(tag, performance.now()));
    const graceMs = 200;
    const client = createOktaClient({
      origin: okta.origin,
      auth: { type: 'ssws', token: 't' },
      governor: { interactiveGraceMs: graceMs },
      fetch: recordingFetch,
    });
    const answeredAt = new Map<string, number>();
    const get = (tag: string, priority: 'interactive' | 'background') =>
      client.getPage(`/api/v1/users?tag=${tag}`, User, { priority }).then(() => answeredAt.set(tag, performance.now()));

    // The sync's page is already on the wire when the agent clicks; the next one is queued after the click.
    const inFlightPage = get('bgInFlight', 'background');
    await new Promise((resolve) => setTimeout(resolve, 5));
    const click = get('click', 'interactive');
    const queuedPage = get('bgQueued', 'background');
    await Promise.all([inFlightPage, click, queuedPage]);

    const clickDone = answeredAt.get('click')!;
    expect(sentAt.get('bgInFlight')!).toBeLessThan(sentAt.get('click')!);
    // Its answer came back during the click, yet reached the sync only after the grace.
    expect(answeredAt.get('bgInFlight')!).toBeGreaterThanOrEqual(clickDone + graceMs - 2);
    expect(sentAt.get('bgQueued')!).toBeGreaterThanOrEqual(clickDone + graceMs - 2);
  });
});
