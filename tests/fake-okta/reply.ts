/** What a route answers; the server adds the common headers (request id, rate limits, CORS). */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string | string[]>;
}

export const json = (body: unknown, status = 200): Reply => ({ status, body });
export const noContent = (): Reply => ({ status: 204 });

/** A list page with Okta's `Link` headers: `rel="self"` and, when more follows, `rel="next"`. */
export function listReply(body: unknown[], selfUrl: URL, nextCursor: string | null): Reply {
  const links = [`<${selfUrl.toString()}>; rel="self"`];
  if (nextCursor !== null) {
    const next = new URL(selfUrl);
    next.searchParams.set('after', nextCursor);
    links.push(`<${next.toString()}>; rel="next"`);
  }
  return { status: 200, body, headers: { Link: links } };
}
