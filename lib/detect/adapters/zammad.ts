import * as z from 'zod/mini';
import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, safeQueryAll, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { emailsIn } from '../text';
import { getJson, id } from './shared';

const Ticket = z.object({ id, title: z.nullish(z.string()), customer_id: id });
const User = z.object({ id, email: z.nullish(z.string()), firstname: z.nullish(z.string()), lastname: z.nullish(z.string()) });

export const zammad: HelpdeskAdapter = {
  id: 'zammad',
  name: 'Zammad',
  matchesUrl: (url) => /^#ticket\/zoom\/\d+/.test(url.hash),
  ticketId: (url) => /^#ticket\/zoom\/(\d{1,12})(?:\/|$)/.exec(url.hash)?.[1] ?? null,

  async fromApi(ctx) {
    const ticket = await getJson(ctx, `/api/v1/tickets/${ctx.ticketId}`, Ticket);
    const customer = ticket && (await getJson(ctx, `/api/v1/users/${ticket.customer_id}`, User));
    if (!customer) return null;
    return uniquePeople([person('requester', 'api', customer.email, [customer.firstname, customer.lastname].filter(Boolean).join(' '))]);
  },

  // Zammad keeps each open ticket in its own #content_permanent_TicketZoom{id} container.
  activeRoot: (doc, ticketId) => doc.getElementById(`content_permanent_TicketZoom${ticketId}`),

  // views/widget/user.jst.eco: the "Email" label is localized, so take the email-shaped userInfo-value.
  fromDom(doc, _url, root = doc) {
    const info = safeQuery(root, '[data-tab="customer"] .userInfo, .sidebar[data-tab="customer"] .userInfo') ?? safeQuery(root, '.userInfo');
    if (!info) return [];
    const name = textOf(safeQuery(info, '.userInfo-name [title="Name"], .userInfo-name'), 200);
    const email = safeQueryAll(info, '.userInfo-value', 20).map((v) => emailsIn(textOf(v, 400) ?? '', 1)[0]).find(Boolean);
    return uniquePeople([person('requester', 'dom', email, name)]);
  },

  ticketTitle: (doc, root = doc) => textOf(safeQuery(root, '.ticket-title-update, .ticket-title'), 300),

  async agentEmail(ctx) {
    return (await getJson(ctx, '/api/v1/users/me', User))?.email ?? null;
  },
};
