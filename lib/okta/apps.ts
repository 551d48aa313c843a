import type { OktaClient, Page } from './client';
import { listPage, quoteFilterValue, segment } from './call-options';
import type { CallOptions, ListOptions } from './call-options';
import { AppGroup, AppUser, Application } from './schemas';

const APPS = '/api/v1/apps';
const appPath = (id: string) => `${APPS}/${segment(id)}`;

export interface ListAppsOptions extends ListOptions {
  q?: string;
  /** Okta `filter`, e.g. `status eq "ACTIVE"`. */
  filter?: string;
}

/** Org-wide listing; defaults to background priority (sync). Okta's maximum `limit` is 200. */
export function listApps(client: OktaClient, opts: ListAppsOptions = {}): Promise<Page<Application>> {
  const { q, filter } = opts;
  return listPage(client, APPS, Application, { q, filter }, opts, 'background');
}

export async function getApp(client: OktaClient, appId: string, opts: CallOptions = {}): Promise<Application> {
  return (await client.request('GET', appPath(appId), { ...opts, schema: Application })).data;
}

export interface ListAppUsersOptions extends ListOptions {
  /** Prefix match on userName, first/last name and email. */
  q?: string;
  /** `user` embeds each Okta user under `_embedded.user`. */
  expand?: 'user';
}

/** Assignments of one app (scope USER: direct; GROUP: through a group). Max `limit` 500. */
export function listAppUsers(client: OktaClient, appId: string, opts: ListAppUsersOptions = {}): Promise<Page<AppUser>> {
  const { q, expand } = opts;
  return listPage(client, `${appPath(appId)}/users`, AppUser, { q, expand }, opts, 'background');
}

/**
 * Apps assigned to one user, each with that user's assignment under `_embedded.user`
 * (`scope` tells direct from group). Defaults to interactive priority (the panel).
 */
export function listUserApps(client: OktaClient, userId: string, opts: ListOptions = {}): Promise<Page<Application>> {
  const params = { filter: `user.id eq ${quoteFilterValue(userId)}`, expand: `user/${userId}` };
  return listPage(client, APPS, Application, params, opts, 'interactive');
}

export function listAppGroups(client: OktaClient, appId: string, opts: ListOptions = {}): Promise<Page<AppGroup>> {
  return listPage(client, `${appPath(appId)}/groups`, AppGroup, {}, opts, 'background');
}

export interface AssignAppOptions extends CallOptions {
  /** The app username; Okta derives it from the app's username format when omitted. */
  userName?: string;
  /** App profile attributes that are not mapped from Okta. */
  profile?: Record<string, unknown>;
}

export async function assignUserToApp(
  client: OktaClient,
  appId: string,
  userId: string,
  opts: AssignAppOptions = {},
): Promise<AppUser> {
  const body = {
    id: userId,
    scope: 'USER',
    ...(opts.userName !== undefined ? { credentials: { userName: opts.userName } } : {}),
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
  };
  return (await client.request('POST', `${appPath(appId)}/users`, { ...opts, schema: AppUser, json: body })).data;
}

/**
 * Removes a direct assignment; the app profile is lost and downstream deprovisioning may follow.
 * Okta refuses (E0000046) when the user also gets the app through a group.
 */
export async function unassignUserFromApp(
  client: OktaClient,
  appId: string,
  userId: string,
  opts: CallOptions & { sendEmail?: boolean } = {},
): Promise<void> {
  await client.request('DELETE', `${appPath(appId)}/users/${segment(userId)}`, {
    ...opts,
    searchParams: { sendEmail: opts.sendEmail ?? false },
  });
}
