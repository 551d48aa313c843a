import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, safeQueryAll, textOf } from '../dom';
import { personFromText, uniquePeople } from '../person';
import { numericParam } from './shared';

// RT share/html/Ticket/Elements/ShowPeople; requestors render as "Real Name <email>" (RT::User _FormatUserVerbose).
export const requestTracker: HelpdeskAdapter = {
  id: 'request-tracker',
  name: 'Request Tracker',
  matchesUrl: (url) => /\/Ticket\/Display\.html$/.test(url.pathname),
  ticketId: (url) => numericParam(url, 'id'),
  fromDom(doc) {
    const requestors = safeQueryAll(doc, '.requestors .current-value span.user, .requestors .value span.user', 10);
    const ccs = safeQueryAll(doc, '.cc .current-value span.user', 10);
    return uniquePeople([
      ...requestors.map((el) => personFromText('requester', 'dom', textOf(el, 400))),
      ...ccs.map((el) => personFromText('contact', 'dom', textOf(el, 400))),
    ]);
  },
  ticketTitle: (doc) => textOf(safeQuery(doc, '#header h1'), 300),
};
