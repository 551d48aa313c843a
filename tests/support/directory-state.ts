import type { Page } from '@playwright/test';
import type { FakeOrg } from '../fake-okta/org';
import { DEFAULT_INCLUDED_STATUSES } from '../../lib/settings/schema';
import { sendFromExtensionPage } from './extension';

/**
 * The directory reduced to what Okta says about each record, keyed so two directories compare
 * field by field: the extension's published generation on one side, the fake org on the other.
 */
export interface DirectoryState {
  users: Record<string, Record<string, unknown>>;
  groups: Record<string, Record<string, unknown>>;
  apps: Record<string, Record<string, unknown>>;
  /** "groupId userId", sorted. */
  memberships: string[];
  /** "appId userId scope userName", sorted. */
  assignments: string[];
}

/**
 * Reads the published generation of the extension's `deskside-directory` database from an
 * extension page (raw IndexedDB, so nothing of the extension's code is trusted for the read).
 */
export async function readExtensionDirectory(page: Page): Promise<DirectoryState & { generation: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('deskside-directory');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const request = <T>(r: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(r.error);
      });
    const tx = db.transaction(['syncState', 'users', 'groups', 'apps', 'memberships', 'assignments']);
    const published = (await request(tx.objectStore('syncState').get('published'))) as { generation: number } | undefined;
    const generation = published?.generation ?? 0;
    const range = IDBKeyRange.bound([generation], [generation, []]);
    const all = (store: string) => request(tx.objectStore(store).getAll(range)) as Promise<Record<string, unknown>[]>;
    const [users, groups, apps, memberships, assignments] = await Promise.all(['users', 'groups', 'apps', 'memberships', 'assignments'].map(all));
    db.close();
    const byId = (records: Record<string, unknown>[], fields: string[]) =>
      Object.fromEntries(records.map((r) => [r.id as string, Object.fromEntries(fields.map((f) => [f, r[f]]))]));
    return {
      generation,
      users: byId(users!, ['status', 'created', 'activated', 'statusChanged', 'lastLogin', 'lastUpdated', 'passwordChanged', 'typeId', 'provider', 'profile']),
      groups: byId(groups!, ['type', 'name', 'description', 'created', 'lastUpdated', 'lastMembershipUpdated']),
      apps: byId(apps!, ['name', 'label', 'status', 'signOnMode', 'created', 'lastUpdated']),
      memberships: memberships!.map((m) => `${m.groupId} ${m.userId}`).sort(),
      assignments: assignments!.map((a) => `${a.appId} ${a.userId} ${a.scope} ${a.userName}`).sort(),
    };
  });
}

/** What a full sync of `org` must produce with the given synced statuses (the settings' default unless told). */
export function expectedDirectory(org: FakeOrg, statuses: readonly string[] = DEFAULT_INCLUDED_STATUSES): DirectoryState {
  const included = new Set(statuses);
  const users = org.users.filter((u) => included.has(u.status));
  const synced = new Set(users.map((u) => u.id));
  return {
    users: Object.fromEntries(
      users.map((u) => [
        u.id,
        {
          status: u.status,
          created: u.created,
          activated: u.activated,
          statusChanged: u.statusChanged,
          lastLogin: u.lastLogin,
          lastUpdated: u.lastUpdated,
          passwordChanged: u.passwordChanged,
          typeId: u.typeId,
          provider: { type: u.provider.type, name: u.provider.name },
          profile: { ...u.profile },
        },
      ]),
    ),
    groups: Object.fromEntries(
      org.groups.map((g) => [
        g.id,
        {
          type: g.type,
          name: g.profile.name,
          description: g.profile.description ?? null,
          created: g.created,
          lastUpdated: g.lastUpdated,
          lastMembershipUpdated: g.lastMembershipUpdated,
        },
      ]),
    ),
    apps: Object.fromEntries(
      org.apps.map((a) => [
        a.id,
        { name: a.name, label: a.label, status: a.status, signOnMode: a.signOnMode, created: a.created, lastUpdated: a.lastUpdated },
      ]),
    ),
    memberships: org.groups.flatMap((g) => org.membersOf(g.id).filter((id) => synced.has(id)).map((id) => `${g.id} ${id}`)).sort(),
    assignments: org.apps.flatMap((a) => org.appUsersOf(a.id).map((r) => `${a.id} ${r.userId} ${r.scope} ${r.userName}`)).sort(),
  };
}

export interface SyncHealthView {
  running: boolean;
  phase: string | null;
  lastSuccessAt: string | null;
  lastError: { code: string | null; sentence: string; at: string } | null;
  counts: { users: number; groups: number; apps: number };
}

export async function syncHealth(page: Page): Promise<SyncHealthView | null> {
  const status = await sendFromExtensionPage<{ sync: SyncHealthView | null }>(page, 'getStatus');
  return status.sync;
}

/**
 * Waits until no sync runs and the last success or failure is newer than `after` (ISO time);
 * returns the health then. Polls the background through `getStatus`, as the options page does.
 */
export async function waitForSyncEnd(page: Page, after: string, timeoutMs = 120_000): Promise<SyncHealthView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const health = await syncHealth(page).catch(() => null);
    const ended = health && !health.running && ((health.lastSuccessAt ?? '') > after || (health.lastError?.at ?? '') > after);
    if (ended) return health;
    if (Date.now() > deadline) throw new Error(`No sync ended within ${timeoutMs} ms; last health: ${JSON.stringify(health)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
