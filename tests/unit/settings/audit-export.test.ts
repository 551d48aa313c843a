import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@/lib/actions/audit';
import { auditCsv, filterAudit, NO_FILTER } from '@/entrypoints/options/audit/audit-export';

const entry = (patch: Partial<AuditEntry>): AuditEntry => ({
  id: 1,
  time: '2026-03-10T12:00:00.000Z',
  agent: 'dana.admin@example.com',
  agentId: '00u1',
  action: 'unlock',
  target: { id: '00u2', login: 'grace@example.com' },
  inputs: {},
  ticket: null,
  source: 'panel',
  requestIds: ['req-1'],
  outcome: 'success',
  errorCode: null,
  detail: 'Unlocked.',
  playbook: null,
  ...patch,
});

describe('audit export', () => {
  it('filters by agent, action, outcome and day', () => {
    const entries = [
      entry({ id: 1 }),
      entry({ id: 2, agent: 'sam@example.com', time: '2026-03-12T12:00:00.000Z' }),
      entry({ id: 3, action: 'suspend', outcome: 'failure' }),
    ];
    expect(filterAudit(entries, { ...NO_FILTER, agent: 'sam@example.com' }).map((e) => e.id)).toEqual([2]);
    expect(filterAudit(entries, { ...NO_FILTER, action: 'unlock' }).map((e) => e.id)).toEqual([1, 2]);
    expect(filterAudit(entries, { ...NO_FILTER, outcome: 'failure' }).map((e) => e.id)).toEqual([3]);
    expect(filterAudit(entries, { ...NO_FILTER, from: '2026-03-11' }).map((e) => e.id)).toEqual([2]);
    expect(filterAudit(entries, { ...NO_FILTER, to: '2026-03-11' }).map((e) => e.id)).toEqual([1, 3]);
  });

  it('quotes every cell and defuses spreadsheet formulas a page could have planted', () => {
    const csv = auditCsv([entry({ detail: '=HYPERLINK("http://evil")', target: { id: null, login: 'a"b@example.com' } })]).split('\r\n');
    expect(csv[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv[1]).toContain('"a""b@example.com"');
  });
});
