import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '@/lib/actions/audit';
import { findAction } from '@/lib/actions/registry';
import { sendMessage } from '@/lib/messaging/channel';
import { auditCsv, filterAudit, NO_FILTER, type AuditFilter } from '../audit/audit-export';

const PAGE = 200;

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  Object.assign(document.createElement('a'), { href: url, download: name }).click();
  URL.revokeObjectURL(url);
}

const uniq = (values: string[]) => [...new Set(values)].sort();

/** Every action taken through Deskside, who did it, to whom, and how it went. */
export default function AuditSection() {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [filter, setFilter] = useState<AuditFilter>(NO_FILTER);
  const load = async (before?: number) => {
    try {
      const page = await sendMessage('listAudit', before === undefined ? { limit: PAGE } : { limit: PAGE, before });
      setEntries((prev) => (before === undefined ? page : [...prev, ...page]));
      setMore(page.length === PAGE);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  useEffect(() => void load(), []);

  const shown = filterAudit(entries, filter);
  const set = (patch: Partial<AuditFilter>) => setFilter({ ...filter, ...patch });
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section class="card" aria-labelledby="audit-heading">
      <h2 id="audit-heading">Audit log</h2>
      {error ? <p class="alert error" role="alert">{error}</p> : null}
      <div class="row wrap-fields filters">
        <label class="stack">Agent
          <select value={filter.agent} onChange={(e) => set({ agent: e.currentTarget.value })}>
            <option value="">All agents</option>
            {uniq(entries.map((e) => e.agent)).map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label class="stack">Action
          <select value={filter.action} onChange={(e) => set({ action: e.currentTarget.value })}>
            <option value="">All actions</option>
            {uniq(entries.map((e) => e.action)).map((a) => <option key={a} value={a}>{findAction(a)?.label ?? a}</option>)}
          </select>
        </label>
        <label class="stack">Outcome
          <select value={filter.outcome} onChange={(e) => set({ outcome: e.currentTarget.value })}>
            <option value="">All outcomes</option>
            <option value="success">Succeeded</option>
            <option value="failure">Failed</option>
            <option value="refused">Refused</option>
          </select>
        </label>
        <label class="stack">From<input type="date" value={filter.from} onInput={(e) => set({ from: e.currentTarget.value })} /></label>
        <label class="stack">To<input type="date" value={filter.to} onInput={(e) => set({ to: e.currentTarget.value })} /></label>
      </div>
      <div class="row">
        <button type="button" disabled={!shown.length} onClick={() => download(`deskside-audit-${stamp}.csv`, 'text/csv', auditCsv(shown))}>Export CSV</button>
        <button type="button" disabled={!shown.length} onClick={() => download(`deskside-audit-${stamp}.json`, 'application/json', JSON.stringify(shown, null, 2))}>Export JSON</button>
        <span class="muted" aria-live="polite">{shown.length} of {entries.length} entries shown</span>
      </div>
      {shown.length ? (
        <div class="table-scroll">
          <table data-testid="audit-table">
            <thead>
              <tr><th scope="col">When</th><th scope="col">Agent</th><th scope="col">Action</th><th scope="col">Person</th><th scope="col">Outcome</th><th scope="col">Detail</th><th scope="col">Ticket</th></tr>
            </thead>
            <tbody>
              {shown.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.time).toLocaleString()}</td>
                  <td>{e.agent}</td>
                  <td>{findAction(e.action)?.label ?? e.action}{e.playbook ? <span class="muted"> (playbook step {e.playbook.step} of {e.playbook.of})</span> : null}</td>
                  <td>{e.target?.login ?? e.target?.id ?? '—'}</td>
                  <td><span class={`badge ${e.outcome === 'success' ? 'ok' : 'danger'}`}>{e.outcome}</span>{e.errorCode ? <span class="code">{e.errorCode}</span> : null}</td>
                  <td>{e.detail}</td>
                  <td>{e.ticket ? <a href={e.ticket.url} target="_blank" rel="noreferrer noopener">{e.ticket.helpdesk} {e.ticket.id ?? ''}</a> : e.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p class="muted">{entries.length ? 'No entries match the filters.' : 'No actions recorded yet.'}</p>
      )}
      {more ? <div class="row"><button type="button" onClick={() => void load(entries.at(-1)?.id)}>Load older entries</button></div> : null}
    </section>
  );
}
