import type { DirectoryDb } from './db';
import { DIRECTORY_STORES } from './generations';
import { acquireLease } from './lease';
import { announceSearchChange } from './search-parts';

/**
 * Empties the directory and its sync state (on disconnect or a change of org); the audit log
 * stays. Returns false, changing nothing, while a sync holds the lease.
 */
export async function clearDirectory(db: DirectoryDb, now = Date.now()): Promise<boolean> {
  if (!(await acquireLease(db, `clear:${crypto.randomUUID()}`, now))) return false;
  const tx = db.transaction([...DIRECTORY_STORES, 'syncState'], 'readwrite');
  await Promise.all([...DIRECTORY_STORES.map((store) => tx.objectStore(store).clear()), tx.objectStore('syncState').clear(), tx.done]);
  announceSearchChange();
  return true;
}
