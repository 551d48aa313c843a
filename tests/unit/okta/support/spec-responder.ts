import type { ServerResponse } from 'node:http';
import type { RecordedRequest } from './http-server';
import { sendJson } from './http-server';
import { makeUser } from './users-fixture';

const group = {
  id: '00g1',
  type: 'OKTA_GROUP',
  created: '2025-01-01T00:00:00.000Z',
  lastUpdated: '2025-01-01T00:00:00.000Z',
  lastMembershipUpdated: '2025-01-01T00:00:00.000Z',
  objectClass: ['okta:user_group'],
  profile: { name: 'Engineering', description: null },
};
const appUser = { id: '00u1', scope: 'USER', status: 'ACTIVE', credentials: { userName: 'a@example.com' } };
const app = { id: '0oa1', name: 'bookmark', label: 'Wiki', status: 'ACTIVE', signOnMode: 'BOOKMARK', _embedded: { user: appUser } };
const factor = { id: 'mfa1', factorType: 'push', provider: 'OKTA', status: 'ACTIVE' };
const appLink = { id: 'al1', appName: 'bookmark', appInstanceId: '0oa1', label: 'Wiki', linkUrl: 'https://x' };
const appGroup = { id: '00g1', priority: 0 };
const attribute = { title: 'Username', type: 'string', mutability: 'READ_WRITE', permissions: [{ principal: 'SELF', action: 'READ_ONLY' }] };
const userSchema = {
  id: 'https://x/meta/schemas/user/default',
  definitions: {
    base: { id: '#base', type: 'object', properties: { login: attribute }, required: ['login'] },
    custom: { id: '#custom', type: 'object', properties: { costCenter: { ...attribute, title: 'Cost center' } }, required: [] },
  },
};
const logEvent = {
  uuid: 'e1',
  published: '2026-01-01T00:00:00.000Z',
  eventType: 'group.user_membership.add',
  target: [{ id: '00u1', type: 'User' }],
};

/** Plausible Okta answers for every endpoint the client calls, keyed by method and path shape. */
const ROUTES: [string, RegExp, (res: ServerResponse) => void][] = [
  ['GET', /^\/api\/v1\/users$/, (res) => sendJson(res, 200, [makeUser(1)])],
  ['POST', /^\/api\/v1\/users$/, (res) => sendJson(res, 200, makeUser(1))],
  ['GET', /^\/api\/v1\/users\/[^/]+$/, (res) => sendJson(res, 200, makeUser(1))],
  ['POST', /^\/api\/v1\/users\/[^/]+$/, (res) => sendJson(res, 200, makeUser(1))],
  ['POST', /\/lifecycle\/(activate|reactivate)$/, (res) => sendJson(res, 200, { activationUrl: 'https://x/a', activationToken: 'tok' })],
  ['POST', /\/lifecycle\/reset_password$/, (res) => sendJson(res, 200, { resetPasswordUrl: 'https://x/r' })],
  ['POST', /\/lifecycle\/expire_password$/, (res) => sendJson(res, 200, { ...makeUser(1), status: 'PASSWORD_EXPIRED' })],
  ['POST', /\/lifecycle\/expire_password_with_temp_password$/, (res) => sendJson(res, 200, { tempPassword: 'F46gy7X4' })],
  ['POST', /\/lifecycle\//, (res) => void res.writeHead(200).end()],
  ['GET', /^\/api\/v1\/users\/[^/]+\/factors$/, (res) => sendJson(res, 200, [factor])],
  ['GET', /^\/api\/v1\/users\/[^/]+\/groups$/, (res) => sendJson(res, 200, [group])],
  ['GET', /^\/api\/v1\/users\/[^/]+\/appLinks$/, (res) => sendJson(res, 200, [appLink])],
  ['GET', /^\/api\/v1\/groups$/, (res) => sendJson(res, 200, [group])],
  ['GET', /^\/api\/v1\/groups\/[^/]+$/, (res) => sendJson(res, 200, group)],
  ['GET', /^\/api\/v1\/groups\/[^/]+\/users$/, (res) => sendJson(res, 200, [makeUser(1)])],
  ['GET', /^\/api\/v1\/apps$/, (res) => sendJson(res, 200, [app])],
  ['GET', /^\/api\/v1\/apps\/[^/]+$/, (res) => sendJson(res, 200, app)],
  ['GET', /^\/api\/v1\/apps\/[^/]+\/users$/, (res) => sendJson(res, 200, [appUser])],
  ['POST', /^\/api\/v1\/apps\/[^/]+\/users$/, (res) => sendJson(res, 200, appUser)],
  ['GET', /^\/api\/v1\/apps\/[^/]+\/groups$/, (res) => sendJson(res, 200, [appGroup])],
  ['GET', /^\/api\/v1\/meta\/schemas\/user\/default$/, (res) => sendJson(res, 200, userSchema)],
  ['GET', /^\/api\/v1\/logs$/, (res) => sendJson(res, 200, [logEvent])],
  ['PUT', /./, (res) => void res.writeHead(204).end()],
  ['DELETE', /./, (res) => void res.writeHead(204).end()],
];

export function respondLikeOkta(request: RecordedRequest, res: ServerResponse): void {
  const path = request.url.split('?')[0] ?? '';
  const route = ROUTES.find(([method, pattern]) => method === request.method && pattern.test(path));
  if (route) return route[2](res);
  sendJson(res, 404, { errorCode: 'E0000007', errorSummary: `Not found: ${request.method} ${path}` });
}
