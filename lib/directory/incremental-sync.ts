import { unwrap } from 'idb';
import { quoteFilterValue } from '@/lib/okta/call-options';
import { deleteKeys, inScope, putAll, scopedAppIds, scopedGroupIds, type PhaseSpec, type RunContext, type WriteTransaction } from './engine';
import { appUsersRequest, GroupMember, groupMembersRequest, PAGE_LIMITS } from './full-sync';
import { generationRange } from './generations';
import { Application, AppUser, Group, LogEvent, User } from '@/lib/okta/schemas';
import { toAppRecord, toAssignmentRecord, toGroupRecord, toUserRecord } from './records';
import { deleteSearchableUser, putSearchableUsers } from './search-parts';
import type { SyncCheckpoint } from './state';

/** System Log events that change the directory in ways the lastUpdated filters do not show. */
export const DIRECTORY_EVENT_TYPES = [
  'user.lifecycle.delete.initiated',
  'user.lifecycle.delete.completed',
  'group.lifecycle.delete',
  'group.user_membership.remove',
  'application.user_membership.add',
  'application.user_membership.remove',
  'application.user_membership.update',
] as const;

function added(list: string[], ids: Iterable<string>): string[] {
  return [...new Set([...list, ...ids])];
}

type Queues = SyncCheckpoint['queues'];

function withQueues(ctx: RunContext, change: Partial<Queues>): Partial<SyncCheckpoint> {
  return { queues: { ...ctx.cp.queues, ...change } };
}

function nextInQueue(queue: string[], after: string | null): string | null {
  const index = after === null ? 0 : queue.indexOf(after) + 1;
  return queue[index] ?? null;
}

function userRange(generation: number, userId: string): IDBKeyRange {
  return IDBKeyRange.only([generation, userId]);
}

function ownedRange(generation: number, ownerId: string): IDBKeyRange {
  return IDBKeyRange.bound([generation, ownerId], [generation, ownerId, []]);
}

/** After the last page of a re-listed group, app or user: drops what that listing no longer returned. */
async function dropUnconfirmed(
  tx: WriteTransaction,
  store: 'memberships' | 'assignments',
  by: 'owner' | 'user',
  generation: number,
  id: string,
  run: string,
): Promise<void> {
  const source = tx.objectStore(store);
  let cursor =
    by === 'owner'
      ? await source.openCursor(ownedRange(generation, id))
      : await source.index('by-user').openCursor(userRange(generation, id));
  while (cursor) {
    if (cursor.value.run !== run) await cursor.delete();
    cursor = await cursor.continue();
  }
}

async function removeUser(tx: WriteTransaction, generation: number, userId: string, withAssignments: boolean): Promise<void> {
  const range = userRange(generation, userId);
  const memberships = await tx.objectStore('memberships').index('by-user').getAllKeys(range);
  deleteKeys(tx, 'memberships', memberships);
  if (withAssignments) deleteKeys(tx, 'assignments', await tx.objectStore('assignments').index('by-user').getAllKeys(range));
  deleteSearchableUser(unwrap(tx), generation, userId);
}

/**
 * Users changed since the watermark (every status, so status changes arrive). A user whose status is
 * no longer synced is removed with their memberships (as a full sync would not list them); a user
 * who is new to the directory has their groups listed later, since no group listing may cover them.
 */
export function changedUsersPhase(ctx: RunContext): PhaseSpec<User> {
  const included = new Set(ctx.options.includeStatuses);
  return {
    phase: 'users',
    stores: ['users', 'memberships', 'searchChanges'],
    schema: User,
    request: () => ({
      path: '/api/v1/users',
      searchParams: { limit: PAGE_LIMITS.users, filter: `lastUpdated gt "${ctx.cp.since}"` },
    }),
    write: async ({ tx, items }) => {
      const generation = ctx.cp.generation;
      const kept = items.filter((user) => included.has(user.status));
      const users = tx.objectStore('users');
      const known = await Promise.all(kept.map((user) => users.getKey([generation, user.id])));
      for (const user of items) if (!included.has(user.status)) await removeUser(tx, generation, user.id, false);
      putSearchableUsers(unwrap(tx), generation, kept.map((user) => toUserRecord(user, generation)));
      const arrivals = ctx.options.importGroups ? kept.filter((_, index) => known[index] === undefined).map((user) => user.id) : [];
      return { written: items.length, patch: withQueues(ctx, { users: added(ctx.cp.queues.users, arrivals) }) };
    },
  };
}

/**
 * Groups changed or with membership changes since the watermark; the latter (in scope) are re-listed.
 * Everyone (BUILT_IN) is not: its membership changes only when users arrive or leave, which the
 * users, user-groups and System Log phases already apply, and re-listing it would cost a page per
 * thousand people in the org for every new hire.
 */
export function changedGroupsPhase(ctx: RunContext): PhaseSpec<Group> {
  const ids = scopedGroupIds(ctx.options);
  return {
    phase: 'groups',
    stores: ['groups'],
    schema: Group,
    request: () => ({
      path: '/api/v1/groups',
      searchParams: {
        limit: PAGE_LIMITS.groups,
        filter: `lastUpdated gt "${ctx.cp.since}" or lastMembershipUpdated gt "${ctx.cp.since}"`,
      },
    }),
    write: ({ tx, items }) => {
      const since = ctx.cp.since ?? '';
      putAll(tx, 'groups', items.map((group) => toGroupRecord(group, ctx.cp.generation)));
      const relist = items
        .filter((group) => inScope(ids, group.id))
        .filter((group) => {
          const isNew = (group.created ?? '') > since;
          if (group.type === 'BUILT_IN') return isNew;
          return isNew || !group.lastMembershipUpdated || group.lastMembershipUpdated > since;
        })
        .map((group) => group.id);
      return { written: items.length, patch: withQueues(ctx, { groups: added(ctx.cp.queues.groups, relist) }) };
    },
  };
}

/**
 * Apps are few (one or two pages) and Okta cannot filter them by lastUpdated, so they are listed
 * whole: new apps in scope get their users listed, apps gone from the list are removed.
 */
export function allAppsPhase(ctx: RunContext): PhaseSpec<Application> {
  const ids = scopedAppIds(ctx.options);
  return {
    phase: 'apps',
    stores: ['apps', 'assignments'],
    schema: Application,
    request: () => ({ path: '/api/v1/apps', searchParams: { limit: PAGE_LIMITS.apps } }),
    write: async ({ tx, items, lastPage }) => {
      const generation = ctx.cp.generation;
      const apps = tx.objectStore('apps');
      const known = await Promise.all(items.map((app) => apps.getKey([generation, app.id])));
      putAll(tx, 'apps', items.map((app) => toAppRecord(app, generation)));
      const arrivals = items.filter((app, index) => known[index] === undefined && inScope(ids, app.id)).map((app) => app.id);
      const seen = added(ctx.cp.queues.seenApps, items.map((app) => app.id));
      if (lastPage) {
        const listed = new Set(seen);
        for (const [, appId] of await apps.getAllKeys(generationRange(generation))) {
          if (listed.has(appId)) continue;
          deleteKeys(tx, 'apps', [[generation, appId]]);
          deleteKeys(tx, 'assignments', [ownedRange(generation, appId)]);
        }
      }
      return {
        written: items.length,
        patch: withQueues(ctx, { newApps: added(ctx.cp.queues.newApps, arrivals), seenApps: lastPage ? [] : seen }),
      };
    },
  };
}

export function relistGroupsPhase(ctx: RunContext): PhaseSpec<{ id: string; status: string }> {
  const included = new Set(ctx.options.includeStatuses);
  return {
    phase: 'memberships',
    stores: ['memberships'],
    schema: GroupMember,
    missingIsEmpty: true,
    nextTarget: async (after) => nextInQueue(ctx.cp.queues.groups, after),
    countTargets: async () => ctx.cp.queues.groups.length,
    request: (groupId) => groupMembersRequest(groupId ?? ''),
    write: async ({ tx, items, target, lastPage }) => {
      const { generation, runId } = ctx.cp;
      const groupId = target ?? '';
      const records = items
        .filter((member) => included.has(member.status))
        .map((member) => ({ generation, groupId, userId: member.id, run: runId }));
      putAll(tx, 'memberships', records);
      if (lastPage) await dropUnconfirmed(tx, 'memberships', 'owner', generation, groupId, runId);
      return { written: records.length };
    },
  };
}

/** The groups of users new to the directory, for groups in the directory and in scope. */
export function userGroupsPhase(ctx: RunContext): PhaseSpec<Group> {
  const ids = scopedGroupIds(ctx.options);
  return {
    phase: 'userGroups',
    stores: ['groups', 'memberships'],
    schema: Group,
    missingIsEmpty: true,
    nextTarget: async (after) => nextInQueue(ctx.cp.queues.users, after),
    countTargets: async () => ctx.cp.queues.users.length,
    request: (userId) => ({ path: `/api/v1/users/${encodeURIComponent(userId ?? '')}/groups` }),
    write: async ({ tx, items, target, lastPage }) => {
      const { generation, runId } = ctx.cp;
      const userId = target ?? '';
      const groups = tx.objectStore('groups');
      const stored = await Promise.all(items.map((group) => groups.getKey([generation, group.id])));
      const records = items
        .filter((group, index) => stored[index] !== undefined && inScope(ids, group.id))
        .map((group) => ({ generation, groupId: group.id, userId, run: runId }));
      putAll(tx, 'memberships', records);
      if (lastPage) await dropUnconfirmed(tx, 'memberships', 'user', generation, userId, runId);
      return { written: records.length };
    },
  };
}

function targetOf(event: LogEvent, types: readonly string[]): string | null {
  return event.target?.find((target) => types.includes(target.type))?.id ?? null;
}

/**
 * Deletions and app assignment changes from the System Log since the watermark. The query has no
 * `until`: events Okta stamped after this machine's clock (skew) are still read, and the listing
 * ends on the first empty page.
 * Group membership removals are applied only for groups that are not re-listed in this run: a
 * re-listed group is already exact, and replaying an older removal on it could undo a later add.
 */
export function logEventsPhase(ctx: RunContext): PhaseSpec<LogEvent> {
  return {
    phase: 'logs',
    stores: ['users', 'groups', 'memberships', 'assignments', 'searchChanges'],
    schema: LogEvent,
    endsOnEmptyPage: true,
    request: () => ({
      path: '/api/v1/logs',
      searchParams: {
        since: ctx.cp.since ?? '',
        sortOrder: 'ASCENDING',
        limit: PAGE_LIMITS.logs,
        filter: DIRECTORY_EVENT_TYPES.map((type) => `eventType eq "${type}"`).join(' or '),
      },
    }),
    write: async ({ tx, items }) => {
      const generation = ctx.cp.generation;
      const relisted = new Set(ctx.cp.queues.groups);
      let { users, appUsers } = ctx.cp.queues;
      let applied = 0;
      for (const event of items) {
        const userId = targetOf(event, ['User', 'AppUser']);
        const groupId = targetOf(event, ['UserGroup']);
        switch (event.eventType) {
          // Deletion runs asynchronously in Okta; either event means the user is leaving the directory.
          case 'user.lifecycle.delete.initiated':
          case 'user.lifecycle.delete.completed':
            if (!userId) continue;
            await removeUser(tx, generation, userId, true);
            users = users.filter((id) => id !== userId);
            appUsers = appUsers.filter((id) => id !== userId);
            break;
          case 'group.lifecycle.delete':
            if (!groupId) continue;
            deleteKeys(tx, 'groups', [[generation, groupId]]);
            deleteKeys(tx, 'memberships', [ownedRange(generation, groupId)]);
            break;
          case 'group.user_membership.remove':
            if (!userId || !groupId || relisted.has(groupId)) continue;
            deleteKeys(tx, 'memberships', [[generation, groupId, userId]]);
            break;
          case 'application.user_membership.add':
          case 'application.user_membership.remove':
          case 'application.user_membership.update':
            if (!userId) continue;
            appUsers = added(appUsers, [userId]);
            break;
          default:
            continue;
        }
        applied += 1;
      }
      return { written: applied, patch: withQueues(ctx, { users, appUsers }) };
    },
  };
}

/** Re-lists the apps of users whose assignments changed, and replaces their assignments. */
export function userAppsPhase(ctx: RunContext): PhaseSpec<Application> {
  const ids = scopedAppIds(ctx.options);
  return {
    phase: 'userApps',
    stores: ['assignments'],
    schema: Application,
    missingIsEmpty: true,
    nextTarget: async (after) => nextInQueue(ctx.cp.queues.appUsers, after),
    countTargets: async () => ctx.cp.queues.appUsers.length,
    request: (userId) => ({
      path: '/api/v1/apps',
      searchParams: { filter: `user.id eq ${quoteFilterValue(userId ?? '')}`, expand: `user/${userId}`, limit: PAGE_LIMITS.apps },
    }),
    write: async ({ tx, items, target, lastPage }) => {
      const { generation, runId } = ctx.cp;
      const userId = target ?? '';
      const records = items
        .filter((app) => inScope(ids, app.id))
        .map((app) => toAssignmentRecord(app.id, app._embedded?.user ?? { id: userId, scope: 'USER' }, generation, runId));
      putAll(tx, 'assignments', records);
      if (lastPage) await dropUnconfirmed(tx, 'assignments', 'user', generation, userId, runId);
      return { written: records.length };
    },
  };
}

export function newAppAssignmentsPhase(ctx: RunContext): PhaseSpec<AppUser> {
  return {
    phase: 'newAppAssignments',
    stores: ['assignments'],
    schema: AppUser,
    missingIsEmpty: true,
    nextTarget: async (after) => nextInQueue(ctx.cp.queues.newApps, after),
    countTargets: async () => ctx.cp.queues.newApps.length,
    request: (appId) => appUsersRequest(appId ?? ''),
    write: ({ tx, items, target }) => {
      const { generation, runId } = ctx.cp;
      putAll(tx, 'assignments', items.map((appUser) => toAssignmentRecord(target ?? '', appUser, generation, runId)));
      return { written: items.length };
    },
  };
}
