import type { DirectoryDb } from './db';
import type { RecordedError } from './source';

export type SyncKind = 'full' | 'incremental';

export type SyncPhase =
  | 'users'
  | 'groups'
  | 'apps'
  | 'memberships'
  | 'assignments'
  | 'userGroups'
  | 'logs'
  | 'userApps'
  | 'newAppAssignments'
  | 'publish';

/** Where a sync stands, written in the same transaction as each page's records. */
export interface SyncCheckpoint {
  kind: SyncKind;
  runId: string;
  /** Full: the generation being written. Incremental: the published generation being updated. */
  generation: number;
  startedAt: string;
  /** Incremental: changes after `since` are fetched. The next `since` derives from `startedAt`. */
  since: string | null;
  phase: SyncPhase;
  /** The next page of the current listing, verbatim; null before the first page. */
  next: string | null;
  /** The group, app or user whose listing is in progress, for phases that walk several. */
  target: string | null;
  /** Incremental only: what earlier phases found to re-list. */
  queues: { groups: string[]; users: string[]; appUsers: string[]; newApps: string[]; seenApps: string[] };
  /** Targets (groups, apps, users) the current phase has finished, and how many it walks when known. */
  targetsDone: number;
  targetsTotal: number | null;
  counts: Partial<Record<SyncPhase, number>>;
  pages: number;
}

export interface SyncProgress {
  runId: string;
  kind: SyncKind;
  state: 'running' | 'succeeded' | 'failed' | 'interrupted';
  phase: SyncPhase | null;
  counts: Partial<Record<SyncPhase, number>>;
  pages: number;
  itemsPerSecond: number;
  /** Groups or apps walked in the current phase, when the phase walks a known number of them. */
  phaseDone: number | null;
  phaseTotal: number | null;
  etaSeconds: number | null;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

export interface PublishedGeneration {
  generation: number;
  publishedAt: string;
}

export interface SyncLease {
  owner: string;
  expiresAt: number;
}

export interface SyncSuccess {
  kind: SyncKind;
  runId: string;
  at: string;
  counts: Partial<Record<SyncPhase, number>>;
}

export type SyncFailure = RecordedError & { kind: SyncKind; runId: string; phase: SyncPhase | null };

export const STATE_KEYS = {
  published: 'published',
  generationCounter: 'generationCounter',
  checkpoint: 'checkpoint',
  lease: 'lease',
  progress: 'progress',
  lastSuccess: 'lastSuccess',
  lastFullSuccess: 'lastFullSuccess',
  lastError: 'lastError',
  /** The point in time up to which the published generation is known to be current. */
  watermark: 'watermark',
} as const;

export interface SyncStatus {
  published: PublishedGeneration | null;
  progress: SyncProgress | null;
  lastSuccess: SyncSuccess | null;
  lastFullSuccess: SyncSuccess | null;
  lastError: SyncFailure | null;
  watermark: string | null;
  pending: Pick<SyncCheckpoint, 'kind' | 'phase' | 'runId'> | null;
}

/** One read of everything popup and options show about sync. */
export async function readSyncStatus(db: DirectoryDb): Promise<SyncStatus> {
  const store = db.transaction('syncState').store;
  const [published, progress, lastSuccess, lastFullSuccess, lastError, watermark, checkpoint] = await Promise.all([
    store.get(STATE_KEYS.published),
    store.get(STATE_KEYS.progress),
    store.get(STATE_KEYS.lastSuccess),
    store.get(STATE_KEYS.lastFullSuccess),
    store.get(STATE_KEYS.lastError),
    store.get(STATE_KEYS.watermark),
    store.get(STATE_KEYS.checkpoint),
  ]);
  const pending = checkpoint as SyncCheckpoint | undefined;
  return {
    published: (published as PublishedGeneration | undefined) ?? null,
    progress: (progress as SyncProgress | undefined) ?? null,
    lastSuccess: (lastSuccess as SyncSuccess | undefined) ?? null,
    lastFullSuccess: (lastFullSuccess as SyncSuccess | undefined) ?? null,
    lastError: (lastError as SyncFailure | undefined) ?? null,
    watermark: (watermark as string | undefined) ?? null,
    pending: pending ? { kind: pending.kind, phase: pending.phase, runId: pending.runId } : null,
  };
}

/** The generation readers see; 0 before the first full sync finishes. */
export async function readPublishedGeneration(db: DirectoryDb): Promise<number> {
  return publishedGenerationIn(db.transaction('syncState').store);
}

/** The same, inside a reader's own transaction, so the pointer and the records are one snapshot. */
export async function publishedGenerationIn(syncState: { get(key: string): Promise<unknown> }): Promise<number> {
  const published = (await syncState.get(STATE_KEYS.published)) as PublishedGeneration | undefined;
  return published?.generation ?? 0;
}
