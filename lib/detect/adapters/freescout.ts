import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf, valueOf } from '../dom';
import { person, uniquePeople } from '../person';
import { idFromPath } from './shared';

// resources/views/customers/profile_snippet.blade.php: first li.customer-email is the conversation's customer_email.
export const freescout: HelpdeskAdapter = {
  id: 'freescout',
  name: 'FreeScout',
  matchesUrl: (url) => /^\/conversation\/\d+/.test(url.pathname),
  ticketId: (url, doc) => idFromPath(url, /^\/conversation\/(\d+)(?:\/|$)/) ?? doc.body?.getAttribute('data-conversation_id') ?? null,
  fromDom(doc) {
    const snippet = safeQuery(doc, '#conv-layout-customer .customer-snippet, .customer-snippet');
    const email =
      textOf(safeQuery(snippet ?? doc, 'li.customer-email .contact-main, li.customer-email a'), 320) ??
      valueOf(safeQuery(doc, 'select[name="to"] option[selected]'));
    const name = textOf(safeQuery(snippet ?? doc, '.customer-name'), 200);
    return uniquePeople([person('requester', 'dom', email, name)]);
  },
  ticketTitle: (doc) => textOf(safeQuery(doc, '.conv-subjtext'), 300),
};
