import type { OktaClient, Page } from './client';
import { listPage, segment } from './call-options';
import type { CallOptions, ListOptions } from './call-options';
import { Group, User } from './schemas';
import type { GroupType } from './schemas';

const GROUPS = '/api/v1/groups';
const groupPath = (id: string) => `${GROUPS}/${segment(id)}`;

export interface ListGroupsOptions extends ListOptions {
  /** Okta `filter` (id, type, lastUpdated, lastMembershipUpdated). */
  filter?: string;
  /** Okta `search` (profile attributes, type, source.id, timestamps). */
  search?: string;
  /** Name prefix; not pageable. */
  q?: string;
  /** `stats` adds `_embedded.stats.usersCount`. */
  expand?: 'stats' | 'app';
}

/** Org-wide listing; defaults to background priority (sync). */
export function listGroups(client: OktaClient, opts: ListGroupsOptions = {}): Promise<Page<Group>> {
  const { filter, search, q, expand } = opts;
  return listPage(client, GROUPS, Group, { filter, search, q, expand }, opts, 'background');
}

export async function getGroup(client: OktaClient, groupId: string, opts: CallOptions = {}): Promise<Group> {
  return (await client.request('GET', groupPath(groupId), { ...opts, schema: Group })).data;
}

/** Members of a group. Okta's default page is 1000; pass `limit: 200` as Okta recommends. */
export function listGroupMembers(client: OktaClient, groupId: string, opts: ListOptions = {}): Promise<Page<User>> {
  return listPage(client, `${groupPath(groupId)}/users`, User, {}, opts, 'background');
}

export interface MembershipOptions extends CallOptions {
  /** When known, turns Okta's bare "no permission" into "managed outside Okta" for imported/built-in groups. */
  groupType?: GroupType;
}

async function changeMembership(
  client: OktaClient,
  method: 'PUT' | 'DELETE',
  groupId: string,
  userId: string,
  opts: MembershipOptions,
): Promise<void> {
  await client.request(method, `${groupPath(groupId)}/users/${segment(userId)}`, {
    ...opts,
    errorContext: { operation: 'group-membership', groupType: opts.groupType },
  });
}

/** OKTA_GROUP only: APP_GROUP memberships come from the source directory, BUILT_IN ones from Okta. */
export function addUserToGroup(client: OktaClient, groupId: string, userId: string, opts: MembershipOptions = {}): Promise<void> {
  return changeMembership(client, 'PUT', groupId, userId, opts);
}

export function removeUserFromGroup(
  client: OktaClient,
  groupId: string,
  userId: string,
  opts: MembershipOptions = {},
): Promise<void> {
  return changeMembership(client, 'DELETE', groupId, userId, opts);
}
