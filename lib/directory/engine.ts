import { unwrap, type IDBPTransaction } from 'idb';
import type { z } from 'zod';
import type { DirectoryDb, DirectorySchema, DirectoryStore } from './db';
import type { DirectoryDataStore } from './generations';
import { LeaseLostError, leaseFor } from './lease';
import type { ProgressTracker } from './progress';
import { isNotFound, type OktaPageSource } from './source';
import { STATE_KEYS, type SyncCheckpoint, type SyncLease, type SyncPhase, type SyncProgress } from './state';

/** What a sync reads from settings (structurally the `sync` part of lib/settings). */
export interface SyncOptions {
  includeStatuses: readonly string[];
  importGroups: boolean;
  scope: { mode: 'all' } | { mode: 'selected'; groupIds: readonly string[]; appIds: readonly string[] };
}

/** Awaited before each page is written: lets agents' reads go first (reader-activity.ts). */
export type BeforeWrite = (signal: AbortSignal | undefined) => Promise<void>;

export interface RunContext {
  db: DirectoryDb;
  source: OktaPageSource;
  options: SyncOptions;
  /** Who holds the lease for this run. */
  owner: string;
  signal: AbortSignal | undefined;
  now: () => number;
  progress: ProgressTracker;
  onProgress: ((progress: SyncProgress) => void) | undefined;
  beforeWrite: BeforeWrite | undefined;
  cp: SyncCheckpoint;
}

export type WriteTransaction = IDBPTransaction<DirectorySchema, DirectoryStore[], 'readwrite'>;

export interface PageWrite<T> {
  tx: WriteTransaction;
  items: T[];
  target: string | null;
  /** True on the last page of the current listing. */
  lastPage: boolean;
}

/** Records written by a page and anything the page adds to the checkpoint (queues found on the way). */
export interface PageWritten {
  written: number;
  patch?: Partial<SyncCheckpoint>;
}

export interface PhaseSpec<T> {
  phase: SyncPhase;
  stores: DirectoryDataStore[];
  schema: z.ZodType<T>;
  request(target: string | null): { path: string; searchParams?: Record<string, string | number> };
  /** Phases that list something per group, app or user: the one after `after` (null: the first). */
  nextTarget?: (after: string | null) => Promise<string | null>;
  /** How many targets the phase walks, counted when it starts. */
  countTargets?: () => Promise<number>;
  /** System Log polling queries always carry a next link; an empty page means caught up. */
  endsOnEmptyPage?: boolean;
  /** Per-target listings of something deleted meanwhile (404) count as empty instead of failing the sync. */
  missingIsEmpty?: boolean;
  /** Queues puts and deletes on `tx`. It may await requests of `tx`, nothing else, or the transaction commits early. */
  write(page: PageWrite<T>): PageWritten | Promise<PageWritten>;
}

/** Puts without a promise per record: a failed put aborts the transaction, and `tx.done` reports it. */
export function putAll<S extends DirectoryDataStore>(tx: WriteTransaction, store: S, records: DirectorySchema[S]['value'][]): void {
  const raw = unwrap(tx.objectStore(store));
  for (const record of records) raw.put(record);
}

export function deleteKeys(tx: WriteTransaction, store: DirectoryDataStore, keys: IDBValidKey[] | IDBKeyRange[]): void {
  const raw = unwrap(tx.objectStore(store));
  for (const key of keys) raw.delete(key);
}

/**
 * Writes one page's records and the checkpoint after it in one transaction, so a resumed sync
 * starts exactly after the last page that reached the database. The lease is renewed in the same
 * transaction, and the page is dropped if another worker has taken the lease meanwhile.
 */
async function commit(
  ctx: RunContext,
  stores: DirectoryDataStore[],
  write: (tx: WriteTransaction) => PageWritten | Promise<PageWritten>,
  following: Partial<SyncCheckpoint>,
  countPage: boolean,
): Promise<void> {
  const now = ctx.now();
  const tx = ctx.db.transaction([...stores, 'syncState'], 'readwrite', { durability: 'relaxed' });
  const state = unwrap(tx.objectStore('syncState'));
  const leaseRequest = state.get(STATE_KEYS.lease);
  const leaseHolder = new Promise<SyncLease | undefined>((resolve, reject) => {
    leaseRequest.onsuccess = () => resolve(leaseRequest.result as SyncLease | undefined);
    leaseRequest.onerror = () => reject(leaseRequest.error);
  });
  leaseHolder.catch(() => undefined);
  try {
    const { written, patch } = await write(tx);
    const phase = ctx.cp.phase;
    const cp: SyncCheckpoint = {
      ...ctx.cp,
      ...patch,
      ...following,
      pages: ctx.cp.pages + (countPage ? 1 : 0),
      counts: { ...ctx.cp.counts, [phase]: (ctx.cp.counts[phase] ?? 0) + written },
    };
    const progress = ctx.progress.snapshot(cp);
    state.put(cp, STATE_KEYS.checkpoint);
    state.put(leaseFor(ctx.owner, now), STATE_KEYS.lease);
    state.put(progress, STATE_KEYS.progress);
    if ((await leaseHolder)?.owner !== ctx.owner) throw new LeaseLostError();
    await tx.done;
    ctx.cp = cp;
    ctx.onProgress?.(progress);
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // already finished or aborted
    }
    await tx.done.catch(() => undefined);
    throw error;
  }
}

/** Persists a change of phase or target that needs no page. */
export function commitCheckpoint(ctx: RunContext, following: Partial<SyncCheckpoint>): Promise<void> {
  return commit(ctx, [], () => ({ written: 0 }), following, false);
}

function enterPhase(phase: SyncPhase): Partial<SyncCheckpoint> {
  return { phase, next: null, target: null, targetsDone: 0, targetsTotal: null };
}

async function fetchPage<T>(
  ctx: RunContext,
  spec: PhaseSpec<T>,
  request: { path: string; searchParams?: Record<string, string | number> },
): Promise<{ items: T[]; next: string | null }> {
  try {
    return await ctx.source.getPage(request.path, spec.schema, {
      ...(request.searchParams ? { searchParams: request.searchParams } : {}),
      priority: 'background',
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    });
  } catch (error) {
    if (spec.missingIsEmpty && isNotFound(error)) return { items: [], next: null };
    throw error;
  }
}

/**
 * Runs the current phase page by page from the checkpoint, then moves the checkpoint to `nextPhase`.
 * Pages are fetched and validated before their transaction opens.
 */
export async function runPhase<T>(ctx: RunContext, spec: PhaseSpec<T>, nextPhase: SyncPhase): Promise<void> {
  if (spec.nextTarget && ctx.cp.target === null && ctx.cp.next === null) {
    const first = await spec.nextTarget(null);
    if (first === null) return commitCheckpoint(ctx, enterPhase(nextPhase));
    const targetsTotal = spec.countTargets ? await spec.countTargets() : null;
    await commitCheckpoint(ctx, { target: first, targetsTotal });
  }
  while (ctx.cp.phase === spec.phase) {
    ctx.signal?.throwIfAborted();
    const target = ctx.cp.target;
    const request = ctx.cp.next === null ? spec.request(target) : { path: ctx.cp.next };
    const page = await fetchPage(ctx, spec, request);
    const lastPage = page.next === null || (spec.endsOnEmptyPage === true && page.items.length === 0);
    let following: Partial<SyncCheckpoint> = { next: page.next };
    if (lastPage) {
      const after = spec.nextTarget ? await spec.nextTarget(target) : null;
      following =
        after === null ? enterPhase(nextPhase) : { next: null, target: after, targetsDone: ctx.cp.targetsDone + 1 };
    }
    await ctx.beforeWrite?.(ctx.signal);
    await commit(ctx, spec.stores, (tx) => spec.write({ tx, items: page.items, target, lastPage }), following, true);
  }
}

export function inScope(ids: readonly string[] | null, id: string): boolean {
  return ids === null || ids.includes(id);
}

export function scopedGroupIds(options: SyncOptions): readonly string[] | null {
  return options.scope.mode === 'all' ? null : options.scope.groupIds;
}

export function scopedAppIds(options: SyncOptions): readonly string[] | null {
  return options.scope.mode === 'all' ? null : options.scope.appIds;
}
