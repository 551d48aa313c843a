import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { numericParam } from './shared';

// osTicket include/staff/ticket-view.inc.php renders the owner as span#user-{id}-name / span#user-{id}-email.
export const osticket: HelpdeskAdapter = {
  id: 'osticket',
  name: 'osTicket',
  matchesUrl: (url) => /\/scp\/tickets\.php$/.test(url.pathname),
  ticketId: (url) => numericParam(url, 'id'),
  fromDom(doc) {
    const info = safeQuery(doc, 'table.ticket_info') ?? doc;
    const email = textOf(safeQuery(info, 'span[id^="user-"][id$="-email"]'), 320);
    const name = textOf(safeQuery(info, 'span[id^="user-"][id$="-name"]'), 200);
    return uniquePeople([person('requester', 'dom', email, name)]);
  },
  ticketTitle: (doc) => textOf(safeQuery(doc, '.tixTitle h3'), 300),
};
