import { oktaErrors } from '../errors';
import { evaluate, parseExpression, readPath, type Expression, type Grammar } from '../filter';
import { decodeCursor, encodeCursor, indexAfter, pageOf, parseLimit } from '../pagination';
import { json, listReply, noContent, type Reply } from '../reply';
import type { Route, RouteContext } from '../router';
import { groupJson, userJson } from '../serialize';
import type { GroupRecord, UserRecord } from '../types';

const DATES = ['lastUpdated', 'lastMembershipUpdated', 'created'] as const;
const DATE_OPERATORS = ['eq', 'gt', 'ge', 'lt', 'le'] as const;

const FILTER: Grammar = {
  attributes: { id: ['eq'], type: ['eq'], lastUpdated: DATE_OPERATORS, lastMembershipUpdated: DATE_OPERATORS },
  dateAttributes: DATES,
};

const SEARCH: Grammar = {
  attributes: {
    'profile.*': ['eq', 'sw', 'co'],
    id: ['eq', 'sw'],
    type: ['eq'],
    'source.id': ['eq'],
    ...Object.fromEntries(DATES.map((d) => [d, DATE_OPERATORS])),
  },
  dateAttributes: DATES,
};

const resolveGroup = (group: GroupRecord) => (attribute: string) =>
  attribute === 'source.id' ? group.sourceAppId : readPath(group, attribute);

function listGroups({ org, url, query, baseUrl }: RouteContext): Reply {
  const q = query.get('q')?.toLowerCase();
  const expressions: Expression[] = [];
  const filterText = query.get('filter');
  const searchText = query.get('search');
  if (filterText) expressions.push(parseExpression(filterText, FILTER));
  if (searchText) expressions.push(parseExpression(searchText, SEARCH));
  const limit = parseLimit(query.get('limit'), q ? { default: 300, max: 10000 } : { default: 200, max: 10000 });
  const accept = (group: GroupRecord): boolean =>
    expressions.every((e) => evaluate(e, resolveGroup(group))) && (!q || group.profile.name.toLowerCase().startsWith(q));
  const index = org.groupIndex;
  const page = pageOf(index, indexAfter(index, decodeCursor(query.get('after'))), limit, accept);
  const withStats = query.get('expand') === 'stats';
  return listReply(
    page.items.map((g) => groupJson(baseUrl, g, withStats ? org : undefined)),
    url,
    page.nextKey === null ? null : encodeCursor(page.nextKey),
  );
}

function listGroupMembers({ org, url, query, params, baseUrl }: RouteContext): Reply {
  const group = org.requireGroup(params.groupId as string);
  const limit = parseLimit(query.get('limit'), { default: 1000, max: 1000 });
  const members = org.memberIndex(group.id);
  const page = pageOf(members, indexAfter(members, decodeCursor(query.get('after'))), limit);
  const users = page.items.map((id) => org.findUser(id)).filter((u): u is UserRecord => u !== undefined);
  return listReply(
    users.map((u) => userJson(baseUrl, u)),
    url,
    page.nextKey === null ? null : encodeCursor(page.nextKey),
  );
}

/** Only OKTA_GROUP memberships can change; Okta answers E0000006 for APP_GROUP and BUILT_IN. */
function changeMembership(add: boolean) {
  return ({ org, params }: RouteContext): Reply => {
    const group = org.requireGroup(params.groupId as string);
    const user = org.userIndex.find(params.userId as string);
    if (!user) throw oktaErrors.notFound(params.userId as string, 'User');
    if (group.type !== 'OKTA_GROUP') throw oktaErrors.forbidden();
    if (add) org.addMember(group, user);
    else org.removeMember(group, user);
    return noContent();
  };
}

export const groupRoutes: Route[] = [
  { method: 'GET', path: '/groups', scope: 'okta.groups', handle: listGroups },
  {
    method: 'GET',
    path: '/groups/:groupId',
    scope: 'okta.groups',
    handle: ({ org, params, baseUrl }) => json(groupJson(baseUrl, org.requireGroup(params.groupId as string))),
  },
  { method: 'GET', path: '/groups/:groupId/users', scope: 'okta.groups', handle: listGroupMembers },
  { method: 'PUT', path: '/groups/:groupId/users/:userId', scope: 'okta.groups', handle: changeMembership(true) },
  { method: 'DELETE', path: '/groups/:groupId/users/:userId', scope: 'okta.groups', handle: changeMembership(false) },
];
