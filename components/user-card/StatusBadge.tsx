const TONES: Record<string, 'ok' | 'warn' | 'danger' | 'neutral'> = {
  ACTIVE: 'ok',
  PROVISIONED: 'neutral',
  STAGED: 'neutral',
  RECOVERY: 'warn',
  PASSWORD_EXPIRED: 'warn',
  LOCKED_OUT: 'danger',
  SUSPENDED: 'danger',
  DEPROVISIONED: 'danger',
};

const LABELS: Record<string, string> = {
  ACTIVE: 'Active',
  PROVISIONED: 'Pending activation',
  STAGED: 'Staged',
  RECOVERY: 'Password reset',
  PASSWORD_EXPIRED: 'Password expired',
  LOCKED_OUT: 'Locked out',
  SUSPENDED: 'Suspended',
  DEPROVISIONED: 'Deactivated',
};

type StatusBadgeProps = { status: string; transitioningToStatus?: string | null };

/** The Okta status as a coloured badge, with the status it is moving to while Okta works on it. */
export default function StatusBadge({ status, transitioningToStatus }: StatusBadgeProps) {
  return (
    <span class="row" style={{ gap: '4px' }}>
      <span class={`badge ${TONES[status] ?? 'neutral'}`} data-testid="status-badge" data-status={status} title={`Okta status ${status}`}>
        {LABELS[status] ?? status}
      </span>
      {transitioningToStatus ? (
        <span class="badge neutral" title={`Okta is changing the status to ${transitioningToStatus}`}>
          → {LABELS[transitioningToStatus] ?? transitioningToStatus}…
        </span>
      ) : null}
    </span>
  );
}
