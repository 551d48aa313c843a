import { OktaApiError, oktaErrors } from '../errors';
import { evaluate, parseExpression, readPath, type Grammar } from '../filter';
import { decodeCursor, encodeCursor, parseLimit } from '../pagination';
import { listReply, type Reply } from '../reply';
import type { Route, RouteContext } from '../router';
import type { LogEvent } from '../types';

const TEXT = ['eq', 'sw', 'co', 'ew'] as const;
const FILTER: Grammar = {
  attributes: {
    eventType: TEXT,
    'target.id': TEXT,
    'target.type': TEXT,
    'target.alternateId': TEXT,
    'actor.id': TEXT,
    'actor.alternateId': TEXT,
    'outcome.result': TEXT,
    severity: TEXT,
    uuid: ['eq'],
    'transaction.id': ['eq'],
    displayMessage: TEXT,
  },
  dateAttributes: [],
};

const DAY = 86_400_000;

function instant(query: URLSearchParams, name: string): number | null {
  const raw = query.get(name);
  if (raw === null || raw === '') return null;
  const value = Date.parse(raw);
  if (Number.isNaN(value)) throw oktaErrors.validation(`${name}: ${raw} is not a valid date`, [`${name}: ${raw} is not a valid date`]);
  return value;
}

/** Index of the first event published at or after `since` (events are appended in publishing order). */
function firstAtOrAfter(logs: readonly LogEvent[], since: string): number {
  let low = 0;
  let high = logs.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((logs[mid] as LogEvent).published < since) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * GET /logs. A polling query (ASCENDING, no `until`) always gets a `next` link, even after an
 * empty page, like Okta; bounded and DESCENDING queries end when nothing more matches.
 */
function listLogs({ org, url, query }: RouteContext): Reply {
  const now = Date.now();
  const until = instant(query, 'until');
  const since = instant(query, 'since') ?? (until ?? now) - 7 * DAY;
  if (since < now - 180 * DAY) {
    throw oktaErrors.validation('The since parameter is over 180 days prior to the current day.', [
      'The since parameter is over 180 days prior to the current day.',
    ]);
  }
  const limit = parseLimit(query.get('limit'), { default: 100, max: 1000 });
  const descending = (query.get('sortOrder') ?? 'ASCENDING').toUpperCase() === 'DESCENDING';
  const filterText = query.get('filter');
  const expression = filterText ? parseExpression(filterText, FILTER) : null;
  const keywords = (query.get('q') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  const sinceIso = new Date(since).toISOString();
  const untilIso = until === null ? null : new Date(until).toISOString();
  const accept = (event: LogEvent): boolean =>
    event.published >= sinceIso &&
    (untilIso === null || event.published < untilIso) &&
    (!expression || evaluate(expression, (a) => readPath(event, a))) &&
    keywords.every((k) => JSON.stringify(event).toLowerCase().includes(k));

  const logs = org.logs;
  const cursor = decodeCursor(query.get('after'));
  const cursorIndex = cursor === null ? null : Number(cursor);
  if (cursorIndex !== null && !Number.isInteger(cursorIndex)) throw new OktaApiError(400, 'E0000054', 'Invalid paging request.');
  const items: LogEvent[] = [];
  let index: number;
  let more = false;
  if (descending) {
    for (index = cursorIndex ?? logs.length - 1; index >= 0; index--) {
      const event = logs[index] as LogEvent;
      if (!accept(event)) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(event);
    }
  } else {
    for (index = cursorIndex ?? firstAtOrAfter(logs, sinceIso); index < logs.length; index++) {
      const event = logs[index] as LogEvent;
      if (!accept(event)) continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(event);
    }
    if (until === null) more = true;
  }
  return listReply(items, url, more ? encodeCursor(String(index)) : null);
}

export const logRoutes: Route[] = [{ method: 'GET', path: '/logs', scope: 'okta.logs', handle: listLogs }];
