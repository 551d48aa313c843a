import type { Frame } from '@playwright/test';
import { expect, test } from './fixtures';
import type { Detection } from '../../lib/detect/types';
import { helpdeskFixture, panelTexts, recordPanelTexts, serveHelpdeskFixture } from '../support/helpdesk-fixture';
import { ZENDESK_TICKET_122_JSON } from '../support/helpdesk-routes';
import { panelFrame } from '../support/panel';
import { allowSiteAccess } from '../support/site-access';
import { FIXTURE_PEOPLE, seedPeople, type Person } from '../support/seed-people';

const PEOPLE: Person[] = [
  ...FIXTURE_PEOPLE,
  { firstName: 'Priya', lastName: 'Patel', email: 'priya.patel@example.com' },
  { firstName: 'Hana', lastName: 'Suzuki', email: 'hana.suzuki@example.com' },
  { firstName: 'Nadia', lastName: 'Novak', email: 'nadia.novak@example.com' },
  { firstName: 'Ivan', lastName: 'Petrov', email: 'ivan.petrov@example.com' },
  { firstName: 'Ana', lastName: 'Lopez', email: 'ana.lopez@example.com' },
];

test.beforeEach(async ({ okta, connect }) => {
  await seedPeople(okta, PEOPLE);
  await connect();
});

/** The card the panel shows: the Okta user's name heading (the card is read live from the fake Okta). */
function cardName(panel: Frame) {
  return panel.getByTestId('user-name');
}

test('Zendesk: two tickets open, switching between them shows each requester and never the previous one', async ({ context }) => {
  await serveHelpdeskFixture(context, helpdeskFixture('zendesk/ticket-two-panes.html'), { '/api/v2/tickets/122.json': { body: ZENDESK_TICKET_122_JSON } });
  const page = await context.newPage();
  await page.goto('https://acme.zendesk.com/agent/tickets/123');
  const panel = await panelFrame(page);
  await expect(cardName(panel)).toHaveText('Grace Hansen');

  // The agent clicks the other ticket tab: Zendesk swaps the active pane and pushes the URL.
  const switchTo = (id: string) =>
    page.evaluate((target) => {
      for (const pane of document.querySelectorAll('.ticket-panes-grid-layout')) {
        const mine = pane.querySelector(`[data-side-conversations-anchor-id="${target}"]`) !== null;
        pane.setAttribute('data-is-active', String(mine));
      }
      history.pushState({}, '', `/agent/tickets/${target}`);
    }, id);

  await recordPanelTexts(panel);
  await switchTo('122');
  await expect(cardName(panel)).toHaveText('Mateo Silva');
  await expect(panel.getByText('Ticket 122')).toBeVisible();
  const shownFor122 = (await panelTexts(panel)).filter((text) => text.includes('Ticket 122'));
  expect(shownFor122.length).toBeGreaterThan(0);
  expect(shownFor122.filter((text) => /Grace Hansen|grace\.hansen/.test(text))).toEqual([]);

  await recordPanelTexts(panel);
  await switchTo('123');
  await expect(cardName(panel)).toHaveText('Grace Hansen');
  const shownFor123 = (await panelTexts(panel)).filter((text) => text.includes('Ticket 123'));
  expect(shownFor123.filter((text) => /Mateo Silva|mateo\.silva/.test(text))).toEqual([]);
});

for (const { page: fixturePage, name, ticket } of [
  { page: 'jira-service-management/issue.html', name: 'Hana Suzuki', ticket: 'IT-42' },
  { page: 'servicenow/nav-to-incident.html', name: 'Nadia Novak', ticket: 'incident/9d385017c611228701d22104cc95c371' },
  { page: 'freshdesk/ticket.html', name: 'Priya Patel', ticket: '4521' },
]) {
  const fixture = helpdeskFixture(fixturePage);
  test(`${fixture.helpdesk} (${fixturePage}): the panel shows the requester`, async ({ context }) => {
    await serveHelpdeskFixture(context, fixture);
    const page = await context.newPage();
    await page.goto(fixture.url);
    const panel = await panelFrame(page);
    await expect(cardName(panel)).toHaveText(name);
    await expect(panel.getByText(`Ticket ${ticket}`)).toBeVisible();
    // Never the agent signed in to the helpdesk.
    await expect(panel.getByText('sam.taylor@example.com')).toHaveCount(0);
  });
}

/** The detection the background holds for the panel's tab, asked for from inside the panel frame with its own nonce. */
async function panelDetection(panel: Frame): Promise<Detection | null> {
  const reply = await panel.evaluate(
    () =>
      new Promise<{ res?: { detection: Detection | null }; err?: { message?: string } }>((resolve) =>
        (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome.runtime.sendMessage(
          { id: Date.now(), type: 'getPanelContext', data: { nonce: location.hash.slice(1) }, timestamp: Date.now() },
          resolve,
        ),
      ),
  );
  if (reply?.err) throw new Error(reply.err.message ?? 'getPanelContext failed');
  return reply?.res?.detection ?? null;
}

test('an unknown self-hosted helpdesk added in options is read by the generic detector, then by a custom rule added in options', async ({ context, extensionId, openExtensionPage }) => {
  // A helpdesk no adapter knows, neither by host nor by path. Deskside runs there only once it is added as a
  // self-hosted helpdesk in options (which asks for the origin's permission and registers the content script).
  const fixture = helpdeskFixture('generic/unknown-helpdesk.html');
  const url = fixture.url; // https://tickets.acme.example/requests/5521
  const origin = new URL(url).origin;
  await serveHelpdeskFixture(context, fixture);

  const page = await context.newPage();
  await page.goto(url);
  await page.waitForTimeout(1500); // a negative check: give a content script the time to appear
  await expect(page.locator('deskside-panel')).toHaveCount(0);

  const options = await openExtensionPage('options.html#helpdesks');
  await allowSiteAccess(context, extensionId, `${origin}/*`);
  await options.getByLabel('Helpdesk address').fill(new URL(url).host);
  await options.getByLabel('Helpdesk software').selectOption('auto');
  await options.getByRole('button', { name: 'Add helpdesk' }).click();
  await expect(options.getByTestId('self-hosted-row')).toContainText(origin);
  await expect(options.getByTestId('self-hosted-row')).toContainText('On');

  await page.reload();
  let panel = await panelFrame(page);
  await expect(cardName(panel)).toHaveText('Ivan Petrov'); // "Requested for" ranks first
  await expect(panel.getByText('sam.taylor@example.com')).toHaveCount(0);
  const generic = await panelDetection(panel);
  expect(generic?.helpdesk).toBe('generic');
  expect(generic?.people.slice(0, 2)).toEqual([
    { role: 'requested-for', source: 'generic', email: 'ivan.petrov@example.com', name: 'Ivan Petrov' },
    { role: 'requester', source: 'generic', email: 'ana.lopez@example.com', name: 'Ana Lopez' },
  ]);
  expect(generic?.people.every((p) => p.source === 'generic')).toBe(true);

  // The rule points at "Requested by" (Ana Lopez), not the person the generic detector ranks first.
  await options.getByRole('button', { name: 'Add rule' }).click();
  await options.getByLabel('Host', { exact: true }).fill(new URL(url).host);
  await options.getByLabel('URL pattern').fill('/requests/*');
  await options.getByLabel('CSS selector').fill('table.request-fields tr:first-child td');
  await options.getByLabel('Role').selectOption('requester');
  await options.getByRole('button', { name: 'Save rule' }).click();
  await expect(options.getByTestId('custom-rule-row')).toHaveCount(1);
  await expect(options.getByTestId('custom-rule-row')).toContainText(new URL(url).host);

  await page.reload();
  panel = await panelFrame(page);
  await expect(cardName(panel)).toHaveText('Ana Lopez');
  await expect.poll(() => panelDetection(panel), { message: 'the detection after the rule was added' }).toEqual({
    helpdesk: 'generic',
    ticketId: '5521',
    ticketUrl: url,
    ticketTitle: 'Request 5521 · Acme Desk',
    // The rule's person only: the generic detector runs when no adapter and no rule finds anyone.
    people: [{ role: 'requester', source: 'rule', email: 'ana.lopez@example.com', name: 'Ana Lopez' }],
  });
});
