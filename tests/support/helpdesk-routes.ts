import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const FIXTURES = path.resolve('tests/fixtures/helpdesks');

/** A file under tests/fixtures/helpdesks (a page, a frame or an API answer). */
export function readHelpdeskFixture(fixture: string): Buffer {
  return readFileSync(path.join(FIXTURES, fixture));
}

/** A fixture's Content-Type: JSON for an API answer, HTML for a page or frame. */
export function fixtureContentType(fixture: string): string {
  return fixture.endsWith('.json') ? 'application/json' : 'text/html; charset=utf-8';
}

/** Serves `routes` (URL glob → fixture path under tests/fixtures/helpdesks) at the helpdesk's real URLs. */
export async function serveHelpdesk(context: BrowserContext, routes: Record<string, string>): Promise<void> {
  for (const [url, fixture] of Object.entries(routes)) {
    const body = readHelpdeskFixture(fixture);
    const contentType = fixtureContentType(fixture);
    await context.route(url, (route) => route.fulfill({ status: 200, contentType, body }));
  }
}

/** Serves an HTML string at a URL (for pages a test builds itself). */
export async function serveHtml(context: BrowserContext, url: string, html: string): Promise<void> {
  await context.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
}

export const ZENDESK_TICKET_123 = {
  'https://acme.zendesk.com/agent/tickets/123': 'zendesk/ticket-two-panes.html',
  'https://acme.zendesk.com/api/v2/tickets/123.json?include=users': 'zendesk/api-ticket-123.json',
  'https://acme.zendesk.com/api/v2/users/90012.json': 'zendesk/api-user-90012.json',
  'https://acme.zendesk.com/api/v2/users/me.json': 'zendesk/api-users-me.json',
};

/** Zendesk's API answer for ticket 122, the second ticket open beside 123 in `ticket-two-panes.html`. */
export const ZENDESK_TICKET_122_JSON = JSON.stringify({
  ticket: { id: 122, subject: 'Printer error', requester_id: 90077, submitter_id: 90077 },
  users: [{ id: 90077, name: 'Mateo Silva', email: 'mateo.silva@example.com' }],
});
