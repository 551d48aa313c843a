import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { labelledPeople } from './shared';

export const front: HelpdeskAdapter = {
  id: 'front',
  name: 'Front',
  matchesUrl: (url) => url.hostname === 'app.frontapp.com',
  ticketId: (url) => /\/open\/([A-Za-z0-9_]{1,40})(?:\/|$)/.exec(url.pathname)?.[1] ?? null,
  // Front keeps its data in a React store; the page shows the recipient's handle in the conversation header.
  fromDom: (doc) => labelledPeople(safeQuery(doc, '[data-testid="conversation"], main') ?? doc),
  ticketTitle: (doc) => textOf(safeQuery(doc, 'main h1'), 300),
};
