import { expect, type BrowserContext, type Frame, type Page } from '@playwright/test';
import type { FakeOkta } from '../fake-okta/server';
import type { UserRecord } from '../fake-okta/types';
import { sendFromExtensionPage } from '../support/extension';
import { serveHtml } from '../support/helpdesk-routes';
import { panelFrame } from '../support/panel';

/** Helpers for the panel's action specs: people in the fake org, a Zendesk ticket that names them, the panel. */

let people = 0;

export interface TestPerson {
  id: string;
  email: string;
  name: string;
}

/** A new ACTIVE Okta-sourced person with a password, in `groupIds`, unique to this test. */
export function createPerson(okta: FakeOkta, { groupIds = [] as string[], first = 'Robin' } = {}): TestPerson {
  people += 1;
  const last = `Tester${people}${Math.random().toString(36).slice(2, 6)}`;
  const email = `person.${last}@example.com`.toLowerCase();
  const { id } = okta.mutate({
    op: 'createUser',
    profile: { login: email, email, firstName: first, lastName: last, title: 'Engineer', department: 'IT' },
    password: 'Test-Passw0rd!-2026',
    groupIds,
  }) as { id: string };
  return { id, email, name: `${first} ${last}` };
}

export const lifecycle = (okta: FakeOkta, id: string, action: string) => okta.mutate({ op: 'lifecycle', id, action });
export const lockOut = (okta: FakeOkta, id: string) => okta.mutate({ op: 'lockOut', id });
export const addMember = (okta: FakeOkta, groupId: string, userId: string) => okta.mutate({ op: 'addMember', groupId, userId });

export function fakeUser(okta: FakeOkta, id: string): UserRecord | undefined {
  return okta.org.findUser(id);
}

/** A plain helpdesk-like page: a header with controls on both sides, a ticket, a requester. Markup in `name` stays text only if we escape it here. */
export function ticketHtml(ticketId: number, title: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket ${ticketId}</title>
<style>
  body { margin: 0; font: 15px/1.4 Arial, sans-serif; background: #f3f4f6; color: #111; }
  header { display: flex; justify-content: space-between; align-items: center; padding: 10px 16px; background: #03363d; color: #fff; }
  header button { font: inherit; }
  main { padding: 16px; display: grid; grid-template-columns: 240px 1fr; gap: 16px; }
  nav, article { background: #fff; border: 1px solid #d1d5db; border-radius: 6px; padding: 12px; }
  .pattern { height: 180px; background: repeating-linear-gradient(45deg, #e5e7eb 0 10px, #fff 10px 20px); }
</style></head>
<body>
  <header><button id="views">Views</button><strong>Acme Support</strong><button id="page-control">Submit as Open</button></header>
  <main>
    <nav><p>Ticket views</p><ul><li>Unassigned</li><li>Open</li><li>Solved</li></ul><div class="pattern"></div></nav>
    <article><h1>#${ticketId} ${title}</h1><p>Hello, I need help with my account.</p><div class="pattern"></div></article>
  </main>
</body></html>`;
}

/** Serves a Zendesk ticket whose requester (through Zendesk's API, as the adapter reads it) is `requester`. */
export async function serveTicket(
  context: BrowserContext,
  ticketId: number,
  requester: { email: string; name: string },
  title = 'Cannot sign in',
  html = ticketHtml(ticketId, title),
): Promise<string> {
  const url = `https://acme.zendesk.com/agent/tickets/${ticketId}`;
  await serveHtml(context, url, html);
  const json = (body: unknown) => (route: import('@playwright/test').Route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  await context.route(
    `https://acme.zendesk.com/api/v2/tickets/${ticketId}.json?include=users`,
    json({
      ticket: { id: ticketId, subject: title, requester_id: 7000 + ticketId, submitter_id: 7000 + ticketId },
      users: [{ id: 7000 + ticketId, name: requester.name, email: requester.email }],
    }),
  );
  await context.route('https://acme.zendesk.com/api/v2/users/me.json', json({ user: { id: 90001, name: 'Sam Taylor', email: 'sam.taylor@example.com' } }));
  return url;
}

/** Opens the ticket and waits for the panel's card of `person` (live from Okta). */
export async function openTicket(context: BrowserContext, url: string): Promise<{ page: Page; panel: Frame }> {
  const page = await context.newPage();
  await page.goto(url);
  const panel = await panelFrame(page);
  return { page, panel };
}

export async function waitForCard(panel: Frame, status: string): Promise<void> {
  await expect(panel.getByTestId('status-badge').first()).toHaveAttribute('data-status', status);
  await expect(panel.getByTestId('freshness')).not.toHaveText(/Refreshing/);
}

/** Clicks an action on the bar, confirms it (typing the login for typed gates), and returns the result box. */
export async function runFromBar(panel: Frame, label: string, options: { typed?: string; before?: () => Promise<void> } = {}) {
  await panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: label, exact: true }).click();
  return confirmPending(panel, label, options);
}

export async function confirmPending(panel: Frame, label: string, options: { typed?: string; before?: () => Promise<void> } = {}) {
  const confirm = panel.getByTestId('confirm-action');
  await expect(confirm.getByRole('heading')).toContainText(label);
  await options.before?.();
  if (options.typed !== undefined) await confirm.getByLabel('Type the Okta login to confirm').fill(options.typed);
  await confirm.getByTestId('confirm-button').click();
  const result = panel.getByTestId('action-result');
  await expect(result).toBeVisible();
  return result;
}

export async function readAudit(context: BrowserContext, extensionId: string): Promise<Record<string, unknown>[]> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  const entries = await sendFromExtensionPage<Record<string, unknown>[]>(page, 'listAudit', { limit: 200 });
  await page.close();
  return entries;
}

export function offeredActions(panel: Frame) {
  return panel.getByRole('group', { name: 'Okta actions' }).getByRole('button').allInnerTexts();
}

const taken = new Set<string>();

/** A person of the generated org that fits `fits` and no earlier test of this worker used (e.g. one with enrolled factors). */
export function existingPerson(okta: FakeOkta, fits: (user: UserRecord) => boolean): TestPerson {
  const user = okta.org.users.find((u) => u.id !== okta.org.admin.id && !taken.has(u.id) && typeof u.profile.email === 'string' && fits(u));
  if (!user) throw new Error('No unused person in the fake org fits this test.');
  taken.add(user.id);
  return { id: user.id, email: String(user.profile.email), name: `${user.profile.firstName ?? ''} ${user.profile.lastName ?? ''}`.trim() };
}
