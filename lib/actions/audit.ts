import type { DirectoryDb, StoredAuditEntry } from '@/lib/directory/db';

export type AuditOutcome = 'success' | 'failure' | 'refused';
/** Where the request came from: the panel or the popup; refusals name the kind of sender that was turned away. */
export type AuditSource = 'panel' | 'popup' | 'content-script' | 'extension-page' | 'unknown-sender';

export interface TicketRef {
  helpdesk: string;
  id: string | null;
  url: string;
}

/** One line of the audit trail. Never holds a secret: inputs pass through `withoutSecrets`, results are not recorded. */
export interface AuditEntry extends StoredAuditEntry {
  time: string;
  /** The agent's Okta login (saved at connect), or "unknown" before a connection. */
  agent: string;
  agentId: string | null;
  /** An action id, or the refused message's name. */
  action: string;
  target: { id: string | null; login: string | null } | null;
  inputs: Record<string, unknown>;
  ticket: TicketRef | null;
  source: AuditSource;
  /** X-Okta-Request-Id of every Okta call the action made (last one first is not guaranteed: in call order). */
  requestIds: string[];
  outcome: AuditOutcome;
  errorCode: string | null;
  /** What happened, in one sentence (the result summary, Okta's error sentence, or the refusal reason). */
  detail: string;
  playbook: { id: string; runId: string; step: number; of: number } | null;
}

/** Names of fields that hold a secret value (passwords, one-time tokens and links); `oauthTokens` (a flag) is not one. */
const SECRET_KEY = /password|passcode|secret|answer|credential|token$|otp$|link$|url$/i;

/** The inputs as they may be recorded: keys that could carry a secret are dropped, long strings cut. */
export function withoutSecrets(inputs: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (SECRET_KEY.test(key)) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) kept[key] = withoutSecrets(value as Record<string, unknown>);
    else if (Array.isArray(value)) kept[key] = value.map((item) => (item !== null && typeof item === 'object' ? withoutSecrets(item as Record<string, unknown>) : item));
    else kept[key] = typeof value === 'string' && value.length > 300 ? `${value.slice(0, 300)}…` : value;
  }
  return kept;
}

export async function appendAudit(db: DirectoryDb, entry: AuditEntry): Promise<number> {
  const { id: _ignored, ...fields } = entry;
  return db.add('audit', { ...fields, inputs: withoutSecrets(entry.inputs) });
}

/** Newest first; `before` pages back from an entry id. */
export async function listAudit(db: DirectoryDb, { limit, before }: { limit: number; before?: number }): Promise<AuditEntry[]> {
  const range = before === undefined ? null : IDBKeyRange.upperBound(before, true);
  const entries: AuditEntry[] = [];
  let cursor = await db.transaction('audit').store.openCursor(range, 'prev');
  while (cursor && entries.length < limit) {
    entries.push(cursor.value as AuditEntry);
    cursor = await cursor.continue();
  }
  return entries;
}

/** The short note the agent pastes into the ticket's internal comment. */
export function ticketNote(entry: Pick<AuditEntry, 'time' | 'agent' | 'target' | 'outcome' | 'detail' | 'errorCode'> & { label: string }): string {
  const who = entry.target?.login ?? 'the user';
  const outcome =
    entry.outcome === 'success' ? entry.detail : `Failed${entry.errorCode ? ` (${entry.errorCode})` : ''}: ${entry.detail}`;
  return `[Okta] ${entry.label} for ${who} by ${entry.agent} at ${entry.time}. ${outcome}`;
}
