import ky, { TimeoutError } from 'ky';
import { z } from 'zod';
import { pathTemplate } from './buckets';
import { OktaError } from './errors';
import type { OktaErrorContext } from './errors';
import { createGovernor } from './governor';
import { readJsonBody } from './json-body';
import type { GovernorOptions, GovernorStats, Priority } from './governor';
import { nextLink } from './link-header';

export type OktaAuth =
  | { type: 'ssws'; token: string }
  | { type: 'bearer'; getAccessToken: () => Promise<string>; onUnauthorized?: () => Promise<void> };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export type SearchParams = Record<string, string | number | boolean | undefined>;

export interface RequestOptions<T> {
  /** Validates the JSON body; without it the body is discarded and `data` is undefined. */
  schema?: z.ZodType<T>;
  /** Appended to the query of `pathOrUrl` (undefined values are left out). */
  searchParams?: SearchParams;
  json?: unknown;
  /** Default 'interactive'. Sync traffic must say 'background'. */
  priority?: Priority;
  signal?: AbortSignal;
  /** Whether the request may be sent again after a 5xx or network failure. Default: not for POST. */
  idempotent?: boolean;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** Refines the error sentence (e.g. a group-membership change on an imported group). */
  errorContext?: OktaErrorContext;
}

export interface OktaResult<T> {
  data: T;
  response: Response;
}

export interface PageOptions {
  searchParams?: Record<string, string | number>;
  /** Default 'background': paging is sync traffic unless an agent is waiting for it. */
  priority?: Priority;
  signal?: AbortSignal;
}

export interface Page<T> {
  items: T[];
  /** The verbatim `Link: rel="next"` URL, or null on the last page. Safe to checkpoint. */
  next: string | null;
}

export interface OktaClientOptions {
  /** The org origin from normalizeOrgUrl, e.g. `https://acme.okta.com`. */
  origin: string;
  auth: OktaAuth;
  /** Share of each rate-limit bucket background work may use. Default 0.5. */
  backgroundShare?: number;
  fetch?: typeof fetch;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  /** Governor tuning and, in tests, an injected clock and random source. */
  governor?: Omit<GovernorOptions, 'backgroundShare'>;
}

export interface OktaClient {
  readonly origin: string;
  request<T = undefined>(method: HttpMethod, pathOrUrl: string, opts?: RequestOptions<T>): Promise<OktaResult<T>>;
  getPage<T>(pathOrUrl: string, schema: z.ZodType<T>, opts?: PageOptions): Promise<Page<T>>;
  /** Every page from `pathOrUrl` on, following `rel="next"` verbatim; ends on the last or an empty page. */
  paginate<T>(pathOrUrl: string, schema: z.ZodType<T>, opts?: PageOptions): AsyncIterable<T[]>;
  stats(): GovernorStats;
}

/** Attempts for an idempotent request whose 2xx body arrives cut off or garbled. */
const UNREADABLE_BODY_ATTEMPTS = 3;

function encodeQuery(params: SearchParams | undefined): string {
  if (!params) return '';
  return Object.entries(params)
    .filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined)
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid value';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  return `${where}: ${issue.message}`;
}

export function createOktaClient(options: OktaClientOptions): OktaClient {
  const origin = new URL(options.origin).origin;
  const auth = options.auth;
  const governor = createGovernor({ ...options.governor, backgroundShare: options.backgroundShare });

  async function authorization(): Promise<string> {
    return auth.type === 'ssws' ? `SSWS ${auth.token}` : `Bearer ${await auth.getAccessToken()}`;
  }

  const http = ky.create({
    prefixUrl: origin,
    retry: 0,
    throwHttpErrors: false,
    timeout: options.timeoutMs ?? 30_000,
    credentials: 'omit',
    // Okta's API does not redirect; following one could hand the token to another host.
    redirect: 'error',
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: { Accept: 'application/json' },
    hooks: {
      beforeRequest: [
        async (request) => {
          // Last line of defence: credentials only ever go to the configured org.
          if (new URL(request.url).origin !== origin) throw OktaError.foreignOrigin(request.url, origin);
          request.headers.set('Authorization', await authorization());
        },
      ],
    },
  });

  /** An absolute URL on the org for `pathOrUrl` plus extra query parameters; refuses other origins. */
  function resolve(pathOrUrl: string, searchParams?: SearchParams): URL {
    let url: URL;
    try {
      url = new URL(pathOrUrl, `${origin}/`);
    } catch {
      throw OktaError.foreignOrigin(pathOrUrl, origin);
    }
    if (url.origin !== origin || url.username !== '' || url.password !== '') {
      throw OktaError.foreignOrigin(pathOrUrl, origin);
    }
    const extra = encodeQuery(searchParams);
    if (extra !== '') url.search = url.search === '' ? `?${extra}` : `${url.search}&${extra}`;
    return url;
  }

  async function send(method: HttpMethod, url: URL, opts: RequestOptions<unknown>): Promise<Response> {
    const signal = opts.signal;
    const hasBody = method === 'POST' || method === 'PUT';
    try {
      return await governor.run(
        {
          method,
          url: url.href,
          priority: opts.priority ?? 'interactive',
          idempotent: opts.idempotent ?? method !== 'POST',
          signal,
        },
        () =>
          http(url.pathname.slice(1) + url.search, {
            method,
            signal,
            ...(opts.json !== undefined ? { json: opts.json } : {}),
            headers: { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...opts.headers },
            ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : {}),
          }),
      );
    } catch (error) {
      if (signal?.aborted || error instanceof OktaError) throw error;
      throw OktaError.fromNetworkFailure(error, origin, error instanceof TimeoutError);
    }
  }

  async function sendAuthorized(method: HttpMethod, url: URL, opts: RequestOptions<unknown>): Promise<Response> {
    const response = await send(method, url, opts);
    if (response.status !== 401 || auth.type !== 'bearer' || !auth.onUnauthorized) return response;
    // A 401 was not executed, so one retry with a fresh token is safe for any method.
    await response.body?.cancel();
    await auth.onUnauthorized();
    return send(method, url, opts);
  }

  async function request<T = undefined>(
    method: HttpMethod,
    pathOrUrl: string,
    opts: RequestOptions<T> = {},
  ): Promise<OktaResult<T>> {
    const url = resolve(pathOrUrl, opts.searchParams);
    const what = `${method} ${pathTemplate(url.pathname)}`;
    const idempotent = opts.idempotent ?? method !== 'POST';
    for (let attempt = 1; ; attempt += 1) {
      const response = await sendAuthorized(method, url, opts);
      if (!response.ok) throw await OktaError.fromResponse(response, opts.errorContext);
      if (!opts.schema) {
        await response.text().catch(() => '');
        return { data: undefined as T, response };
      }
      const requestId = response.headers.get('x-okta-request-id') ?? undefined;
      const body = await readJsonBody(response);
      if (!body.ok) {
        if (idempotent && attempt < UNREADABLE_BODY_ATTEMPTS) continue;
        throw OktaError.invalidResponse(what, body.problem, requestId);
      }
      const parsed = opts.schema.safeParse(body.value);
      if (!parsed.success) throw OktaError.invalidResponse(what, firstIssue(parsed.error), requestId);
      return { data: parsed.data, response };
    }
  }

  async function getPage<T>(pathOrUrl: string, schema: z.ZodType<T>, opts: PageOptions = {}): Promise<Page<T>> {
    const { data, response } = await request('GET', pathOrUrl, {
      schema: z.array(z.unknown()),
      searchParams: opts.searchParams,
      priority: opts.priority ?? 'background',
      signal: opts.signal,
    });
    const what = `GET ${pathTemplate(resolve(pathOrUrl).pathname)}`;
    const requestId = response.headers.get('x-okta-request-id') ?? undefined;
    const items = data.map((item, index) => {
      const parsed = schema.safeParse(item);
      if (!parsed.success) {
        throw OktaError.invalidResponse(what, `item ${index}: ${firstIssue(parsed.error)}`, requestId);
      }
      return parsed.data;
    });
    const next = nextLink(response.headers.get('link'));
    if (next !== null) resolve(next); // refuses a next link to another origin before anyone stores it
    return { items, next };
  }

  async function* paginate<T>(pathOrUrl: string, schema: z.ZodType<T>, opts: PageOptions = {}): AsyncIterable<T[]> {
    let page = await getPage(pathOrUrl, schema, opts);
    for (;;) {
      yield page.items;
      // System Log polling queries always carry a next link; an empty page means caught up.
      if (page.next === null || page.items.length === 0) return;
      page = await getPage(page.next, schema, { priority: opts.priority, signal: opts.signal });
    }
  }

  return { origin, request, getPage, paginate, stats: governor.stats };
}
