import { z } from 'zod';
import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { getJson, id, idFromPath, labelledPeople } from './shared';

// Ticket object of Gorgias' REST API (developers.gorgias.com "Retrieve a ticket").
const Ticket = z.object({ id, subject: z.string().nullish(), customer: z.object({ email: z.string().nullish(), name: z.string().nullish() }).nullish() });

export const gorgias: HelpdeskAdapter = {
  id: 'gorgias',
  name: 'Gorgias',
  matchesUrl: (url) => url.hostname.endsWith('.gorgias.com'),
  ticketId: (url) => idFromPath(url, /^\/app\/ticket\/(\d+)(?:\/|$)/),

  async fromApi(ctx) {
    const ticket = await getJson(ctx, `/api/tickets/${ctx.ticketId}`, Ticket);
    if (!ticket?.customer) return null;
    return uniquePeople([person('requester', 'api', ticket.customer.email, ticket.customer.name)]);
  },

  fromDom: (doc) => labelledPeople(safeQuery(doc, 'main') ?? doc),
  ticketTitle: (doc) => textOf(safeQuery(doc, 'main h1'), 300),
};
