import { unwrap } from 'idb';
import type { DirectoryDb } from './db';
import { Application, UserFactor, Group, User } from '@/lib/okta/schemas';
import {
  toAppRecord,
  toAssignmentRecord,
  toFactorRecord,
  toGroupRecord,
  toUserRecord,
  type AppRecord,
  type AssignmentRecord,
  type FactorRecord,
  type GroupRecord,
  type UserRecord,
} from './records';
import { isNotFound, type OktaPageSource, type PageRequestOptions } from './source';
import { quoteFilterValue } from '@/lib/okta/call-options';
import { announceSearchChange, deleteSearchableUser, putSearchableUsers } from './search-parts';
import { publishedGenerationIn } from './state';
import { normalizeText } from './tokens';
import type { z } from 'zod';

export interface UserAppView {
  app: AppRecord;
  assignment: AssignmentRecord;
}

/** One person as the panel shows them. `factors` is present only after a live refresh. */
export interface UserView {
  user: UserRecord;
  groups: GroupRecord[];
  apps: UserAppView[];
  factors: FactorRecord[] | null;
  /** 'cache': read from the directory; 'live': just fetched from Okta. */
  source: 'cache' | 'live';
}

export type UserLookup = { id: string } | { email: string } | { login: string };

const VIEW_STORES = ['syncState', 'users', 'groups', 'apps', 'memberships', 'assignments'] as const;

function byName<T>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => name(a).localeCompare(name(b));
}

/** The cached user with their groups and apps, read in one transaction from the published generation. */
export async function getUserView(db: DirectoryDb, lookup: UserLookup): Promise<UserView | null> {
  const tx = db.transaction([...VIEW_STORES]);
  const generation = await publishedGenerationIn(tx.objectStore('syncState'));
  const users = tx.objectStore('users');
  const user =
    'id' in lookup
      ? await users.get([generation, lookup.id])
      : 'email' in lookup
        ? await users.index('email').get([generation, normalizeText(lookup.email)])
        : await users.index('login').get([generation, normalizeText(lookup.login)]);
  if (!user) return null;
  const key = IDBKeyRange.only([generation, user.id]);
  const [memberships, assignments] = await Promise.all([
    tx.objectStore('memberships').index('by-user').getAll(key),
    tx.objectStore('assignments').index('by-user').getAll(key),
  ]);
  const [groups, apps] = await Promise.all([
    Promise.all(memberships.map((membership) => tx.objectStore('groups').get([generation, membership.groupId]))),
    Promise.all(assignments.map((assignment) => tx.objectStore('apps').get([generation, assignment.appId]))),
  ]);
  return {
    user,
    groups: groups.filter((group): group is GroupRecord => group !== undefined).sort(byName((group) => group.name)),
    apps: assignments
      .map((assignment, index) => ({ app: apps[index], assignment }))
      .filter((view): view is UserAppView => view.app !== undefined)
      .sort(byName((view) => view.app.label)),
    factors: user.factors?.items ?? null,
    source: 'cache',
  };
}

async function listAll<T>(source: OktaPageSource, path: string, schema: z.ZodType<T>, options: PageRequestOptions): Promise<T[]> {
  const items: T[] = [];
  let page = await source.getPage(path, schema, options);
  items.push(...page.items);
  while (page.next) {
    page = await source.getPage(page.next, schema, { priority: options.priority, ...(options.signal ? { signal: options.signal } : {}) });
    items.push(...page.items);
  }
  return items;
}

/** A user deleted in Okta answers 404 on their sub-resources; the empty user list then says so. */
async function emptyIfNotFound<T>(listing: Promise<T[]>): Promise<T[]> {
  try {
    return await listing;
  } catch (error) {
    if (isNotFound(error)) return [];
    throw error;
  }
}

function userFilter(lookup: UserLookup): string {
  if ('id' in lookup) return `id eq ${quoteFilterValue(lookup.id)}`;
  if ('email' in lookup) return `profile.email eq ${quoteFilterValue(lookup.email)}`;
  return `profile.login eq ${quoteFilterValue(lookup.login)}`;
}

function relatedListings(source: OktaPageSource, userId: string, request: PageRequestOptions) {
  const id = encodeURIComponent(userId);
  return Promise.all([
    emptyIfNotFound(listAll(source, `/api/v1/users/${id}/groups`, Group, request)),
    emptyIfNotFound(
      listAll(source, '/api/v1/apps', Application, {
        ...request,
        searchParams: { filter: `user.id eq ${quoteFilterValue(userId)}`, expand: `user/${userId}` },
      }),
    ),
    emptyIfNotFound(listAll(source, `/api/v1/users/${id}/factors`, UserFactor, request)),
  ]);
}

/**
 * Fetches one user (by id, email or login), their groups, apps and factors from Okta at
 * interactive priority, replaces what the directory holds for them (in the published generation),
 * and returns the fresh view. By id the four requests go out together; by email or login the
 * user comes first. Returns null, and removes the user from the directory, when Okta has no such user.
 */
export async function refreshUser(
  db: DirectoryDb,
  source: OktaPageSource,
  lookup: UserLookup,
  options: { signal?: AbortSignal; now?: () => number } = {},
): Promise<UserView | null> {
  const request: PageRequestOptions = { priority: 'interactive', ...(options.signal ? { signal: options.signal } : {}) };
  const usersRequest = listAll(source, '/api/v1/users', User, { ...request, searchParams: { filter: userFilter(lookup) } });
  let users: User[];
  let groups: Group[];
  let apps: Application[];
  let factors: UserFactor[];
  if ('id' in lookup) {
    [users, [groups, apps, factors]] = await Promise.all([usersRequest, relatedListings(source, lookup.id, request)]);
  } else {
    users = await usersRequest;
    const found = users[0];
    if (!found) return null;
    [groups, apps, factors] = await relatedListings(source, found.id, request);
  }
  const userId = 'id' in lookup ? lookup.id : (users[0]?.id ?? '');
  const fetched = users.find((user) => user.id === userId);
  const now = new Date((options.now ?? Date.now)()).toISOString();

  const tx = db.transaction(['syncState', 'users', 'groups', 'apps', 'memberships', 'assignments', 'searchChanges'], 'readwrite');
  const generation = await publishedGenerationIn(tx.objectStore('syncState'));
  const key = IDBKeyRange.only([generation, userId]);
  const [oldMemberships, oldAssignments, storedGroups, storedApps] = await Promise.all([
    tx.objectStore('memberships').index('by-user').getAllKeys(key),
    tx.objectStore('assignments').index('by-user').getAllKeys(key),
    Promise.all(groups.map((group) => tx.objectStore('groups').getKey([generation, group.id]))),
    Promise.all(apps.map((app) => tx.objectStore('apps').getKey([generation, app.id]))),
  ]);
  const memberships = unwrap(tx.objectStore('memberships'));
  const assignments = unwrap(tx.objectStore('assignments'));
  for (const old of oldMemberships) memberships.delete(old);
  for (const old of oldAssignments) assignments.delete(old);
  if (!fetched) {
    deleteSearchableUser(unwrap(tx), generation, userId);
    await tx.done;
    announceSearchChange();
    return null;
  }
  const run = `refresh:${now}`;
  const factorRecords = factors.map(toFactorRecord);
  const user: UserRecord = { ...toUserRecord(fetched, generation), factors: { fetchedAt: now, items: factorRecords } };
  putSearchableUsers(unwrap(tx), generation, [user]);
  // Only groups and apps the directory holds get cached links, so every stored link resolves.
  groups.forEach((group, index) => {
    if (storedGroups[index] !== undefined) memberships.put({ generation, groupId: group.id, userId, run });
  });
  const appViews = apps.map((app) => ({
    app: toAppRecord(app, generation),
    assignment: toAssignmentRecord(app.id, app._embedded?.user ?? { id: userId, scope: 'USER' }, generation, run),
  }));
  appViews.forEach((view, index) => {
    if (storedApps[index] !== undefined) assignments.put(view.assignment);
  });
  await tx.done;
  announceSearchChange();
  return {
    user,
    groups: groups.map((group) => toGroupRecord(group, generation)).sort(byName((group) => group.name)),
    apps: appViews.sort(byName((view) => view.app.label)),
    factors: factorRecords,
    source: 'live',
  };
}
