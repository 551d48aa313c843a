import { mkdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { panelFrame } from '../support/panel';
import { createPerson, openTicket, serveTicket, waitForCard } from './panel-helpers';

const SHOTS = 'test-results/panel-shots';

test('the panel floats over the right edge without changing the helpdesk layout; collapse and width are remembered per host', async ({ context, okta, connect }) => {
  await connect();
  const person = await createPerson(okta);
  const { page, panel } = await openTicket(context, await serveTicket(context, 540, person));
  await waitForCard(panel, 'ACTIVE');
  const host = page.locator('deskside-panel');
  const viewport = page.viewportSize()!;
  const expanded = (await host.boundingBox())!;
  expect(expanded.x + expanded.width).toBe(viewport.width);
  expect(expanded.width).toBe(360);

  // The page outside the panel, with the panel shown and with it taken away, is the same picture.
  // The panel casts a shadow of 8px to its left; the rest of the page must be pixel-identical.
  const region = { x: 0, y: 0, width: viewport.width - expanded.width - 12, height: viewport.height };
  const withPanel = await page.screenshot({ clip: region });
  await host.evaluate((el) => ((el as HTMLElement).style.display = 'none'));
  const withoutPanel = await page.screenshot({ clip: region });
  await host.evaluate((el) => ((el as HTMLElement).style.display = ''));
  expect(withPanel.equals(withoutPanel)).toBe(true);
  expect(await page.evaluate(() => [document.documentElement.getAttribute('style'), document.body.getAttribute('style')])).toEqual([null, null]);

  await panel.getByRole('button', { name: 'Collapse Deskside panel' }).click();
  await expect.poll(async () => (await host.boundingBox())?.width).toBe(40);
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
  await page.reload();
  await panelFrame(page);
  await expect.poll(async () => (await host.boundingBox())?.width).toBe(420);
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
