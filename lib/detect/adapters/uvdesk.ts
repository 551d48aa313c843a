import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, safeQueryAll, textOf, valueOf } from '../dom';
import { person, uniquePeople } from '../person';
import { cleanEmail } from '../text';
import { idFromPath } from './shared';

// uvdesk/core-framework Resources/views/ticket.html.twig: .uv-aside-customer-block with name and email spans.
export const uvdesk: HelpdeskAdapter = {
  id: 'uvdesk',
  name: 'UVdesk',
  matchesUrl: (url) => /\/member\/ticket\/view\/\d+/.test(url.pathname),
  ticketId: (url) => idFromPath(url, /\/member\/ticket\/view\/(\d+)(?:\/|$)/),
  fromDom(doc) {
    const block = safeQuery(doc, '.uv-aside-customer-block');
    if (!block) return [];
    const spans = safeQueryAll(block, '.uv-aside-customer-info span', 10).map((s) => textOf(s, 320));
    const email = valueOf(safeQuery(block, 'input.uv-field[name="email"]')) ?? spans.find((t) => cleanEmail(t));
    const name = valueOf(safeQuery(block, 'input.uv-field[name="name"]')) ?? spans.find((t) => t && !cleanEmail(t));
    return uniquePeople([person('requester', 'dom', email, name)]);
  },
  ticketTitle: (doc) => textOf(safeQuery(doc, '.uv-ticket-head-lt h1, .uv-ticket-subject'), 300),
};
