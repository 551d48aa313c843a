import type { SyncHealth } from '@/lib/messaging/views';
import RelativeTime from './RelativeTime';

type SyncStatusProps = { health: SyncHealth | null; compact?: boolean };

const PHASE_LABELS: Record<NonNullable<SyncHealth['phase']>, string> = {
  users: 'Reading people',
  groups: 'Reading groups',
  apps: 'Reading apps',
  memberships: 'Reading group members',
  assignments: 'Reading app assignments',
  userGroups: 'Reading the groups of new people',
  logs: 'Reading the System Log',
  userApps: 'Reading changed app assignments',
  newAppAssignments: 'Reading the people of new apps',
  publish: 'Finishing',
};

/** What the count of each counted phase is of: "1,200 of 2,269 people", "3 of 6 groups". */
const PHASE_UNITS: Record<Exclude<NonNullable<SyncHealth['phase']>, 'logs' | 'publish'>, string> = {
  users: 'people',
  groups: 'groups',
  apps: 'apps',
  memberships: 'groups',
  assignments: 'apps',
  userGroups: 'people',
  userApps: 'people',
  newAppAssignments: 'apps',
};

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
          {health.phase ? PHASE_LABELS[health.phase] : 'Syncing'}
          {health.phase === null || health.phase === 'publish' || health.phase === 'logs'
            ? ''
            : `: ${health.done.toLocaleString()}${health.total ? ` of ${health.total.toLocaleString()}` : ''} ${PHASE_UNITS[health.phase]}`}
          {health.ratePerSecond ? ` · ${Math.round(health.ratePerSecond).toLocaleString()} records/s` : ''}
          {health.etaSeconds === null ? '' : ` · ${eta(health.etaSeconds)}`}
        </p>
        <progress aria-label="Sync progress" value={value} max={value === undefined ? undefined : 1} />
        {health.waitingForReaders ? (
          <p class="muted" data-testid="sync-waiting-for-readers">
            Waiting while the directory is being searched; the sync goes on once searching pauses.
          </p>
        ) : null}
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
