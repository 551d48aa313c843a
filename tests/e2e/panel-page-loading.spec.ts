import type { Route } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectFrom, expect, test, waitForFirstSync } from './fixtures';
import { createPerson, existingPerson, serveTicket, ticketHtml } from './panel-helpers';
import { launchWithExtension } from '../support/extension';
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

/**
 * The extension's service worker serves the panel's document itself, with the requester's cached
 * card already rendered into it and its styles in it: the card is painted with the document, and the
 * panel's script, once that paint is done, takes over the same elements.
 */
test('the panel’s document comes from the service worker with the cached card in it; the card works once the panel’s script runs', async ({ context, okta, connect, openExtensionPage }) => {
  await connect();
  const options = await openExtensionPage('options.html');
  await waitForFirstSync(options);
  await options.close();
  const person = existingPerson(okta, (user) => user.status === 'ACTIVE');
  const url = await serveTicket(context, 552, person);
  const page = await context.newPage();
  const served = page.waitForResponse((response) => new URL(response.url()).pathname === '/panel.html');
  await page.goto(url);
  const response = await served;
  expect(response.fromServiceWorker()).toBe(true);
  const html = await response.text();
  // elementtiming: `npm run bench` reads when the card was painted from it.
  expect(html).toContain(`data-testid="user-name" elementtiming="deskside-card">${person.name}</h2>`);
  expect(html).toContain(`data-user-id="${person.id}"`);
  // No stylesheet to fetch before the card can be painted, and the app the panel's script imports
  // after that paint is fetched while the document is read.
  expect(html).not.toContain('rel="stylesheet"');
  expect(html).toMatch(/<style>[^<]*\.panel-body\{/);
  expect(html).toMatch(/<link rel="modulepreload" crossorigin href="\/chunks\/mount-[\w-]+\.js">/);

  const panel = await panelFrame(page);
  await expect(panel.getByTestId('user-name')).toHaveText(person.name);
  await expect(panel.getByTestId('freshness')).toHaveText(/Updated from Okta|Live from Okta/);
  await panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Revoke sessions', exact: true }).click();
  await expect(panel.getByTestId('confirm-action').getByRole('heading')).toContainText('Revoke sessions');
  expect(await panel.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
});

/**
 * Right after the browser starts, Chrome answers storage.managed only once it has loaded its
 * policies, which takes seconds. The agent's first ticket of the day does not wait for it: the
 * panel's document still comes with the card in it, and the panel then works as on any ticket.
 */
test('the first ticket after the browser starts gets its card in the panel’s document', async ({ okta }) => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'deskside-restarted-'));
  try {
    const before = await launchWithExtension({ profile });
    try {
      const options = await before.context.newPage();
      await options.goto(before.extensionUrl('options.html'));
      await connectFrom(options, okta);
      await waitForFirstSync(options);
    } finally {
      await before.close();
    }

    const person = existingPerson(okta, (user) => user.status === 'ACTIVE');
    const after = await launchWithExtension({ profile });
    try {
      const url = await serveTicket(after.context, 553, person);
      const page = await after.context.newPage();
      const served = page.waitForResponse((response) => new URL(response.url()).pathname === '/panel.html');
      await page.goto(url);
      const html = await (await served).text();
      expect(html).toContain(`data-testid="user-name" elementtiming="deskside-card">${person.name}</h2>`);
      const panel = await panelFrame(page);
      await expect(panel.getByTestId('freshness')).toHaveText(/Updated from Okta|Live from Okta/);
    } finally {
      await after.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
