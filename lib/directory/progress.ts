import type { SyncCheckpoint, SyncPhase, SyncProgress } from './state';

function totalItems(counts: Partial<Record<SyncPhase, number>>): number {
  return Object.values(counts).reduce((sum, count) => sum + (count ?? 0), 0);
}

/** Turns checkpoints into progress: rate over this process's share of the run, ETA where the phase has a known size. */
export class ProgressTracker {
  private readonly startedHere: number;
  private readonly itemsBefore: number;
  private phase: SyncPhase | null = null;
  private phaseStartedHere = 0;
  private targetsDoneAtPhaseStart = 0;

  constructor(
    start: SyncCheckpoint,
    private readonly now: () => number,
  ) {
    this.startedHere = now();
    this.itemsBefore = totalItems(start.counts);
  }

  snapshot(cp: SyncCheckpoint, state: SyncProgress['state'] = 'running'): SyncProgress {
    const now = this.now();
    if (cp.phase !== this.phase) {
      this.phase = cp.phase;
      this.phaseStartedHere = now;
      this.targetsDoneAtPhaseStart = cp.targetsDone;
    }
    const seconds = (now - this.startedHere) / 1000;
    const itemsHere = totalItems(cp.counts) - this.itemsBefore;
    const targetsHere = cp.targetsDone - this.targetsDoneAtPhaseStart;
    const phaseSeconds = (now - this.phaseStartedHere) / 1000;
    const remaining = cp.targetsTotal === null ? null : Math.max(0, cp.targetsTotal - cp.targetsDone);
    const finished = state !== 'running';
    return {
      runId: cp.runId,
      kind: cp.kind,
      state,
      phase: finished ? null : cp.phase,
      counts: { ...cp.counts },
      pages: cp.pages,
      itemsPerSecond: seconds > 0 ? Math.round(itemsHere / seconds) : 0,
      phaseDone: finished ? null : cp.targetsTotal === null ? null : cp.targetsDone,
      phaseTotal: finished ? null : cp.targetsTotal,
      etaSeconds: finished || remaining === null || targetsHere <= 0 ? null : Math.round((remaining * phaseSeconds) / targetsHere),
      startedAt: cp.startedAt,
      updatedAt: new Date(now).toISOString(),
      finishedAt: finished ? new Date(now).toISOString() : null,
    };
  }
}

export interface PhaseEstimate {
  done: number;
  total: number | null;
  etaSeconds: number | null;
}

/**
 * The running phase's done / total and ETA for a status line. Okta gives no size for the users,
 * groups and apps listings, so during a full sync the last published directory's count stands in,
 * until the listing outgrows it.
 */
export function estimatePhase(progress: SyncProgress, lastCounts: Record<'users' | 'groups' | 'apps', number>): PhaseEstimate {
  const phase = progress.phase ?? 'users';
  if (progress.phaseTotal !== null) return { done: progress.phaseDone ?? 0, total: progress.phaseTotal, etaSeconds: progress.etaSeconds };
  const done = progress.counts[phase] ?? 0;
  const last = phase === 'users' || phase === 'groups' || phase === 'apps' ? lastCounts[phase] : 0;
  if (progress.kind !== 'full' || last <= done) return { done, total: null, etaSeconds: null };
  const rate = progress.itemsPerSecond;
  return { done, total: last, etaSeconds: rate > 0 ? Math.max(1, Math.round((last - done) / rate)) : null };
}
