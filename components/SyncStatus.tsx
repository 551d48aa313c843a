import type { SyncHealth } from '@/lib/messaging/views';
import RelativeTime from './RelativeTime';

type SyncStatusProps = { health: SyncHealth | null; compact?: boolean };

function eta(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

/** Sync progress while running, else the last success and any last error with its sentence. */
export default function SyncStatus({ health, compact = false }: SyncStatusProps) {
  if (!health) return <p class="muted">Not connected to Okta yet.</p>;
  if (health.running) {
    const value = health.total ? health.done / health.total : undefined;
    return (
      <div class="stack" data-testid="sync-running">
        <p>
          Syncing {health.phase ?? ''}: {health.done.toLocaleString()}
          {health.total ? ` of ${health.total.toLocaleString()}` : ''}
          {health.ratePerSecond ? ` · ${Math.round(health.ratePerSecond).toLocaleString()}/s` : ''}
          {health.etaSeconds === null ? '' : ` · ${eta(health.etaSeconds)}`}
        </p>
        <progress aria-label="Sync progress" value={value} max={value === undefined ? undefined : 1} />
      </div>
    );
  }
  return (
    <div class="stack" data-testid="sync-idle">
      <p>
        Last sync: <RelativeTime value={health.lastSuccessAt} never="not yet" />
        {compact ? null : (
          <>
            {' '}· {health.counts.users.toLocaleString()} users, {health.counts.groups.toLocaleString()} groups,{' '}
            {health.counts.apps.toLocaleString()} apps
          </>
        )}
      </p>
      {health.lastError ? (
        <p class="alert error" role="alert" data-testid="sync-error">
          Last sync failed <RelativeTime value={health.lastError.at} />
          {health.lastError.code ? ` (${health.lastError.code})` : ''}: {health.lastError.sentence}
        </p>
      ) : null}
    </div>
  );
}
