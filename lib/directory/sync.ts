import { unwrap } from 'idb';
import type { DirectoryDb } from './db';
import { commitCheckpoint, runPhase, type BeforeWrite, type RunContext, type SyncOptions } from './engine';
import { appsPhase, assignmentsPhase, groupsPhase, membershipsPhase, usersPhase } from './full-sync';
import { discardNewerThan, sweepOlderThan } from './generations';
import {
  allAppsPhase,
  changedGroupsPhase,
  changedUsersPhase,
  logEventsPhase,
  newAppAssignmentsPhase,
  relistGroupsPhase,
  userAppsPhase,
  userGroupsPhase,
} from './incremental-sync';
import { acquireLease, LeaseLostError, releaseLease } from './lease';
import { announceSearchChange, hasSearchParts, writeSearchParts } from './search-parts';
import { ProgressTracker } from './progress';
import { isAbortError, recordError, type OktaPageSource } from './source';
import {
  STATE_KEYS,
  type PublishedGeneration,
  type SyncCheckpoint,
  type SyncFailure,
  type SyncKind,
  type SyncLease,
  type SyncPhase,
  type SyncProgress,
  type SyncSuccess,
} from './state';

export type { SyncOptions } from './engine';

/**
 * How far back each incremental sync looks before the previous one's end: covers clock skew between
 * this machine and Okta and System Log events persisted late. Re-applying a change is harmless.
 */
export const WATERMARK_OVERLAP_MS = 5 * 60 * 1000;

/**
 * The System Log keeps 90 days, so an incremental sync can only look back that far; a directory
 * older than this (with margin) is refreshed by a full sync instead.
 */
export const INCREMENTAL_HORIZON_MS = 80 * 24 * 60 * 60 * 1000;

export interface SyncRunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: SyncProgress) => void;
  beforeWrite?: BeforeWrite;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * Take the lease even if it looks held: the background passes this when it starts, because the
   * holder can only be a previous worker that Chrome stopped mid-sync. Without it, a woken worker
   * would wait for the dead one's lease to expire, and nothing would resume the sync after that.
   * The old run, should it still be alive, stops at its next page (LeaseLostError).
   */
  takeOver?: boolean;
}

export type SyncOutcome =
  | { status: 'succeeded'; kind: SyncKind; runId: string; generation: number; counts: Partial<Record<SyncPhase, number>> }
  | { status: 'failed'; kind: SyncKind; runId: string; error: SyncFailure }
  | { status: 'interrupted'; kind: SyncKind; runId: string }
  | { status: 'busy' }
  | { status: 'idle' };

const FULL_PHASES: SyncPhase[] = ['users', 'groups', 'apps', 'memberships', 'assignments', 'publish'];
const INCREMENTAL_PHASES: SyncPhase[] = [
  'users',
  'groups',
  'apps',
  'memberships',
  'logs',
  'userGroups',
  'userApps',
  'newAppAssignments',
  'publish',
];
const GROUP_PHASES = new Set<SyncPhase>(['groups', 'memberships', 'userGroups']);

/** The phase after `phase`, skipping group phases when groups are not imported. */
function phaseAfter(kind: SyncKind, options: SyncOptions, phase: SyncPhase): SyncPhase {
  const all = kind === 'full' ? FULL_PHASES : INCREMENTAL_PHASES;
  const later = all.slice(all.indexOf(phase) + 1);
  return later.find((next) => options.importGroups || !GROUP_PHASES.has(next)) ?? 'publish';
}

/** Runs one phase with its listing for this kind of sync. */
function runNamedPhase(ctx: RunContext, phase: SyncPhase, following: SyncPhase): Promise<void> {
  const full = ctx.cp.kind === 'full';
  switch (phase) {
    case 'users':
      return full ? runPhase(ctx, usersPhase(ctx), following) : runPhase(ctx, changedUsersPhase(ctx), following);
    case 'groups':
      return full ? runPhase(ctx, groupsPhase(ctx), following) : runPhase(ctx, changedGroupsPhase(ctx), following);
    case 'apps':
      return full ? runPhase(ctx, appsPhase(ctx), following) : runPhase(ctx, allAppsPhase(ctx), following);
    case 'memberships':
      return full ? runPhase(ctx, membershipsPhase(ctx), following) : runPhase(ctx, relistGroupsPhase(ctx), following);
    case 'assignments':
      return runPhase(ctx, assignmentsPhase(ctx), following);
    case 'logs':
      return runPhase(ctx, logEventsPhase(ctx), following);
    case 'userGroups':
      return runPhase(ctx, userGroupsPhase(ctx), following);
    case 'userApps':
      return runPhase(ctx, userAppsPhase(ctx), following);
    case 'newAppAssignments':
      return runPhase(ctx, newAppAssignmentsPhase(ctx), following);
    case 'publish':
      return Promise.resolve();
  }
}

function emptyQueues(): SyncCheckpoint['queues'] {
  return { groups: [], users: [], appUsers: [], newApps: [], seenApps: [] };
}

function newRunId(): string {
  return crypto.randomUUID();
}

async function readState<T>(db: DirectoryDb, key: string): Promise<T | undefined> {
  return (await db.get('syncState', key)) as T | undefined;
}

/** A fresh checkpoint: a full sync allocates a new generation; an incremental one updates the published one. */
async function startCheckpoint(db: DirectoryDb, kind: SyncKind, now: number): Promise<SyncCheckpoint> {
  const published = (await readState<PublishedGeneration>(db, STATE_KEYS.published))?.generation ?? 0;
  const base = {
    kind,
    runId: newRunId(),
    startedAt: new Date(now).toISOString(),
    phase: 'users' as const,
    next: null,
    target: null,
    targetsDone: 0,
    targetsTotal: null,
    queues: emptyQueues(),
    counts: {},
    pages: 0,
  };
  if (kind === 'incremental') {
    const since = (await readState<string>(db, STATE_KEYS.watermark)) ?? new Date(0).toISOString();
    return { ...base, generation: published, since };
  }
  // Leftovers of generations that never finished go first, so the new one starts empty.
  await discardNewerThan(db, published);
  const counter = (await readState<number>(db, STATE_KEYS.generationCounter)) ?? 0;
  const generation = Math.max(counter, published) + 1;
  await db.put('syncState', generation, STATE_KEYS.generationCounter);
  return { ...base, generation, since: null };
}

/**
 * Before a publish: a full sync writes its generation's search parts; an incremental one writes
 * them when the published generation has none (a directory from an older version). True when what
 * pages search has changed. A failure here costs only speed (pages search IndexedDB instead), so it
 * does not fail the sync.
 */
async function prepareSearchParts(ctx: RunContext): Promise<boolean> {
  const { cp, db } = ctx;
  try {
    if (cp.kind === 'full' || !(await hasSearchParts(db, cp.generation))) {
      await writeSearchParts(db, cp.generation);
      return true;
    }
  } catch (error) {
    console.warn('Deskside: the search parts could not be written; pages will search the database directly.', error);
    return cp.kind === 'full';
  }
  return (cp.counts.users ?? 0) + (cp.counts.logs ?? 0) > 0;
}

/**
 * Publishes the run in one transaction (and only if this run still holds the lease): a full sync
 * flips the current generation, an incremental one moves the watermark. Older generations are
 * swept afterwards; readers already ignore them.
 */
async function publish(ctx: RunContext): Promise<SyncProgress> {
  const { cp } = ctx;
  const now = ctx.now();
  const at = new Date(now).toISOString();
  const searchChanged = await prepareSearchParts(ctx);
  const progress = ctx.progress.snapshot(cp, 'succeeded');
  const success: SyncSuccess = { kind: cp.kind, runId: cp.runId, at, counts: cp.counts };
  const tx = ctx.db.transaction('syncState', 'readwrite');
  const lease = (await tx.store.get(STATE_KEYS.lease)) as SyncLease | undefined;
  if (lease?.owner !== ctx.owner) {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new LeaseLostError();
  }
  const state = unwrap(tx.store);
  if (cp.kind === 'full') {
    const published: PublishedGeneration = { generation: cp.generation, publishedAt: at };
    state.put(published, STATE_KEYS.published);
    state.put(success, STATE_KEYS.lastFullSuccess);
  }
  state.put(new Date(Date.parse(cp.startedAt) - WATERMARK_OVERLAP_MS).toISOString(), STATE_KEYS.watermark);
  state.put(success, STATE_KEYS.lastSuccess);
  state.put(progress, STATE_KEYS.progress);
  state.delete(STATE_KEYS.lastError);
  state.delete(STATE_KEYS.checkpoint);
  await tx.done;
  if (searchChanged) announceSearchChange();
  if (cp.kind === 'full') await sweepOlderThan(ctx.db, cp.generation);
  return progress;
}

async function execute(ctx: RunContext): Promise<SyncOutcome> {
  const { kind, runId } = ctx.cp;
  try {
    // Persisted before the first request, so even a run that dies on its first page can be resumed.
    await commitCheckpoint(ctx, {});
    while (ctx.cp.phase !== 'publish') {
      const { phase } = ctx.cp;
      if (!ctx.options.importGroups && GROUP_PHASES.has(phase)) {
        await commitCheckpoint(ctx, { phase: phaseAfter(kind, ctx.options, phase), next: null, target: null });
        continue;
      }
      await runNamedPhase(ctx, phase, phaseAfter(kind, ctx.options, phase));
    }
    const progress = await publish(ctx);
    ctx.onProgress?.(progress);
    return { status: 'succeeded', kind, runId, generation: ctx.cp.generation, counts: ctx.cp.counts };
  } catch (error) {
    // A run that lost its lease writes nothing more: the new owner's state is the truth.
    if (error instanceof LeaseLostError) return { status: 'interrupted', kind, runId };
    const interrupted = isAbortError(error);
    const progress = ctx.progress.snapshot(ctx.cp, interrupted ? 'interrupted' : 'failed');
    const failure: SyncFailure = { ...recordError(error, new Date(ctx.now())), kind, runId, phase: ctx.cp.phase };
    // The checkpoint stays either way: the next run resumes from the last page written, and the
    // published generation is untouched until a full sync reaches its end.
    const tx = ctx.db.transaction('syncState', 'readwrite');
    const lease = (await tx.store.get(STATE_KEYS.lease)) as SyncLease | undefined;
    if (lease?.owner === ctx.owner) {
      const state = unwrap(tx.store);
      state.put(progress, STATE_KEYS.progress);
      if (!interrupted) state.put(failure, STATE_KEYS.lastError);
    }
    await tx.done;
    ctx.onProgress?.(progress);
    return interrupted ? { status: 'interrupted', kind, runId } : { status: 'failed', kind, runId, error: failure };
  }
}

async function withLease(
  db: DirectoryDb,
  options: RunOptionsResolved,
  body: (owner: string) => Promise<SyncOutcome>,
): Promise<SyncOutcome> {
  const owner = newRunId();
  if (!(await acquireLease(db, owner, options.now(), options.takeOver === true))) return { status: 'busy' };
  try {
    return await body(owner);
  } finally {
    await releaseLease(db, owner);
  }
}

type RunOptionsResolved = SyncRunOptions & { now: () => number };

function contextFor(
  db: DirectoryDb,
  source: OktaPageSource,
  options: SyncOptions,
  run: RunOptionsResolved,
  owner: string,
  cp: SyncCheckpoint,
): RunContext {
  return {
    db,
    source,
    options,
    owner,
    signal: run.signal,
    now: run.now,
    progress: new ProgressTracker(cp, run.now),
    onProgress: run.onProgress,
    beforeWrite: run.beforeWrite,
    cp,
  };
}

/**
 * Runs a sync of `kind`, one at a time across workers (lease in syncState). An unfinished run is
 * continued first: a pending full sync is resumed even when an incremental one is asked for (its
 * result supersedes it). An incremental sync runs a full one instead before any full sync, or when
 * the last sync is older than the System Log can cover.
 */
export async function runSync(
  db: DirectoryDb,
  source: OktaPageSource,
  kind: SyncKind,
  options: SyncOptions,
  run: SyncRunOptions = {},
): Promise<SyncOutcome> {
  const resolved: RunOptionsResolved = { ...run, now: run.now ?? Date.now };
  return withLease(db, resolved, async (owner) => {
    const pending = await readState<SyncCheckpoint>(db, STATE_KEYS.checkpoint);
    const published = await readState<PublishedGeneration>(db, STATE_KEYS.published);
    const watermark = await readState<string>(db, STATE_KEYS.watermark);
    const incrementalPossible = published && watermark && Date.parse(watermark) > resolved.now() - INCREMENTAL_HORIZON_MS;
    const wanted: SyncKind = incrementalPossible ? kind : 'full';
    const cp =
      pending && (pending.kind === 'full' || wanted === 'incremental')
        ? pending
        : await startCheckpoint(db, wanted, resolved.now());
    return execute(contextFor(db, source, options, resolved, owner, cp));
  });
}

/** Continues an interrupted sync from its checkpoint; `idle` when there is none. */
export async function resumeSync(
  db: DirectoryDb,
  source: OktaPageSource,
  options: SyncOptions,
  run: SyncRunOptions = {},
): Promise<SyncOutcome> {
  const resolved: RunOptionsResolved = { ...run, now: run.now ?? Date.now };
  return withLease(db, resolved, async (owner) => {
    const pending = await readState<SyncCheckpoint>(db, STATE_KEYS.checkpoint);
    if (!pending) return { status: 'idle' };
    return execute(contextFor(db, source, options, resolved, owner, pending));
  });
}
