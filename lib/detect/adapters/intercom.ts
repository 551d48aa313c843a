import * as z from 'zod/mini';
import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { getJson, labelledPeople } from './shared';

const CONVERSATION = /^\/a\/inbox\/([a-z0-9]{1,40})\/.*\/conversation\/(\d{1,20})(?:\/|$)/;
const Conversation = z.object({ user_summary: z.object({ email: z.nullish(z.string()), name: z.nullish(z.string()) }) });
const Admin = z.object({ email: z.nullish(z.string()) });

const appId = (url: URL) => CONVERSATION.exec(url.pathname)?.[1] ?? null;

export const intercom: HelpdeskAdapter = {
  id: 'intercom',
  name: 'Intercom',
  matchesUrl: (url) => url.hostname === 'app.intercom.com',
  ticketId: (url) => CONVERSATION.exec(url.pathname)?.[2] ?? null,

  // The inbox's own endpoint (used by its Ember app) returns the customer's summary.
  async fromApi(ctx) {
    const app = appId(ctx.url);
    if (!app) return null;
    const answer = await getJson(ctx, `/ember/inbox/conversations/${ctx.ticketId}?app_id=${encodeURIComponent(app)}`, Conversation);
    if (!answer) return null;
    return uniquePeople([person('requester', 'api', answer.user_summary.email, answer.user_summary.name)]);
  },

  fromDom: (doc) => labelledPeople(doc),

  ticketTitle: (doc) => textOf(safeQuery(doc, '[data-intercom-target="conversation-card-header"], .conversation__card__title__text'), 300),

  async agentEmail(ctx) {
    const app = appId(ctx.url);
    return app ? ((await getJson(ctx, `/ember/admins/me.json?app_id=${encodeURIComponent(app)}`, Admin))?.email ?? null) : null;
  },
};
