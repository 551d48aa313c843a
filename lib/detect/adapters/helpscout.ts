import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { emailsIn } from '../text';
import { idFromPath, labelledPeople } from './shared';

export const helpscout: HelpdeskAdapter = {
  id: 'helpscout',
  name: 'Help Scout',
  matchesUrl: (url) => url.hostname === 'secure.helpscout.net',
  ticketId: (url) => idFromPath(url, /^\/conversation\/(\d+)(?:\/|$)/),

  // Help Scout's customer sidebar shows the customer's name and email as text; no stable selector is public.
  fromDom(doc) {
    const sidebar = safeQuery(doc, '[data-cy="Sidebar"], aside');
    if (!sidebar) return labelledPeople(doc);
    const name = textOf(safeQuery(sidebar, 'h2, h3, [data-cy="CustomerName"]'), 200);
    const email = emailsIn(textOf(sidebar, 5000) ?? '', 1)[0];
    return uniquePeople([person('requester', 'dom', email, name), ...labelledPeople(sidebar)]);
  },

  ticketTitle: (doc) => textOf(safeQuery(doc, '[data-cy="ConversationHeader.Subject"], h1'), 300),
};
