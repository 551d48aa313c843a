import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { labelledPeople } from './shared';

const TICKET_PATHS = [
  /^\/help-desk\/\d+\/view\/[^/]+\/ticket\/(\d+)(?:\/|$)/,
  /^\/contacts\/\d+\/record\/0-5\/(\d+)(?:\/|$)/,
  /^\/contacts\/\d+\/ticket\/(\d+)(?:\/|$)/,
];

export const hubspot: HelpdeskAdapter = {
  id: 'hubspot',
  name: 'HubSpot Service Hub',
  matchesUrl: (url) => /^app(?:-[a-z0-9]+)?\.hubspot\.com$/.test(url.hostname),
  ticketId: (url) => TICKET_PATHS.map((p) => p.exec(url.pathname)?.[1]).find(Boolean) ?? null,
  // The associated contact card lists the contact's email next to its label.
  fromDom: (doc) => labelledPeople(doc),
  ticketTitle: (doc) => textOf(safeQuery(doc, '[data-selenium-test="highlightTitle"]'), 300),
};
