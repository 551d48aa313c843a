import { iso } from '../generate';
import { oktaErrors } from '../errors';
import { andLeaves, evaluate, parseExpression, readPath, type Grammar } from '../filter';
import { decodeCursor, encodeCursor, indexAfter, pageOf, pageOfArray, parseLimit } from '../pagination';
import { json, listReply, noContent, type Reply } from '../reply';
import type { Route, RouteContext } from '../router';
import { appJson, appUserJson, groupAssignmentJson } from '../serialize';
import type { AppRecord, AppUserRecord } from '../types';
import { objectBody } from './params';

/** `filter` on /apps: one or more `eq` clauses joined by `and`; `user.id` and `group.id` select by assignment. */
const FILTER: Grammar = {
  attributes: { status: ['eq'], id: ['eq'], name: ['eq'], 'user.id': ['eq'], 'group.id': ['eq'] },
  dateAttributes: [],
};

function listApps({ org, url, query, baseUrl }: RouteContext): Reply {
  const limit = parseLimit(query.get('limit'), { default: 20, max: 200 });
  const after = decodeCursor(query.get('after'));
  const q = query.get('q')?.toLowerCase();
  const filterText = query.get('filter');
  const expression = filterText ? parseExpression(filterText, FILTER) : null;
  const leaves = expression ? andLeaves(expression) : [];
  if (expression && !leaves.every((l) => l.kind === 'compare')) {
    throw oktaErrors.invalidSearch('Only "eq" expressions joined by "and" are supported for apps');
  }
  const leafValue = (attribute: string) => {
    const leaf = leaves.find((l) => l.kind === 'compare' && l.attribute === attribute);
    return leaf?.kind === 'compare' ? String(leaf.value) : null;
  };
  const userId = leafValue('user.id');
  const groupId = leafValue('group.id');
  const accept = (app: AppRecord): boolean => {
    const rest = leaves.every(
      (l) => l.kind !== 'compare' || l.attribute === 'user.id' || l.attribute === 'group.id' || evaluate(l, (a) => readPath(app, a)),
    );
    return rest && (!q || app.label.toLowerCase().startsWith(q) || app.name.toLowerCase().startsWith(q));
  };

  let page;
  if (userId !== null || groupId !== null) {
    const byUser = userId === null ? null : new Set(org.appsOf(userId).map((a) => a.id));
    const byGroup = groupId === null ? null : new Set(org.apps.filter((a) => org.groupAssignmentsOf(a.id).some((g) => g.groupId === groupId)).map((a) => a.id));
    const candidates = org.apps.filter((a) => (byUser?.has(a.id) ?? true) && (byGroup?.has(a.id) ?? true) && accept(a));
    page = pageOfArray(candidates, (a) => a.id, after, limit);
  } else {
    page = pageOf(org.appIndex, indexAfter(org.appIndex, after), limit, accept);
  }
  const expandUser = query.get('expand')?.match(/^user\/(.+)$/)?.[1];
  const body = page.items.map((app) => {
    const body = appJson(baseUrl, app);
    const record = expandUser ? org.appUserIndex(app.id).find(expandUser) : undefined;
    if (record) body._embedded = { user: appUserJson(baseUrl, app.id, record) };
    return body;
  });
  return listReply(body, url, page.nextKey === null ? null : encodeCursor(page.nextKey));
}

function listAppUsers({ org, url, query, params, baseUrl }: RouteContext): Reply {
  const app = org.requireApp(params.appId as string);
  const limit = parseLimit(query.get('limit'), { default: 50, max: 500 });
  const q = query.get('q')?.toLowerCase();
  const expand = query.get('expand') === 'user';
  const accept = (record: AppUserRecord): boolean => {
    if (!q) return true;
    const profile = org.findUser(record.userId)?.profile;
    return [record.userName, profile?.firstName, profile?.lastName, profile?.email].some(
      (v) => typeof v === 'string' && v.toLowerCase().startsWith(q),
    );
  };
  const index = org.appUserIndex(app.id);
  const page = pageOf(index, indexAfter(index, decodeCursor(query.get('after'))), limit, accept);
  return listReply(
    page.items.map((r) => appUserJson(baseUrl, app.id, r, expand ? org.findUser(r.userId) : undefined)),
    url,
    page.nextKey === null ? null : encodeCursor(page.nextKey),
  );
}

function requireAppUser({ org, params }: RouteContext): { app: AppRecord; record: AppUserRecord } {
  const app = org.requireApp(params.appId as string);
  const record = org.appUserIndex(app.id).find(params.userId as string);
  if (!record) throw oktaErrors.notFound(params.userId as string, 'AppUser');
  return { app, record };
}

/** POST /apps/{id}/users: a direct (scope USER) assignment; it replaces a group-derived one. */
function assignUser({ org, params, body, baseUrl }: RouteContext): Reply {
  const app = org.requireApp(params.appId as string);
  const input = objectBody(body);
  if (typeof input.id !== 'string' || input.id === '') throw oktaErrors.validation('id', ['id: The field cannot be left blank']);
  const user = org.userIndex.find(input.id);
  if (!user) throw oktaErrors.notFound(input.id, 'User');
  if (user.status === 'DEPROVISIONED') throw oktaErrors.wrongStatus();
  const credentials = input.credentials as { userName?: unknown } | undefined;
  const userName = typeof credentials?.userName === 'string' ? credentials.userName : user.profile.login;
  const existing = org.appUserIndex(app.id).find(user.id);
  const now = iso(org.tick());
  const record: AppUserRecord = {
    userId: user.id,
    scope: 'USER',
    created: existing?.created ?? now,
    lastUpdated: now,
    statusChanged: existing?.statusChanged ?? now,
    userName,
  };
  org.putAppUser(app.id, record, existing === undefined);
  return json(appUserJson(baseUrl, app.id, record));
}

/** Okta refuses (E0000046) while one of the user's groups still grants the app. */
function unassignUser(context: RouteContext): Reply {
  const { org } = context;
  const { app, record } = requireAppUser(context);
  if (org.groupsGranting(record.userId, app.id).length > 0) throw oktaErrors.appAssignedThroughGroup();
  const user = org.userIndex.find(record.userId);
  if (user) org.removeAppUser(app.id, user);
  return noContent();
}

function listAppGroups({ org, url, query, params, baseUrl }: RouteContext): Reply {
  const app = org.requireApp(params.appId as string);
  const limit = parseLimit(query.get('limit'), { default: 20, max: 200 });
  const sorted = [...org.groupAssignmentsOf(app.id)].sort((a, b) => (a.groupId < b.groupId ? -1 : 1));
  const page = pageOfArray(sorted, (a) => a.groupId, decodeCursor(query.get('after')), limit);
  return listReply(
    page.items.map((a) => groupAssignmentJson(baseUrl, app.id, a)),
    url,
    page.nextKey === null ? null : encodeCursor(page.nextKey),
  );
}

export const appRoutes: Route[] = [
  { method: 'GET', path: '/apps', scope: 'okta.apps', handle: listApps },
  {
    method: 'GET',
    path: '/apps/:appId',
    scope: 'okta.apps',
    handle: ({ org, params, baseUrl }) => json(appJson(baseUrl, org.requireApp(params.appId as string))),
  },
  { method: 'GET', path: '/apps/:appId/users', scope: 'okta.apps', handle: listAppUsers },
  { method: 'POST', path: '/apps/:appId/users', scope: 'okta.apps', handle: assignUser },
  {
    method: 'GET',
    path: '/apps/:appId/users/:userId',
    scope: 'okta.apps',
    handle(context) {
      const { app, record } = requireAppUser(context);
      const user = context.query.get('expand') === 'user' ? context.org.findUser(record.userId) : undefined;
      return json(appUserJson(context.baseUrl, app.id, record, user));
    },
  },
  { method: 'DELETE', path: '/apps/:appId/users/:userId', scope: 'okta.apps', handle: unassignUser },
  { method: 'GET', path: '/apps/:appId/groups', scope: 'okta.apps', handle: listAppGroups },
];
