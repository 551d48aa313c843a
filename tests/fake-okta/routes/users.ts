import { OktaApiError } from '../errors';
import { andLeaves, evaluate, orLeaves, parseExpression, readPath, type Expression, type Grammar } from '../filter';
import * as lifecycle from '../lifecycle';
import { decodeCursor, encodeCursor, indexAfter, pageOf, pageOfArray, parseLimit, type Page } from '../pagination';
import { json, listReply, noContent, type Reply } from '../reply';
import type { Route, RouteContext } from '../router';
import { appLinkJson, factorJson, groupJson, userJson } from '../serialize';
import type { UserProfile, UserRecord } from '../types';
import { validateProfile } from '../user-schema';
import { booleanParam, objectBody } from './params';

const DATES = ['lastUpdated', 'created', 'activated', 'statusChanged'] as const;

/** `filter` on /users: Okta allows only these attributes, `eq` only except lastUpdated. */
const FILTER: Grammar = {
  attributes: {
    status: ['eq'],
    id: ['eq'],
    'profile.login': ['eq'],
    'profile.email': ['eq'],
    'profile.firstName': ['eq'],
    'profile.lastName': ['eq'],
    lastUpdated: ['eq', 'gt', 'ge', 'lt', 'le'],
  },
  dateAttributes: ['lastUpdated'],
};

/** `search` on /users: any profile attribute (eq/sw; co on names, email and login), ids, status and dates. */
const SEARCH: Grammar = {
  attributes: {
    'profile.*': ['eq', 'sw', 'pr'],
    'profile.firstName': ['eq', 'sw', 'co', 'pr'],
    'profile.lastName': ['eq', 'sw', 'co', 'pr'],
    'profile.email': ['eq', 'sw', 'co', 'pr'],
    'profile.login': ['eq', 'sw', 'co', 'pr'],
    id: ['eq', 'sw'],
    status: ['eq'],
    'type.id': ['eq'],
    ...Object.fromEntries(DATES.map((d) => [d, ['eq', 'gt', 'ge', 'lt', 'le']])),
  },
  dateAttributes: DATES,
};

const resolveUser = (user: UserRecord) => (attribute: string) => (attribute === 'type.id' ? user.typeId : readPath(user, attribute));

const LIMITS = { default: 200, max: 200 };
const Q_LIMITS = { default: 10, max: 200 };

function listUsers({ org, url, query, baseUrl }: RouteContext): Reply {
  const q = query.get('q');
  const filterText = query.get('filter');
  const searchText = query.get('search');
  const expressions: Expression[] = [];
  if (filterText) expressions.push(parseExpression(filterText, FILTER));
  if (searchText) expressions.push(parseExpression(searchText, SEARCH));
  const expression = expressions.reduce<Expression | null>((all, e) => (all ? { kind: 'and', left: all, right: e } : e), null);
  const limit = parseLimit(query.get('limit'), q ? Q_LIMITS : LIMITS);
  const cursor = decodeCursor(query.get('after'));

  const accept = (user: UserRecord): boolean => {
    if (expression) return evaluate(expression, resolveUser(user));
    if (user.status === 'DEPROVISIONED') return false;
    if (q) return matchesPrefix(user, q.toLowerCase());
    return true;
  };

  const page = expression ? plannedPage(org, expression, cursor, limit, accept) : idOrderPage(org, cursor, limit, accept);
  return listReply(
    page.items.map((u) => userJson(baseUrl, u)),
    url,
    page.nextKey === null ? null : encodeCursor(page.nextKey),
  );
}

function matchesPrefix(user: UserRecord, prefix: string): boolean {
  const p = user.profile;
  return [p.firstName, p.lastName, p.email, p.login].some((v) => typeof v === 'string' && v.toLowerCase().startsWith(prefix));
}

type Cursor = string | null;

function idOrderPage(org: RouteContext['org'], cursor: Cursor, limit: number, accept: (u: UserRecord) => boolean): Page<UserRecord> {
  const afterKey = cursor === null ? null : stripMode(cursor, 'I');
  const page = pageOf(org.userIndex, indexAfter(org.userIndex, afterKey), limit, accept);
  return { items: page.items, nextKey: page.nextKey === null ? null : `I:${page.nextKey}` };
}

function stripMode(cursor: string, mode: 'I' | 'U' | 'X'): string {
  if (!cursor.startsWith(`${mode}:`)) throw new OktaApiError(400, 'E0000054', 'Invalid paging request.', ['after: the cursor belongs to another query']);
  return cursor.slice(2);
}

/**
 * Uses an index when the expression allows it: exact id/login lookups, or a lower bound on
 * lastUpdated (incremental sync) walked in lastUpdated order. Otherwise scans in id order.
 */
function plannedPage(
  org: RouteContext['org'],
  expression: Expression,
  cursor: Cursor,
  limit: number,
  accept: (u: UserRecord) => boolean,
): Page<UserRecord> {
  const lookups = orLeaves(expression);
  if (lookups?.every((l) => l.operator === 'eq' && (l.attribute === 'id' || l.attribute === 'profile.login'))) {
    const found = new Map<string, UserRecord>();
    for (const leaf of lookups) {
      const user = org.findUser(String(leaf.value));
      if (user && accept(user)) found.set(user.id, user);
    }
    const sorted = [...found.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
    const page = pageOfArray(sorted, (u) => u.id, cursor === null ? null : stripMode(cursor, 'X'), limit);
    return { items: page.items, nextKey: page.nextKey === null ? null : `X:${page.nextKey}` };
  }
  const lowerBound = andLeaves(expression).find(
    (leaf) => leaf.kind === 'compare' && leaf.attribute === 'lastUpdated' && (leaf.operator === 'gt' || leaf.operator === 'ge'),
  );
  if (lowerBound?.kind === 'compare') {
    const start = lowerBound.operator === 'gt' ? `${String(lowerBound.value)}|~` : `${String(lowerBound.value)}|`;
    const index = org.userUpdatedIndex;
    const afterKey = cursor === null ? null : stripMode(cursor, 'U');
    const page = pageOf(index, afterKey === null ? index.position(start) : indexAfter(index, afterKey), limit, accept);
    return { items: page.items, nextKey: page.nextKey === null ? null : `U:${page.nextKey}` };
  }
  return idOrderPage(org, cursor, limit, accept);
}

function getUser({ org, baseUrl, params }: RouteContext): Reply {
  return json(userJson(baseUrl, org.requireUser(params.id as string)));
}

function getMe({ org, baseUrl }: RouteContext): Reply {
  return json(userJson(baseUrl, org.admin));
}

function createUser({ org, baseUrl, body, query }: RouteContext): Reply {
  const input = objectBody(body);
  const profile = validateProfile(input.profile, 'create') as UserProfile;
  const credentials = input.credentials as { password?: { value?: unknown } } | undefined;
  const password = typeof credentials?.password?.value === 'string' ? credentials.password.value : null;
  const groupIds = Array.isArray(input.groupIds) ? input.groupIds.map(String) : [];
  const user = lifecycle.createUser(org, { profile, password, groupIds }, booleanParam(query, 'activate', true));
  return json(userJson(baseUrl, user));
}

function updateUser({ org, baseUrl, params, body }: RouteContext): Reply {
  const user = org.requireUser(params.id as string);
  const input = objectBody(body);
  const changes = validateProfile(input.profile ?? {}, 'update');
  if (user.provider.type !== 'OKTA' && Object.keys(changes).length > 0) {
    throw new OktaApiError(403, 'E0000023', 'Operation failed because user profile is mastered under another system');
  }
  lifecycle.updateProfile(org, user, changes);
  return json(userJson(baseUrl, user));
}

function deleteUser({ org, params }: RouteContext): Reply {
  lifecycle.deleteUser(org, org.requireUser(params.id as string));
  return noContent();
}

function lifecycleAction(action: string, run: (c: RouteContext, user: UserRecord) => unknown): Route {
  return {
    method: 'POST',
    path: `/users/:id/lifecycle/${action}`,
    scope: 'okta.users',
    handle(context) {
      const user = context.org.requireUser(context.params.id as string);
      const result = run(context, user);
      return json(result ?? {});
    },
  };
}

function listFactors({ org, params, baseUrl }: RouteContext): Reply {
  const user = org.requireUser(params.id as string);
  return json(org.factorsOf(user.id).map((f) => factorJson(baseUrl, user.id, f)));
}

function listUserGroups({ org, params, baseUrl }: RouteContext): Reply {
  const user = org.requireUser(params.id as string);
  return json(org.groupsOf(user.id).map((g) => groupJson(baseUrl, g)));
}

/** The token's admin is a Super Administrator; every other user holds no admin role. */
function listRoles({ org, params, baseUrl }: RouteContext): Reply {
  const user = org.requireUser(params.id as string);
  if (user.id !== org.adminId) return json([]);
  return json([
    {
      id: 'ra1superadminfake001',
      label: 'Super Administrator',
      type: 'SUPER_ADMIN',
      status: 'ACTIVE',
      created: user.created,
      lastUpdated: user.created,
      assignmentType: 'USER',
      _links: { assignee: { href: `${baseUrl}/api/v1/users/${user.id}` } },
    },
  ]);
}

function listAppLinks({ org, params, baseUrl }: RouteContext): Reply {
  const user = org.requireUser(params.id as string);
  const links = org.appsOf(user.id).flatMap((app, i) => {
    const record = org.appUserIndex(app.id).find(user.id);
    return record && app.status === 'ACTIVE' ? [appLinkJson(baseUrl, app, record, i)] : [];
  });
  return json(links);
}

export const userRoutes: Route[] = [
  { method: 'GET', path: '/users', scope: 'okta.users', handle: listUsers },
  { method: 'POST', path: '/users', scope: 'okta.users', handle: createUser },
  { method: 'GET', path: '/users/me', scope: 'okta.users', handle: getMe },
  { method: 'GET', path: '/users/:id', scope: 'okta.users', handle: getUser },
  { method: 'POST', path: '/users/:id', scope: 'okta.users', handle: updateUser },
  { method: 'DELETE', path: '/users/:id', scope: 'okta.users', handle: deleteUser },
  lifecycleAction('activate', ({ org, baseUrl, query }, u) =>
    lifecycle.activateUser(org, baseUrl, u, booleanParam(query, 'sendEmail', true)),
  ),
  lifecycleAction('reactivate', ({ org, baseUrl, query }, u) =>
    lifecycle.reactivateUser(org, baseUrl, u, booleanParam(query, 'sendEmail', false)),
  ),
  lifecycleAction('deactivate', ({ org }, u) => lifecycle.deactivateUser(org, u)),
  lifecycleAction('suspend', ({ org }, u) => lifecycle.suspendUser(org, u)),
  lifecycleAction('unsuspend', ({ org }, u) => lifecycle.unsuspendUser(org, u)),
  lifecycleAction('unlock', ({ org }, u) => lifecycle.unlockUser(org, u)),
  lifecycleAction('reset_password', ({ org, baseUrl, query }, u) =>
    lifecycle.resetPassword(org, baseUrl, u, {
      sendEmail: booleanParam(query, 'sendEmail', true),
      revokeSessions: booleanParam(query, 'revokeSessions', false),
    }),
  ),
  lifecycleAction('expire_password', ({ org, baseUrl }, u) => {
    lifecycle.expirePassword(org, u);
    return userJson(baseUrl, u);
  }),
  lifecycleAction('expire_password_with_temp_password', ({ org, query }, u) =>
    lifecycle.expirePasswordWithTempPassword(org, u, booleanParam(query, 'revokeSessions', false)),
  ),
  lifecycleAction('reset_factors', ({ org }, u) => lifecycle.resetFactors(org, u)),
  { method: 'GET', path: '/users/:id/factors', scope: 'okta.users', handle: listFactors },
  {
    method: 'DELETE',
    path: '/users/:id/factors/:factorId',
    scope: 'okta.users',
    handle({ org, params }) {
      lifecycle.unenrollFactor(org, org.requireUser(params.id as string), params.factorId as string);
      return noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/users/:id/sessions',
    scope: 'okta.users',
    handle({ org, params, query }) {
      lifecycle.clearUserSessions(org, org.requireUser(params.id as string), booleanParam(query, 'oauthTokens', false));
      return noContent();
    },
  },
  { method: 'GET', path: '/users/:id/groups', scope: 'okta.users', handle: listUserGroups },
  { method: 'GET', path: '/users/:id/appLinks', scope: 'okta.users', handle: listAppLinks },
  { method: 'GET', path: '/users/:id/roles', scope: 'okta.roles', handle: listRoles },
];
