import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { idFromPath, labelledPeople } from './shared';

export const zohoDesk: HelpdeskAdapter = {
  id: 'zoho-desk',
  name: 'Zoho Desk',
  matchesUrl: (url) => /^desk\.zoho\.[a-z.]{2,10}$/.test(url.hostname),
  ticketId: (url) => idFromPath(url, /^\/agent\/[^/]+\/[^/]+\/tickets\/details\/(\d+)(?:\/|$)/),
  // Zoho Desk's REST API needs an OAuth token, so the contact is read from the ticket's labelled fields.
  fromDom: (doc) => labelledPeople(safeQuery(doc, 'main, #main') ?? doc),
  ticketTitle: (doc) => textOf(safeQuery(doc, 'main h1'), 300),
};
