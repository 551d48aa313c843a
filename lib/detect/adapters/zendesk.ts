import * as z from 'zod/mini';
import type { HelpdeskAdapter } from '../adapter';
import { cssString, safeQuery, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { getJson, id, idFromPath } from './shared';

const User = z.object({ id, name: z.nullish(z.string()), email: z.nullish(z.string()) });
const TicketWithUsers = z.object({
  ticket: z.object({ id, subject: z.nullish(z.string()), requester_id: id, submitter_id: z.nullish(id) }),
  users: z.optional(z.array(User)),
});
const UserAnswer = z.object({ user: User });

export const zendesk: HelpdeskAdapter = {
  id: 'zendesk',
  name: 'Zendesk',
  matchesUrl: (url) => url.hostname.endsWith('.zendesk.com'),
  ticketId: (url) => idFromPath(url, /^\/agent\/tickets\/(\d+)/),

  async fromApi(ctx) {
    const answer = await getJson(ctx, `/api/v2/tickets/${ctx.ticketId}.json?include=users`, TicketWithUsers);
    if (!answer) return null;
    const { requester_id, submitter_id } = answer.ticket;
    const find = async (userId: string) =>
      answer.users?.find((u) => u.id === userId) ?? (await getJson(ctx, `/api/v2/users/${userId}.json`, UserAnswer))?.user;
    const requester = await find(requester_id);
    if (!requester) return null;
    const submitter = submitter_id && submitter_id !== requester_id ? await find(submitter_id) : undefined;
    return uniquePeople([
      person('requester', 'api', requester.email, requester.name),
      submitter ? person('reporter', 'api', submitter.email, submitter.name) : null,
    ]);
  },

  // Zendesk keeps every open ticket tab mounted; only the active pane of this ticket counts.
  activeRoot(doc, ticketId) {
    const pane = safeQuery(doc, `[data-side-conversations-anchor-id=${cssString(ticketId)}]`);
    const activePane = pane?.closest('.ticket-panes-grid-layout');
    if (activePane) return activePane.getAttribute('data-is-active') === 'true' ? activePane : null;
    return pane;
  },

  fromDom(doc, _url, root = doc) {
    const field = safeQuery(root, '[data-test-id="ticket-system-field-requester-select"]');
    const name = textOf(safeQuery(field ?? root, '[data-garden-id="typography.ellipsis"]') ?? field, 200);
    const context = safeQuery(root, '[data-test-id="customer-context-tab-navigation"]')?.parentElement ?? root;
    const emailEl = safeQuery(context, '[data-test-id="customer-context-email"], a[href^="mailto:" i]');
    const email = emailEl?.getAttribute('href')?.replace(/^mailto:/i, '') ?? textOf(emailEl, 320);
    return uniquePeople([person('requester', 'dom', email, name)]);
  },

  ticketTitle: (doc, root = doc) => (safeQuery(root, 'input[aria-label="Subject"], [data-test-id="omni-header-subject"]') as HTMLInputElement | null)?.value,

  async agentEmail(ctx) {
    return (await getJson(ctx, '/api/v2/users/me.json', UserAnswer))?.user.email ?? null;
  },
};
