import type { AuditEntry } from '@/lib/actions/audit';

export interface AuditFilter {
  agent: string;
  action: string;
  outcome: string;
  /** yyyy-mm-dd, inclusive, in the agent's time zone; empty for no bound. */
  from: string;
  to: string;
}

export const NO_FILTER: AuditFilter = { agent: '', action: '', outcome: '', from: '', to: '' };

const localDay = (iso: string) => {
  const d = new Date(iso);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function filterAudit(entries: AuditEntry[], filter: AuditFilter): AuditEntry[] {
  return entries.filter(
    (e) =>
      (!filter.agent || e.agent === filter.agent) &&
      (!filter.action || e.action === filter.action) &&
      (!filter.outcome || e.outcome === filter.outcome) &&
      (!filter.from || localDay(e.time) >= filter.from) &&
      (!filter.to || localDay(e.time) <= filter.to),
  );
}

const COLUMNS = ['time', 'agent', 'action', 'target', 'outcome', 'errorCode', 'detail', 'ticket', 'source', 'requestIds', 'inputs'] as const;

function cell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // Quote every cell, and defuse formulas: a spreadsheet must not run what a ticket page wrote.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function auditCsv(entries: AuditEntry[]): string {
  const rows = entries.map((e) =>
    [e.time, e.agent, e.action, e.target?.login ?? e.target?.id ?? '', e.outcome, e.errorCode, e.detail, e.ticket?.url ?? '', e.source, e.requestIds.join(' '), e.inputs]
      .map(cell)
      .join(','),
  );
  return [COLUMNS.join(','), ...rows].join('\r\n');
}
