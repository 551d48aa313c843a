import * as z from 'zod/mini';
import type { HelpdeskAdapter } from '../adapter';
import { safeQuery, textOf } from '../dom';
import { person, uniquePeople } from '../person';
import { getJson } from './shared';

const ISSUE_KEY = /^[A-Z][A-Z0-9_]{0,20}-\d{1,9}$/;
// emailAddress is null when the user's privacy settings hide it.
const User = z.object({ accountId: z.optional(z.string()), displayName: z.nullish(z.string()), emailAddress: z.nullish(z.string()) });
const Request = z.object({ issueKey: z.string(), reporter: User });
const Issue = z.object({ key: z.string(), fields: z.object({ reporter: z.nullish(User), creator: z.nullish(User), summary: z.nullish(z.string()) }) });

const sameUser = (a: z.infer<typeof User>, b: z.infer<typeof User>) => !!a.accountId && a.accountId === b.accountId;

export const jiraServiceManagement: HelpdeskAdapter = {
  id: 'jira-service-management',
  name: 'Jira Service Management',
  matchesUrl: (url) => url.hostname.endsWith('.atlassian.net'),

  ticketId(url) {
    const selected = url.searchParams.get('selectedIssue');
    if (selected && ISSUE_KEY.test(selected)) return selected;
    if (!/^\/(browse|jira\/servicedesk\/projects)\//.test(url.pathname)) return null;
    const last = url.pathname.split('/').filter(Boolean).pop() ?? '';
    return ISSUE_KEY.test(last) ? last : null;
  },

  // The reporter is the customer, also when an agent raised the request on their behalf (then the creator).
  async fromApi(ctx) {
    const key = encodeURIComponent(ctx.ticketId);
    const [request, issue] = await Promise.all([
      getJson(ctx, `/rest/servicedeskapi/request/${key}`, Request),
      getJson(ctx, `/rest/api/3/issue/${key}?fields=reporter,creator,summary`, Issue),
    ]);
    const reporter = request?.reporter ?? issue?.fields.reporter;
    if (!reporter) return null;
    const creator = issue?.fields.creator;
    return uniquePeople([
      person('reporter', 'api', reporter.emailAddress, reporter.displayName),
      creator && !sameUser(creator, reporter) ? person('requester', 'api', creator.emailAddress, creator.displayName) : null,
    ]);
  },

  fromDom(doc) {
    const name =
      textOf(safeQuery(doc, '[data-testid="issue.views.field.user.reporter.name.wrapper"]'), 200) ??
      textOf(safeQuery(doc, '[data-testid="issue.views.field.user.reporter"]'), 200) ??
      textOf(safeQuery(doc, '#reporter-val .user-name, #reporter-val'), 200);
    return uniquePeople([person('reporter', 'dom', undefined, name)]);
  },

  ticketTitle: (doc) =>
    textOf(safeQuery(doc, '[data-testid="issue.views.issue-base.foundation.summary.heading"], #summary-val'), 300),

  async agentEmail(ctx) {
    return (await getJson(ctx, '/rest/api/3/myself', User))?.emailAddress ?? null;
  },
};
