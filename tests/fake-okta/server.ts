/**
 * A local fake of an Okta org for tests, the demo and the benchmark. Never talks to a real org.
 *
 *   /api/v1/...          Okta's management API subset the extension uses (routes/*.ts), with Okta's
 *                        errors, Link pagination, rate-limit buckets and headers, concurrency limit
 *   /oauth2/v1/authorize, /token, /revoke   authorization code + PKCE without a login page (oauth.ts)
 *   /__admin/...         test-only, loopback only, no auth:
 *                          POST faults {spec} | {kind: value}   GET requests   POST reset-log
 *                          POST mutate {op, ...} (routes/admin.ts)  POST revoke-tokens  GET state
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { OktaApiError, oktaErrors } from './errors';
import { FaultInjector, type FaultSpec } from './faults';
import { OAuthServer, scopeAllows } from './oauth';
import { FakeOrg } from './org';
import { bucketFor, rateHeaders, RateLimiter, type Bucket } from './rate-limit';
import type { Reply } from './reply';
import { errorReply, faultSpecFromBody, parseJson, readBody, send, setCors, sleep } from './http';
import { mutate, snapshot, type MutateRequest } from './routes/admin';
import { appRoutes } from './routes/apps';
import { groupRoutes } from './routes/groups';
import { logRoutes } from './routes/logs';
import { metaRoutes } from './routes/meta';
import { userRoutes } from './routes/users';
import { matchRoute, type Route } from './router';

export interface FakeOktaOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  users?: number;
  groups?: number;
  apps?: number;
  seed?: number;
  /** The SSWS API token; default `test-token`. */
  token?: string;
  /** Requests per minute for every bucket, replacing Okta's per-bucket table. */
  rateLimit?: number;
  /** Delay before each /api/v1 response, in ms. */
  latency?: number;
  /** Fault spec, grammar in faults.ts. */
  faults?: string;
  /** Simultaneous /api/v1 requests before 429; default 75 like Okta. */
  concurrency?: number;
  /** The OAuth client id; default `deskside-test-client`. */
  clientId?: string;
  /** Exact redirect URIs to accept; by default any https URI or loopback http URI. */
  redirectUris?: string[];
  /** Access token lifetime; default 3600 s like Okta. */
  accessTokenSeconds?: number;
  /** Generated timestamps lie before this epoch-ms instant; default 2026-01-01T00:00:00Z. */
  anchor?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  /** The rate-limit bucket, or null for requests outside /api/v1. */
  bucket: string | null;
  /** Epoch ms when the request arrived. */
  at: number;
  requestId: string;
}

export interface FakeOkta {
  url: string;
  org: FakeOrg;
  requests: RequestRecord[];
  resetRequestLog(): void;
  setFaults(spec: string | Partial<FaultSpec>): void;
  /** Changes the delay before each /api/v1 response from now on, in ms. */
  setLatency(ms: number): void;
  /** Invalidates every OAuth access and refresh token issued so far. */
  revokeTokens(): void;
  /** The same changes as `POST /__admin/mutate`; returns the response body, throws OktaApiError. */
  mutate(request: MutateRequest): unknown;
  close(): Promise<void>;
}

const ROUTES: Route[] = [...userRoutes, ...groupRoutes, ...appRoutes, ...logRoutes, ...metaRoutes];
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export async function startFakeOkta(options: FakeOktaOptions = {}): Promise<FakeOkta> {
  const seed = options.seed ?? 1;
  const token = options.token ?? 'test-token';
  const concurrency = options.concurrency ?? 75;
  const org = new FakeOrg({ users: options.users, groups: options.groups, apps: options.apps, seed, anchor: options.anchor });
  const limiter = new RateLimiter(options.rateLimit);
  const faults = new FaultInjector(seed, options.faults);
  const oauth = new OAuthServer({
    clientId: options.clientId ?? 'deskside-test-client',
    redirectUris: options.redirectUris,
    accessTokenSeconds: options.accessTokenSeconds ?? 3600,
  });
  const requests: RequestRecord[] = [];
  const heldSockets = new Set<Socket>();
  let inFlight = 0;
  let baseUrl = '';

  /** Returns the granted scopes, or throws Okta's 401. SSWS tokens carry every scope. */
  function authenticate(req: IncomingMessage): readonly string[] | 'all' {
    const match = /^(SSWS|Bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    if (!match) throw oktaErrors.invalidToken();
    const [, scheme, presented] = match as unknown as [string, string, string];
    if (scheme.toUpperCase() === 'SSWS') {
      if (presented !== token) throw oktaErrors.invalidToken();
      return 'all';
    }
    const scopes = oauth.lookup(presented);
    if (scopes === undefined || scopes === 'expired') {
      const description = scopes === 'expired' ? 'The token has expired.' : 'The access token is invalid.';
      const error = oktaErrors.invalidToken();
      error.headers['WWW-Authenticate'] = `Bearer authorization_uri="${baseUrl}/oauth2/v1/authorize", realm="IdpMgmtApi", error="invalid_token", error_description="${description}"`;
      throw error;
    }
    return scopes;
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string, record: RequestRecord): Promise<void> {
    const apiPath = url.pathname.slice('/api/v1'.length);
    const bucket: Bucket = bucketFor(req.method ?? 'GET', apiPath);
    record.bucket = bucket.name;
    inFlight++;
    try {
      const rawBody = await readBody(req);
      if (inFlight > concurrency) {
        throw oktaErrors.rateLimited(rateHeaders(0, 0, Date.now() + 1000));
      }
      if (latency > 0) await sleep(latency);
      const scopes = authenticate(req);
      if (faults.tokenRevoked()) throw oktaErrors.invalidToken();
      const decision = limiter.take(bucket);
      for (const [name, value] of Object.entries(decision.headers)) res.setHeader(name, value);
      if (!decision.allowed) throw oktaErrors.rateLimited(decision.headers);
      const pre = faults.before();
      if (pre === 'serverError') throw new OktaApiError(faults.pickServerErrorStatus(), 'E0000009', 'Internal Server Error');
      if (pre === 'burst429') throw oktaErrors.rateLimited(limiter.exhausted(bucket));

      const matched = matchRoute(ROUTES, req.method ?? 'GET', apiPath);
      if (!matched) throw oktaErrors.notFound(url.pathname, 'Resource');
      if ('methodNotAllowed' in matched) throw oktaErrors.methodNotAllowed(req.method ?? '');
      const { route, params } = matched;
      const write = route.method !== 'GET';
      if (scopes !== 'all' && !scopeAllows(scopes, route.scope, write)) {
        throw oktaErrors.forbidden({
          'WWW-Authenticate': `Bearer authorization_uri="${baseUrl}/oauth2/v1/authorize", realm="IdpMgmtApi", scope="${route.scope}.${write ? 'manage' : 'read'}", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="${url.pathname}"`,
        });
      }
      org.currentRequestId = requestId;
      const reply = route.handle({ org, baseUrl, url, query: url.searchParams, params, body: parseJson(rawBody) });
      record.status = reply.status;
      const post = faults.after();
      if (post === 'reset') {
        req.socket.destroy();
        return;
      }
      if (post === 'timeout') {
        heldSockets.add(req.socket);
        req.socket.once('close', () => heldSockets.delete(req.socket));
        return;
      }
      send(res, reply, post === 'malformed');
    } catch (error) {
      if (!(error instanceof OktaApiError)) throw error;
      record.status = error.status;
      send(res, errorReply(error));
    } finally {
      inFlight--;
    }
  }

  async function handleOAuth(req: IncomingMessage, res: ServerResponse, url: URL, record: RequestRecord): Promise<void> {
    const form = new URLSearchParams(await readBody(req));
    let reply: Reply;
    if (url.pathname === '/oauth2/v1/authorize' && req.method === 'GET') reply = oauth.authorize(url.searchParams);
    else if (url.pathname === '/oauth2/v1/token' && req.method === 'POST') reply = oauth.token(form);
    else if (url.pathname === '/oauth2/v1/revoke' && req.method === 'POST') reply = oauth.revoke(form);
    else reply = errorReply(oktaErrors.notFound(url.pathname, 'Resource'));
    record.status = reply.status;
    send(res, reply);
  }

  async function handleAdmin(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      send(res, errorReply(oktaErrors.forbidden()));
      return;
    }
    const body = parseJson(await readBody(req));
    const route = `${req.method} ${url.pathname}`;
    org.currentRequestId = 'fake-okta-admin';
    switch (route) {
      case 'POST /__admin/faults': {
        try {
          faults.set(faultSpecFromBody(body));
        } catch (error) {
          throw oktaErrors.validation('faults', [(error as Error).message]);
        }
        send(res, { status: 200, body: faults.current });
        return;
      }
      case 'GET /__admin/requests':
        send(res, { status: 200, body: requests });
        return;
      case 'POST /__admin/reset-log':
        requests.length = 0;
        send(res, { status: 204 });
        return;
      case 'POST /__admin/mutate':
        send(res, mutate(org, baseUrl, body));
        return;
      case 'POST /__admin/revoke-tokens':
        oauth.revokeAll();
        send(res, { status: 204 });
        return;
      case 'GET /__admin/state':
        send(res, { status: 200, body: snapshot(org) });
        return;
      default:
        throw oktaErrors.notFound(url.pathname, 'Resource');
    }
  }

  let latency = options.latency ?? 0;

  function setFaults(spec: string | Partial<FaultSpec>): void {
    faults.set(typeof spec === 'string' ? spec : { ...faults.current, ...spec });
  }

  const server = createServer((req, res) => {
    const requestId = randomBytes(12).toString('base64url');
    res.setHeader('X-Okta-Request-Id', requestId);
    setCors(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204).end();
      return;
    }
    const url = new URL(req.url ?? '/', baseUrl);
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
      bucket: null,
      at: Date.now(),
      requestId,
    };
    let work: Promise<void>;
    if (url.pathname.startsWith('/__admin/')) work = handleAdmin(req, res, url);
    else {
      requests.push(record);
      if (url.pathname.startsWith('/api/v1/')) work = handleApi(req, res, url, requestId, record);
      else if (url.pathname.startsWith('/oauth2/v1/')) work = handleOAuth(req, res, url, record);
      else {
        record.status = 404;
        work = Promise.resolve(send(res, errorReply(oktaErrors.notFound(url.pathname, 'Resource'))));
      }
    }
    work.catch((error: unknown) => {
      const okta = error instanceof OktaApiError ? error : oktaErrors.internal();
      if (!(error instanceof OktaApiError)) console.error('Fake Okta: unexpected error while serving', req.method, req.url, error);
      record.status = okta.status;
      if (!res.headersSent) send(res, errorReply(okta));
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    org,
    requests,
    resetRequestLog: () => {
      requests.length = 0;
    },
    setFaults,
    setLatency: (ms) => {
      latency = ms;
    },
    revokeTokens: () => oauth.revokeAll(),
    mutate: (request) => {
      org.currentRequestId = 'fake-okta-admin';
      return mutate(org, baseUrl, request).body;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of heldSockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
