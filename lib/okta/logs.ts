import type { OktaClient, Page } from './client';
import { listPage } from './call-options';
import type { ListOptions } from './call-options';
import { LogEvent } from './schemas';

export interface QueryLogsOptions extends ListOptions {
  /** ISO 8601. Okta refuses more than 180 days back and keeps 90 days. */
  since?: string;
  /** ISO 8601. Without it (and ASCENDING) the query is a polling query whose next link never ends. */
  until?: string;
  /** SCIM filter, e.g. `eventType eq "group.user_membership.add"`. */
  filter?: string;
  q?: string;
  sortOrder?: 'ASCENDING' | 'DESCENDING';
}

/** System Log events; defaults to background priority (incremental sync). Max `limit` 1000. */
export function queryLogs(client: OktaClient, opts: QueryLogsOptions = {}): Promise<Page<LogEvent>> {
  const { since, until, filter, q, sortOrder } = opts;
  return listPage(client, '/api/v1/logs', LogEvent, { since, until, filter, q, sortOrder }, opts, 'background');
}
