import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { serveHtml } from '../support/helpdesk-routes';
import { panelFrame } from '../support/panel';
import { differingPixels } from '../support/same-picture';
import { createPerson, openTicket, serveTicket, waitForCard } from './panel-helpers';

const SHOTS = 'test-results/panel-shots';

/** A helpdesk laid out as an app shell, like Zendesk's or ServiceNow's: fixed bars and absolutely placed columns; the document never scrolls. */
function appShellHtml(ticketId: number): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket ${ticketId}</title>
<style>
  html, body { height: 100%; margin: 0; overflow: hidden; font: 15px/1.4 Arial, sans-serif; color: #111; background: #f3f4f6; }
  .topbar { position: fixed; top: 0; left: 0; right: 0; height: 44px; display: flex; align-items: center; justify-content: space-between; padding: 0 12px; background: #03363d; color: #fff; }
  .workspace { position: absolute; top: 44px; bottom: 56px; left: 0; right: 0; display: grid; grid-template-columns: 180px 1fr 240px; }
  .workspace > * { padding: 12px; border-right: 1px solid #d1d5db; overflow: auto; }
  .context { background: #fff; display: flex; flex-direction: column; gap: 8px; align-items: stretch; }
  .composer { position: fixed; left: 0; right: 0; bottom: 0; height: 56px; display: flex; gap: 8px; align-items: center; justify-content: flex-end; padding: 0 12px; background: #fff; border-top: 1px solid #d1d5db; }
  .pattern { height: 160px; background: repeating-linear-gradient(45deg, #e5e7eb 0 10px, #fff 10px 20px); }
</style></head>
<body>
  <div class="topbar"><button id="views">Views</button><strong>Acme Support</strong><button id="profile">Sam Taylor</button></div>
  <div class="workspace">
    <nav><p>Ticket views</p><div class="pattern"></div></nav>
    <article><h1>#${ticketId} Cannot sign in</h1><p>Hello, I need help with my account.</p><div class="pattern"></div></article>
    <aside class="context"><strong>Requester</strong><button id="edit-requester">Edit requester</button><a href="#apps" id="apps">Apps</a><select id="assignee" aria-label="Assignee"><option>Sam Taylor</option></select></aside>
  </div>
  <div class="composer"><textarea id="reply" aria-label="Reply" rows="1" cols="40"></textarea><button id="send">Submit as Open</button></div>
  <script>window.clicked = []; document.addEventListener('click', (e) => e.target.id && window.clicked.push(e.target.id));</script>
</body></html>`;
}

/** The page's own controls that a click at their centre would not reach: something of Deskside's is on top. */
function coveredControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input, select, textarea')].flatMap((control) => {
      const box = control.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (box.width === 0 || x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return [];
      const hit = document.elementFromPoint(x, y);
      return hit && control.contains(hit) ? [] : [control.id];
    }),
  );
}

const VIEWPORT = { width: 1440, height: 900 };
/** The page beside a 360px panel, less the 8px shadow the panel casts to its left. */
const BESIDE_PANEL = { x: 0, y: 0, width: VIEWPORT.width - 360 - 12, height: VIEWPORT.height };

/** Screenshots of `html` without Deskside (served at a URL that is not a ticket) in a window `width` wide: whole, and clipped to `clip`. */
async function pageWithoutDeskside(context: BrowserContext, html: string, width: number, clip: { x: number; y: number; width: number; height: number }) {
  const url = `https://acme.zendesk.com/agent/dashboard/${width}`;
  await serveHtml(context, url, html);
  const page = await context.newPage();
  await page.setViewportSize({ width, height: clip.height });
  await page.goto(url);
  expect(await page.locator('deskside-panel').count()).toBe(0);
  const shots = { whole: await page.screenshot(), clipped: await page.screenshot({ clip }) };
  await page.close();
  return shots;
}

test('the panel makes room beside an app-shell helpdesk: no control of the page under it, the page as in a narrower window; collapse, width and placement remembered per host', async ({ context, okta, connect }) => {
  await connect();
  const person = await createPerson(okta);
  const html = appShellHtml(543);
  const besideWidePanel = { ...BESIDE_PANEL, width: VIEWPORT.width - 420 - 12 };
  // Taken first: a page opened later, while the ticket is open, leaves Chromium's headless hit-testing of the panel's frame stale.
  const narrower = await pageWithoutDeskside(context, html, VIEWPORT.width - 360, BESIDE_PANEL);
  const fullWidth = await pageWithoutDeskside(context, html, VIEWPORT.width, besideWidePanel);

  const { page, panel } = await openTicket(context, await serveTicket(context, 543, person, 'Cannot sign in', html));
  expect(page.viewportSize()).toEqual(VIEWPORT);
  await waitForCard(panel, 'ACTIVE');
  const host = page.locator('deskside-panel');
  const expanded = (await host.boundingBox())!;
  expect(expanded.x + expanded.width).toBe(VIEWPORT.width);
  expect(expanded.width).toBe(360);

  // Fixed bars, the absolutely placed right column and the composer all moved out from under the panel.
  expect(await coveredControls(page)).toEqual([]);
  await page.locator('#profile').click();
  await page.locator('#send').click();
  await page.locator('#edit-requester').click();
  expect(await page.evaluate(() => (window as unknown as { clicked: string[] }).clicked)).toEqual(['profile', 'send', 'edit-requester']);

  // Beside the panel the page is, pixel for pixel, the page without Deskside in a window 360px narrower.
  expect(differingPixels(await page.screenshot({ clip: BESIDE_PANEL }), narrower.clipped)).toBe(0);
  expect(await page.evaluate(() => [document.documentElement.getAttribute('style'), document.body.getAttribute('style')])).toEqual([null, null]);

  // Collapsed to the tab, the page gets back all but the tab's 40px.
  await panel.getByRole('button', { name: 'Collapse Deskside panel' }).click();
  await expect.poll(async () => (await host.boundingBox())?.width).toBe(40);
  await expect.poll(async () => {
    const profile = (await page.locator('#profile').boundingBox())!;
    return profile.x + profile.width;
  }).toBeGreaterThan(VIEWPORT.width - 80);
  expect(await coveredControls(page)).toEqual([]);
  await page.reload();
  const collapsed = await panelFrame(page);
  await expect(collapsed.getByRole('button', { name: 'Open Deskside panel' })).toBeVisible();
  await expect.poll(async () => (await host.boundingBox())?.width).toBe(40);
  await collapsed.getByRole('button', { name: 'Open Deskside panel' }).click();
  await expect.poll(async () => (await host.boundingBox())?.width).toBe(360);

  const separator = collapsed.getByRole('separator', { name: 'Resize panel' });
  await separator.focus();
  for (let i = 0; i < 3; i++) await separator.press('ArrowLeft');
  await expect.poll(async () => (await host.boundingBox())?.width).toBe(420);
  await expect.poll(() => coveredControls(page)).toEqual([]);
  await page.reload();
  let reloaded = await panelFrame(page);
  await expect.poll(async () => (await host.boundingBox())?.width).toBe(420);

  // Floating over the page: the page keeps its full width, pixel for pixel outside the panel, and the panel covers its right edge.
  await reloaded.getByRole('button', { name: 'Float over page' }).click();
  await expect(reloaded.getByRole('button', { name: 'Float over page' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => coveredControls(page)).toEqual(['profile', 'edit-requester', 'apps', 'assignee', 'reply', 'send']);
  expect(differingPixels(await page.screenshot({ clip: besideWidePanel }), fullWidth.clipped)).toBe(0);
  await page.reload();
  reloaded = await panelFrame(page);
  await expect(reloaded.getByRole('button', { name: 'Float over page' })).toHaveAttribute('aria-pressed', 'true');
  await reloaded.getByRole('button', { name: 'Float over page' }).click();
  await expect.poll(() => coveredControls(page)).toEqual([]);

  // Leaving the ticket hides the panel and gives the page back all of its width: the same picture as without Deskside.
  await page.evaluate(() => history.pushState({}, '', '/agent/dashboard/home'));
  await expect(host).toBeHidden();
  await expect.poll(async () => differingPixels(await page.screenshot(), fullWidth.whole)).toBe(0);
});

test('on a helpdesk page that scrolls, the panel makes room for the content, and bars fixed to the window stay fixed', async ({ context, okta, connect }) => {
  await connect();
  const person = await createPerson(okta);
  // The thread arrives after the page, as in a single-page helpdesk: the page starts short and becomes a scrolling document.
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ticket 544</title>
<style>
  body { margin: 0; font: 15px/1.4 Arial, sans-serif; background: #eef2f7; }
  .masthead { position: sticky; top: 0; height: 40px; background: #1f2937; color: #fff; padding: 0 12px; display: flex; align-items: center; justify-content: space-between; }
  .thread { padding: 12px; }
  .message { height: 400px; border-bottom: 1px solid #d1d5db; }
  .actions { display: flex; justify-content: flex-end; }
  #help { position: fixed; left: 8px; bottom: 8px; }
</style></head>
<body>
  <div class="masthead" id="masthead"><span>Support</span><button id="sign-out">Sign out</button></div>
  <div class="thread" id="thread"><div class="actions"><button id="post-reply">Post reply</button></div></div>
  <button id="help">Help</button>
  <script>window.loadThread = () => document.getElementById('thread').insertAdjacentHTML('beforeend', '<div class="message">A message.</div>'.repeat(8));</script>
</body></html>`;
  const narrower = await pageWithoutDeskside(context, html, VIEWPORT.width - 360, BESIDE_PANEL);
  const { page, panel } = await openTicket(context, await serveTicket(context, 544, person, 'Cannot sign in', html));
  expect(page.viewportSize()).toEqual(VIEWPORT);
  await waitForCard(panel, 'ACTIVE');
  const helpTop = VIEWPORT.height - 8 - (await page.locator('#help').boundingBox())!.height;
  expect(await coveredControls(page)).toEqual([]);
  expect((await page.locator('#help').boundingBox())!.y).toBeCloseTo(helpTop, 0);
  // Still short, the page beside the panel is the narrower page, its body's background down to the window's bottom included.
  expect(differingPixels(await page.screenshot({ clip: BESIDE_PANEL }), narrower.clipped)).toBe(0);

  await page.evaluate(() => (window as unknown as { loadThread: () => void }).loadThread());
  await page.mouse.move(200, 300);
  await page.mouse.wheel(0, 1200);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
  expect((await page.locator('#masthead').boundingBox())!.y).toBe(0);
  await expect.poll(async () => (await page.locator('#help').boundingBox())!.y).toBeCloseTo(helpTop, 0);
  expect(await coveredControls(page)).toEqual([]);
  expect((await page.locator('#post-reply').boundingBox())!.x).toBeLessThan(VIEWPORT.width - 360);
});

test('a ticket that names nobody gets no panel, and the room kept for it while the page loaded is given back', async ({ context, connect }) => {
  await connect();
  const html = appShellHtml(545);
  const fullWidth = await pageWithoutDeskside(context, html, VIEWPORT.width, { x: 0, y: 0, ...VIEWPORT });
  const url = 'https://acme.zendesk.com/agent/tickets/545';
  await serveHtml(context, url, html);
  await context.route('https://acme.zendesk.com/api/v2/**', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"RecordNotFound"}' }));
  const page = await context.newPage();
  await page.goto(url);
  await panelFrame(page);
  await expect(page.locator('deskside-panel')).toBeHidden();
  await expect.poll(async () => differingPixels(await page.screenshot(), fullWidth.whole)).toBe(0);
  expect(await coveredControls(page)).toEqual([]);
});

test('screenshots of the panel on a ticket, light and dark', async ({ context, okta, connect }) => {
  await connect();
  const oktaGroups = okta.org.groups.filter((g) => g.type === 'OKTA_GROUP').slice(0, 2).map((g) => g.id);
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    const person = await createPerson(okta, { groupIds: oktaGroups });
    const { page, panel } = await openTicket(context, await serveTicket(context, scheme === 'light' ? 541 : 542, person));
    await page.emulateMedia({ colorScheme: scheme });
    await waitForCard(panel, 'ACTIVE');
    await expect(panel.locator('body')).toHaveCSS('background-color', scheme === 'dark' ? 'rgb(22, 24, 29)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: `${SHOTS}/panel-${scheme}.png` });
    await panel.getByRole('group', { name: 'Playbooks' }).getByRole('button', { name: 'Offboard' }).click();
    await panel.getByLabel('Type the Okta login to confirm').fill('wrong');
    await page.screenshot({ path: `${SHOTS}/panel-${scheme}-confirm.png` });
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Reset password' }).click();
    await panel.getByLabel(/Email the reset link/).uncheck();
    await panel.getByTestId('confirm-button').click();
    await expect(panel.getByTestId('one-time-secret')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/panel-${scheme}-result.png` });
    await page.close();
  }
});
