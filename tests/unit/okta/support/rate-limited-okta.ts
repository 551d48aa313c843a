import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { oktaErrorBody, sendJson, startServer } from './http-server';
import type { RecordedRequest, TestServer } from './http-server';
import { makeUser } from './users-fixture';

export interface RateLimitedOktaOptions {
  users: number;
  /** Requests per window per bucket (all paths share one bucket here). */
  limit: number;
  windowMs?: number;
  /** Local time source shared with the client's governor. */
  now: () => number;
  /** Server clock minus local clock. */
  skewMs?: number;
  /** Called with the request number; true means another integration just used up the window. */
  burstAt?: (requestNumber: number) => boolean;
  /** Delay before answering, in real milliseconds. */
  delayMs?: number;
}

export interface RateLimitedOkta extends TestServer {
  /** Every next URL the server handed out, absolute, in order. */
  issuedNext: string[];
  /** Requests counted per window start (server time). */
  perWindow: Map<number, number>;
  counts: { tooManyRequests: number };
}

/**
 * A users endpoint paged with opaque cursors (a client cannot build them) behind Okta-style
 * fixed-window rate limiting: X-Rate-Limit-* headers, a Date header from the server's clock,
 * and 429 E0000047 once a window's limit is spent.
 */
export async function startRateLimitedOkta(opts: RateLimitedOktaOptions): Promise<RateLimitedOkta> {
  const windowMs = opts.windowMs ?? 60_000;
  const cursors = new Map<string, number>();
  const perWindow = new Map<number, number>();
  const issuedNext: string[] = [];
  let requestNumber = 0;
  const counts = { tooManyRequests: 0 };
  let origin = '';

  function rateHeaders(serverNow: number, used: number) {
    const windowStart = Math.floor(serverNow / windowMs) * windowMs;
    return {
      'X-Rate-Limit-Limit': String(opts.limit),
      'X-Rate-Limit-Remaining': String(Math.max(0, opts.limit - used)),
      'X-Rate-Limit-Reset': String((windowStart + windowMs) / 1000),
      Date: new Date(serverNow).toUTCString(),
      'X-Okta-Request-Id': `req-${requestNumber}`,
    };
  }

  function answer(request: RecordedRequest, res: ServerResponse) {
    requestNumber += 1;
    const serverNow = opts.now() + (opts.skewMs ?? 0);
    const windowStart = Math.floor(serverNow / windowMs) * windowMs;
    if (opts.burstAt?.(requestNumber)) perWindow.set(windowStart, Math.max(perWindow.get(windowStart) ?? 0, opts.limit));
    const used = perWindow.get(windowStart) ?? 0;
    if (used >= opts.limit) {
      counts.tooManyRequests += 1;
      return sendJson(res, 429, oktaErrorBody('E0000047', 'API call exceeded rate limit due to too many requests.'), rateHeaders(serverNow, used));
    }
    perWindow.set(windowStart, used + 1);
    const headers = rateHeaders(serverNow, used + 1);

    const url = new URL(request.url, origin);
    if (url.pathname !== '/api/v1/users') return sendJson(res, 404, oktaErrorBody('E0000007', 'Not found'), headers);
    const after = url.searchParams.get('after');
    const offset = after === null ? 0 : cursors.get(after);
    if (offset === undefined) return sendJson(res, 400, oktaErrorBody('E0000054', 'Invalid pagination properties'), headers);
    const limit = Number(url.searchParams.get('limit') ?? 200);
    const items = Array.from({ length: Math.max(0, Math.min(limit, opts.users - offset)) }, (_, i) => makeUser(offset + i));
    const links = [`<${origin}${request.url}>; rel="self"`];
    if (offset + limit < opts.users) {
      const token = randomUUID();
      cursors.set(token, offset + limit);
      const next = `${origin}/api/v1/users?after=${token}&limit=${limit}`;
      issuedNext.push(next);
      links.push(`<${next}>; rel="next"`);
    }
    sendJson(res, 200, items, { ...headers, Link: links });
  }

  const server = await startServer((request, res) => {
    if (!opts.delayMs) return answer(request, res);
    return new Promise<void>((resolve) => setTimeout(() => resolve(answer(request, res)), opts.delayMs));
  });
  origin = server.origin;
  return { ...server, issuedNext, perWindow, counts };
}
