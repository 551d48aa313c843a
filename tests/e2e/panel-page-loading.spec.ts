import type { Route } from '@playwright/test';
import { expect, test } from './fixtures';
import { createPerson, serveTicket, ticketHtml } from './panel-helpers';
import { panelFrame } from '../support/panel';

const APP_SCRIPT = 'https://acme.zendesk.com/agent/assets/app.js';

/**
 * A helpdesk's own bundles can keep its page from being parsed for seconds. The ticket's API needs
 * only the URL, so the requester's card does not wait for them: here the page's first script is held
 * until the card has shown, and the page is still being parsed when it does.
 */
test('the requester’s card shows while the helpdesk’s own scripts still hold its page back', async ({ context, okta, connect }) => {
  await connect();
  const person = createPerson(okta);
  const html = ticketHtml(551, 'Cannot sign in').replace('<body>', `<body>\n  <script src="${APP_SCRIPT}"></script>`);
  const url = await serveTicket(context, 551, person, 'Cannot sign in', html);
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await context.route(APP_SCRIPT, async (route: Route) => {
    await released;
    await route.fulfill({ status: 200, contentType: 'text/javascript', body: 'window.helpdeskAppRan = true;' });
  });

  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'commit' });
  const panel = await panelFrame(page);
  await expect(panel.getByTestId('user-name')).toHaveText(person.name, { timeout: 15_000 });
  await expect(panel.getByTestId('user-name')).toBeVisible();
  expect(await page.evaluate(() => document.readyState)).toBe('loading');

  release();
  await page.waitForLoadState('domcontentloaded');
  expect(await page.evaluate(() => (window as unknown as { helpdeskAppRan?: boolean }).helpdeskAppRan)).toBe(true);
  // Reading the parsed page changes nothing for the agent: the same card stays.
  await expect(panel.getByTestId('user-name')).toHaveText(person.name);
  await expect(panel.getByText('Ticket 551')).toBeVisible();
});
