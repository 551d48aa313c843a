import type { ConnectionReport } from '@/lib/messaging/views';

/** What "Test connection" found: the org, the admin identity, each permission, the rate limits seen. */
export default function ConnectionReportView({ report }: { report: ConnectionReport }) {
  if (!report.ok) {
    return (
      <div class="alert error" role="alert" data-testid="connection-error">
        {report.error?.code ? <strong>{report.error.code}: </strong> : null}
        {report.error?.sentence ?? 'The connection failed.'}
      </div>
    );
  }
  return (
    <div class="alert success stack" data-testid="connection-report">
      <p>
        Reached <span class="code">{report.origin}</span>
        {report.identity ? <> as <strong>{report.identity.name}</strong> ({report.identity.login})</> : null}.
      </p>
      {report.note ? <p>{report.note}</p> : null}
      <ul class="checks" aria-label="Permissions">
        {report.checks.map((c) => (
          <li key={c.name} class={c.ok ? '' : 'fail'}>
            {c.name}: {c.detail}
          </li>
        ))}
      </ul>
      {report.rateLimits.length ? (
        <p class="muted">Rate limits seen: {report.rateLimits.map((r) => `${r.bucket} ${r.limit}/min`).join(', ')}</p>
      ) : null}
    </div>
  );
}
