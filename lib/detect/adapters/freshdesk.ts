import * as z from 'zod/mini';
import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { getJson, id, idFromPath, labelledPeople } from './shared';

const Contact = z.object({ id: z.optional(id), name: z.nullish(z.string()), email: z.nullish(z.string()) });
const Ticket = z.object({ id, subject: z.nullish(z.string()), requester_id: id, requester: z.optional(Contact) });
const Me = z.object({ contact: z.object({ email: z.nullish(z.string()) }) });

export const freshdesk: HelpdeskAdapter = {
  id: 'freshdesk',
  name: 'Freshdesk',
  matchesUrl: (url) => url.hostname.endsWith('.freshdesk.com'),
  ticketId: (url) => idFromPath(url, /^\/a\/tickets\/(\d+)(?:\/|$)/),

  async fromApi(ctx) {
    const ticket = await getJson(ctx, `/api/v2/tickets/${ctx.ticketId}?include=requester`, Ticket);
    if (!ticket?.requester) return null;
    return uniquePeople([person('requester', 'api', ticket.requester.email, ticket.requester.name)]);
  },

  // No public selector for the requester card is known; read the ticket's labelled fields.
  fromDom: (doc) => labelledPeople(safeQuery(doc, '.ticket-details, main, #ember-app') ?? doc),

  ticketTitle: (doc) => textOf(safeQuery(doc, '.ticket-subject-heading'), 300),

  async agentEmail(ctx) {
    return (await getJson(ctx, '/api/v2/agents/me', Me))?.contact.email ?? null;
  },
};
