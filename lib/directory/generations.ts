import type { DirectoryDb } from './db';

export const DIRECTORY_STORES = ['users', 'groups', 'apps', 'memberships', 'assignments', 'searchParts', 'searchChanges'] as const;
export type DirectoryDataStore = (typeof DIRECTORY_STORES)[number];

/*
 * Keys are arrays that start with the generation, and IndexedDB orders [g] before [g, …] before
 * [g + 1], so a whole generation, or everything older or newer, is one key range: one delete call
 * per store instead of a cursor over 100k records.
 */
export function generationRange(generation: number): IDBKeyRange {
  return IDBKeyRange.bound([generation], [generation, []]);
}

async function deleteRange(db: DirectoryDb, range: IDBKeyRange): Promise<void> {
  for (const name of DIRECTORY_STORES) {
    const tx = db.transaction(name, 'readwrite');
    await Promise.all([tx.store.delete(range), tx.done]);
  }
}

/** Removes every generation older than the published one. */
export function sweepOlderThan(db: DirectoryDb, generation: number): Promise<void> {
  return deleteRange(db, IDBKeyRange.upperBound([generation], true));
}

/** Removes records of generations newer than the published one: unfinished or failed full syncs. */
export function discardNewerThan(db: DirectoryDb, generation: number): Promise<void> {
  return deleteRange(db, IDBKeyRange.lowerBound([generation + 1]));
}
