import type { DirectoryDb } from './db';
import { STATE_KEYS, type SyncLease } from './state';

/** A sync renews its lease with every page; a worker that died stops blocking others after this long. */
export const LEASE_TTL_MS = 2 * 60 * 1000;

export class LeaseLostError extends Error {
  override name = 'LeaseLostError';
  constructor() {
    super('Another sync took over after this one stopped renewing its lease; this one stopped without writing more.');
  }
}

export function leaseFor(owner: string, now: number): SyncLease {
  return { owner, expiresAt: now + LEASE_TTL_MS };
}

/**
 * Takes the sync lease unless another live owner holds it. `takeOver` ignores a live lease: for a
 * worker that has just started, whose predecessor (the only other possible holder) is gone.
 */
export async function acquireLease(db: DirectoryDb, owner: string, now = Date.now(), takeOver = false): Promise<boolean> {
  const tx = db.transaction('syncState', 'readwrite');
  const current = (await tx.store.get(STATE_KEYS.lease)) as SyncLease | undefined;
  if (!takeOver && current && current.owner !== owner && current.expiresAt > now) {
    await tx.done;
    return false;
  }
  await tx.store.put(leaseFor(owner, now), STATE_KEYS.lease);
  await tx.done;
  return true;
}

export async function releaseLease(db: DirectoryDb, owner: string): Promise<void> {
  const tx = db.transaction('syncState', 'readwrite');
  const current = (await tx.store.get(STATE_KEYS.lease)) as SyncLease | undefined;
  if (current?.owner === owner) await tx.store.delete(STATE_KEYS.lease);
  await tx.done;
}
