import * as z from 'zod/mini';
import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { getJson, id, idFromPath, labelledPeople } from './shared';

// Ticket object of Gorgias' REST API (developers.gorgias.com "Retrieve a ticket").
const Ticket = z.object({ id, subject: z.nullish(z.string()), customer: z.nullish(z.object({ email: z.nullish(z.string()), name: z.nullish(z.string()) })) });

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
