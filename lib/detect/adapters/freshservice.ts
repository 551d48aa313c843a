import * as z from 'zod/mini';
import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { getJson, id, idFromPath, labelledPeople } from './shared';

const Requester = z.object({ id: z.optional(id), name: z.nullish(z.string()), email: z.nullish(z.string()) });
const TicketAnswer = z.object({
  ticket: z.object({ id, subject: z.nullish(z.string()), requester_id: id, requested_for_id: z.nullish(id), requester: z.optional(Requester) }),
});
// GET /api/v2/requesters/{id}
const RequesterAnswer = z.object({
  requester: z.object({ id, first_name: z.nullish(z.string()), last_name: z.nullish(z.string()), primary_email: z.nullish(z.string()) }),
});
const AgentAnswer = z.object({ agent: z.object({ email: z.nullish(z.string()) }) });

export const freshservice: HelpdeskAdapter = {
  id: 'freshservice',
  name: 'Freshservice',
  matchesUrl: (url) => url.hostname.endsWith('.freshservice.com'),
  ticketId: (url) => idFromPath(url, /^\/(?:a|helpdesk)\/tickets\/(\d+)(?:\/|$)/),

  async fromApi(ctx) {
    const answer = await getJson(ctx, `/api/v2/tickets/${ctx.ticketId}?include=requester`, TicketAnswer);
    if (!answer?.ticket.requester) return null;
    const { requester, requester_id, requested_for_id } = answer.ticket;
    const filedBy = person('requester', 'api', requester.email, requester.name);
    if (!requested_for_id || requested_for_id === requester_id) return uniquePeople([filedBy]);
    // The affected user ("requested for") differs from who filed the ticket: list them first.
    const other = (await getJson(ctx, `/api/v2/requesters/${requested_for_id}`, RequesterAnswer))?.requester;
    const requestedFor = other
      ? person('requested-for', 'api', other.primary_email, [other.first_name, other.last_name].filter(Boolean).join(' '))
      : null;
    return uniquePeople([requestedFor, filedBy]);
  },

  fromDom: (doc) => labelledPeople(safeQuery(doc, '.ticket-details-wrapper, main, #ember-app') ?? doc),

  ticketTitle: (doc) => textOf(safeQuery(doc, '.summary-content .subject-text'), 300),

  async agentEmail(ctx) {
    return (await getJson(ctx, '/api/v2/agents/me', AgentAnswer))?.agent.email ?? null;
  },
};
