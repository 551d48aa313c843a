import type { Frame } from '@playwright/test';
import { expect, test } from './fixtures';
import { evaluateInContentScript } from '../support/content-world';
import { sendFromExtensionPage } from '../support/extension';
import { helpdeskFixture, serveHelpdeskFixture } from '../support/helpdesk-fixture';
import { panelFrame } from '../support/panel';
import { FIXTURE_PEOPLE, seedPeople } from '../support/seed-people';

interface RuleView { settings: { customRules: { host: string; urlPattern: string; selector: string; role: string; pickedOnPage: boolean }[] } }
interface AuditView { action: string; outcome: string; source: string }

// The generic fixture served on a built-in host (Kayako) at a ticket URL its adapter finds nothing in:
// the generic detector picks Ivan Petrov ("Requested for"); the agent wants Ana Lopez ("Requested by").
const URL_5521 = 'https://acme.kayako.com/agent/conversations/5521';

/** Sends a message from the content script's world in @webext-core/messaging's format and returns the raw reply. */
function contentScriptSend(type: string, data: unknown): string {
  return `new Promise((resolve) => chrome.runtime.sendMessage(
    { id: 1, type: ${JSON.stringify(type)}, data: ${JSON.stringify(data)}, timestamp: Date.now() },
    (reply) => resolve(JSON.stringify(reply ?? { none: chrome.runtime.lastError?.message ?? 'no reply' })),
  ))`;
}

function cardName(panel: Frame) {
  return panel.getByTestId('user-name');
}

test.beforeEach(async ({ okta, connect }) => {
  await seedPeople(okta, [
    ...FIXTURE_PEOPLE,
    { firstName: 'Ivan', lastName: 'Petrov', email: 'ivan.petrov@example.com' },
    { firstName: 'Ana', lastName: 'Lopez', email: 'ana.lopez@example.com' },
  ]);
  await connect();
});

test('pick on page: the agent clicks the requester once, the panel shows that person and options list the picked rule', async ({ context, openExtensionPage }) => {
  await serveHelpdeskFixture(context, { ...helpdeskFixture('generic/unknown-helpdesk.html'), url: URL_5521 });
  const page = await context.newPage();
  await page.goto(URL_5521);
  // A page handler that must not see the pick's click.
  await page.evaluate(() => {
    (window as unknown as { pageClicks: number }).pageClicks = 0;
    document.addEventListener('click', () => (window as unknown as { pageClicks: number }).pageClicks++);
  });
  const panel = await panelFrame(page);
  await expect(cardName(panel)).toHaveText('Ivan Petrov');

  await panel.getByRole('button', { name: 'Pick requester on page' }).click();
  await expect(panel.getByRole('status')).toContainText('Click the requester');
  await page.getByRole('cell', { name: 'Ana Lopez <ana.lopez@example.com>' }).click();

  await expect(cardName(panel)).toHaveText('Ana Lopez');
  expect(await page.evaluate(() => (window as unknown as { pageClicks: number }).pageClicks)).toBe(0);
  // The outline and hint are gone, and the page's own elements were never restyled.
  await expect(page.locator('deskside-picker')).toHaveCount(0);
  expect(await page.locator('main [style]').count()).toBe(0);

  const options = await openExtensionPage('options.html#helpdesks');
  const rules = (await sendFromExtensionPage<RuleView>(options, 'getSettings')).settings.customRules;
  expect(rules).toEqual([expect.objectContaining({ host: 'acme.kayako.com', urlPattern: '/agent/conversations/*', role: 'requester', pickedOnPage: true })]);
  expect(rules[0]!.selector).not.toMatch(/\d{3,}/);
  const row = options.getByTestId('custom-rule-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('picked on page');
  await expect(row).toContainText('/agent/conversations/*');

  // The rule applies to the next ticket of that kind too.
  const other = await context.newPage();
  await serveHelpdeskFixture(context, { ...helpdeskFixture('generic/unknown-helpdesk.html'), url: 'https://acme.kayako.com/agent/conversations/5522' });
  await other.goto('https://acme.kayako.com/agent/conversations/5522');
  await expect(cardName(await panelFrame(other))).toHaveText('Ana Lopez');
});

test('Esc leaves pick mode without saving, and the page gets its clicks back', async ({ context, openExtensionPage }) => {
  await serveHelpdeskFixture(context, { ...helpdeskFixture('generic/unknown-helpdesk.html'), url: URL_5521 });
  const page = await context.newPage();
  await page.goto(URL_5521);
  const panel = await panelFrame(page);
  await expect(cardName(panel)).toHaveText('Ivan Petrov');
  await panel.getByRole('button', { name: 'Pick requester on page' }).click();
  await expect(page.locator('deskside-picker')).toHaveCount(1);
  await page.keyboard.press('Escape'); // right after the click in the panel: pick mode took the keyboard
  await expect(page.locator('deskside-picker')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Pick requester on page' }).click();
  await page.locator('h1').click(); // no email in the heading: nothing is picked and pick mode stays
  await expect(page.locator('deskside-picker')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(page.locator('deskside-picker')).toHaveCount(0);
  await page.evaluate(() => document.querySelector('h1')!.addEventListener('click', () => document.body.setAttribute('data-clicked', 'yes')));
  await page.locator('h1').click();
  await expect(page.locator('body')).toHaveAttribute('data-clicked', 'yes');

  const options = await openExtensionPage('options.html');
  expect((await sendFromExtensionPage<RuleView>(options, 'getSettings')).settings.customRules).toEqual([]);
});

test('a picked rule reported without arming is refused and audited', async ({ context, extensionId, openExtensionPage }) => {
  await serveHelpdeskFixture(context, { ...helpdeskFixture('generic/unknown-helpdesk.html'), url: URL_5521 });
  const page = await context.newPage();
  await page.goto(URL_5521);
  await panelFrame(page);

  const pick = { selector: 'header .me', urlPattern: '/agent/conversations/*' };
  const reply = JSON.parse(await evaluateInContentScript<string>(page, extensionId, contentScriptSend('reportPickedRule', pick)));
  expect(reply.res).toBeUndefined();
  expect(reply.err?.message ?? '').toContain('not asked to pick');

  const options = await openExtensionPage('options.html');
  expect((await sendFromExtensionPage<RuleView>(options, 'getSettings')).settings.customRules).toEqual([]);
  const audit = await sendFromExtensionPage<AuditView[]>(options, 'listAudit', {});
  expect(audit).toContainEqual(expect.objectContaining({ action: 'reportPickedRule', outcome: 'refused', source: 'content-script' }));
});
