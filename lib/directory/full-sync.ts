import type { DirectoryDb } from './db';
import { inScope, putAll, scopedAppIds, scopedGroupIds, type PhaseSpec, type RunContext } from './engine';
import { generationRange } from './generations';
import { Application, AppUser, Group, User } from '@/lib/okta/schemas';
import { toAppRecord, toAssignmentRecord, toGroupRecord, toUserRecord } from './records';

/** A group member as the directory needs it: who, and whether their status is synced. */
export const GroupMember = User.pick({ id: true, status: true });

/** Page sizes: Okta's maximum per endpoint (okta-api.md §4), fewer requests against the rate limits. */
export const PAGE_LIMITS = { users: 200, groups: 200, apps: 200, groupMembers: 1000, appUsers: 500, logs: 1000 } as const;

/** A plain list leaves out DEPROVISIONED users, so the statuses are always asked for by filter. */
export function statusFilter(statuses: readonly string[]): string {
  return statuses.map((status) => `status eq "${status}"`).join(' or ');
}

/** The next id after `after` in one generation of groups or apps, skipping ids out of scope. */
export async function nextIdInStore(
  db: DirectoryDb,
  store: 'groups' | 'apps',
  generation: number,
  after: string | null,
  ids: readonly string[] | null,
): Promise<string | null> {
  let range =
    after === null ? generationRange(generation) : IDBKeyRange.bound([generation, after], [generation, []], true);
  for (;;) {
    const keys = await db.getAllKeys(store, range, 100);
    for (const [, id] of keys) if (inScope(ids, id)) return id;
    const last = keys.at(-1);
    if (!last || keys.length < 100) return null;
    range = IDBKeyRange.bound(last, [generation, []], true);
  }
}

export async function countIdsInStore(
  db: DirectoryDb,
  store: 'groups' | 'apps',
  generation: number,
  ids: readonly string[] | null,
): Promise<number> {
  if (ids === null) return db.count(store, generationRange(generation));
  const keys = await db.getAllKeys(store, generationRange(generation));
  return keys.filter(([, id]) => ids.includes(id)).length;
}

export function usersPhase(ctx: RunContext): PhaseSpec<User> {
  const included = new Set(ctx.options.includeStatuses);
  return {
    phase: 'users',
    stores: ['users'],
    schema: User,
    request: () => ({
      path: '/api/v1/users',
      searchParams: { limit: PAGE_LIMITS.users, filter: statusFilter(ctx.options.includeStatuses) },
    }),
    write: ({ tx, items }) => {
      const generation = ctx.cp.generation;
      const records = items.filter((user) => included.has(user.status)).map((user) => toUserRecord(user, generation));
      putAll(tx, 'users', records);
      return { written: records.length };
    },
  };
}

export function groupsPhase(ctx: RunContext): PhaseSpec<Group> {
  return {
    phase: 'groups',
    stores: ['groups'],
    schema: Group,
    request: () => ({ path: '/api/v1/groups', searchParams: { limit: PAGE_LIMITS.groups } }),
    write: ({ tx, items }) => {
      putAll(tx, 'groups', items.map((group) => toGroupRecord(group, ctx.cp.generation)));
      return { written: items.length };
    },
  };
}

export function appsPhase(ctx: RunContext): PhaseSpec<Application> {
  return {
    phase: 'apps',
    stores: ['apps'],
    schema: Application,
    request: () => ({ path: '/api/v1/apps', searchParams: { limit: PAGE_LIMITS.apps } }),
    write: ({ tx, items }) => {
      putAll(tx, 'apps', items.map((app) => toAppRecord(app, ctx.cp.generation)));
      return { written: items.length };
    },
  };
}

/** Lists the members of one group; only members whose status is synced are kept, as in the users phase. */
export function groupMembersRequest(groupId: string) {
  return { path: `/api/v1/groups/${encodeURIComponent(groupId)}/users`, searchParams: { limit: PAGE_LIMITS.groupMembers } };
}

export function appUsersRequest(appId: string) {
  return { path: `/api/v1/apps/${encodeURIComponent(appId)}/users`, searchParams: { limit: PAGE_LIMITS.appUsers } };
}

export function membershipsPhase(ctx: RunContext): PhaseSpec<{ id: string; status: string }> {
  const included = new Set(ctx.options.includeStatuses);
  const ids = scopedGroupIds(ctx.options);
  return {
    phase: 'memberships',
    stores: ['memberships'],
    schema: GroupMember,
    missingIsEmpty: true,
    nextTarget: (after) => nextIdInStore(ctx.db, 'groups', ctx.cp.generation, after, ids),
    countTargets: () => countIdsInStore(ctx.db, 'groups', ctx.cp.generation, ids),
    request: (groupId) => groupMembersRequest(groupId ?? ''),
    write: ({ tx, items, target }) => {
      const { generation, runId } = ctx.cp;
      const groupId = target ?? '';
      const records = items
        .filter((member) => included.has(member.status))
        .map((member) => ({ generation, groupId, userId: member.id, run: runId }));
      putAll(tx, 'memberships', records);
      return { written: records.length };
    },
  };
}

export function assignmentsPhase(ctx: RunContext): PhaseSpec<AppUser> {
  const ids = scopedAppIds(ctx.options);
  return {
    phase: 'assignments',
    stores: ['assignments'],
    schema: AppUser,
    missingIsEmpty: true,
    nextTarget: (after) => nextIdInStore(ctx.db, 'apps', ctx.cp.generation, after, ids),
    countTargets: () => countIdsInStore(ctx.db, 'apps', ctx.cp.generation, ids),
    request: (appId) => appUsersRequest(appId ?? ''),
    write: ({ tx, items, target }) => {
      const { generation, runId } = ctx.cp;
      putAll(tx, 'assignments', items.map((appUser) => toAssignmentRecord(target ?? '', appUser, generation, runId)));
      return { written: items.length };
    },
  };
}
