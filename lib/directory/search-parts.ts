import type { DirectoryDb } from './db';
import { generationRange } from './generations';
import type { UserRecord } from './records';
import { searchPartOf, searchRowOf, type SearchRow } from './search-rows';

/** Users per part: a part's JSON (about 2 MB) is stored outside IndexedDB's database file and read back in one piece. */
export const SEARCH_PART_USERS = 10_000;
const USERS_READ_AT_ONCE = 1_000;
/** Key [generation, 0] holds how many parts follow; it is written last, so a reader never takes half a set. */
const PART_COUNT = 0;

const CHANNEL_NAME = 'deskside:directory-search';

/**
 * Writes the search parts of `generation` from its users. Readers use them only once the count is
 * written, last; until then (and when this fails) they search IndexedDB.
 */
export async function writeSearchParts(db: DirectoryDb, generation: number, usersPerPart = SEARCH_PART_USERS): Promise<void> {
  await db.delete('searchParts', generationRange(generation));
  let range = generationRange(generation);
  let rows: SearchRow[] = [];
  let parts = 0;
  const flush = async () => {
    parts += 1;
    await db.put('searchParts', JSON.stringify(searchPartOf(rows)), [generation, parts]);
    rows = [];
  };
  for (;;) {
    const batch = await db.getAll('users', range, USERS_READ_AT_ONCE);
    for (const user of batch) rows.push(searchRowOf(user));
    while (rows.length >= usersPerPart) {
      const rest = rows.slice(usersPerPart);
      rows = rows.slice(0, usersPerPart);
      await flush();
      rows = rest;
    }
    const last = batch.at(-1);
    if (!last || batch.length < USERS_READ_AT_ONCE) break;
    range = IDBKeyRange.bound([generation, last.id], [generation, []], true);
  }
  if (rows.length > 0) await flush();
  await db.put('searchParts', String(parts), [generation, PART_COUNT]);
}

export async function hasSearchParts(db: DirectoryDb, generation: number): Promise<boolean> {
  return (await db.getKey('searchParts', [generation, PART_COUNT])) !== undefined;
}

/** The parts of `generation` in order, or null when they are missing or incomplete. */
export function completeParts(stored: { key: [number, number]; value: string }[]): string[] | null {
  const count = stored.find(({ key }) => key[1] === PART_COUNT);
  if (!count) return null;
  const parts = stored.filter(({ key }) => key[1] !== PART_COUNT).map(({ value }) => value);
  return parts.length === Number(count.value) ? parts : null;
}

function recordSearchChange(tx: IDBTransaction, generation: number, id: string, user: UserRecord | null): void {
  tx.objectStore('searchChanges').put({ row: user ? searchRowOf(user) : null }, [generation, id]);
}

/**
 * Puts users into the published generation and records them for the in-memory search, in `tx`
 * (which holds the users and searchChanges stores), so pages never search a copy older than the users.
 */
export function putSearchableUsers(tx: IDBTransaction, generation: number, users: UserRecord[]): void {
  for (const user of users) {
    tx.objectStore('users').put(user);
    recordSearchChange(tx, generation, user.id, user);
  }
}

/** Deletes a user from the published generation and from what pages search, in `tx`. */
export function deleteSearchableUser(tx: IDBTransaction, generation: number, userId: string): void {
  tx.objectStore('users').delete([generation, userId]);
  recordSearchChange(tx, generation, userId, null);
}

/** Tells open extension pages that the searchable directory changed (a publish, a sync's changes, a refresh). */
export function announceSearchChange(): void {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.postMessage('changed');
  channel.close();
}

/** Calls `listener` when the worker announces a change; returns the unsubscribe. */
export function watchSearchChanges(listener: () => void): () => void {
  const channel = new BroadcastChannel(CHANNEL_NAME);
  channel.onmessage = () => listener();
  return () => channel.close();
}
