import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame } from '@playwright/test';
import { expect, test } from './fixtures';
import { confirmPending, createPerson, openTicket, serveTicket, waitForCard } from './panel-helpers';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const BACKGROUND = { light: 'rgb(255, 255, 255)', dark: 'rgb(22, 24, 29)' };

/** Runs axe-core inside the panel's frame (the closed shadow root keeps it out of reach from the ticket page's DOM). */
async function violations(panel: Frame, scheme: 'light' | 'dark'): Promise<string[]> {
  // The emulated colour scheme reached the panel's frame.
  await expect(panel.locator('body')).toHaveCSS('background-color', BACKGROUND[scheme]);
  const hasAxe = await panel.evaluate(() => 'axe' in window);
  if (!hasAxe) await panel.evaluate(AXE_SOURCE);
  const found = await panel.evaluate(async (tags) => {
    type Result = { violations: { id: string; nodes: { target: unknown }[] }[]; passes: unknown[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    // Proof that the rules ran over the panel's content rather than an empty page.
    if (result.passes.length < 5) return [`axe checked only ${result.passes.length} rules`];
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, TAGS);
  return found;
}

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no WCAG 2.1 AA violations in the panel's states (${scheme})`, async ({ context, okta, connect }) => {
    await connect();
    const groupIds = okta.org.groups.filter((g) => g.type !== 'BUILT_IN').slice(0, 4).map((g) => g.id);
    const person = await createPerson(okta, { groupIds: groupIds.filter((id) => okta.org.findGroup(id)?.type === 'OKTA_GROUP') });
    const { page, panel } = await openTicket(context, await serveTicket(context, scheme === 'light' ? 550 : 551, person));
    await page.emulateMedia({ colorScheme: scheme });
    await waitForCard(panel, 'ACTIVE');
    expect(await violations(panel, scheme), 'card').toEqual([]);

    await panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Deactivate', exact: true }).click();
    await panel.getByLabel('Type the Okta login to confirm').fill('not-the-login');
    expect(await violations(panel, scheme), 'confirming (typed)').toEqual([]);
    await panel.getByRole('button', { name: 'Cancel' }).click();

    await panel.getByRole('group', { name: 'Okta actions' }).getByRole('button', { name: 'Add to group', exact: true }).click();
    const appGroup = okta.org.groups.find((g) => g.type === 'APP_GROUP')!;
    const combo = panel.getByRole('combobox', { name: 'Find a group' });
    await expect(async () => {
      await combo.fill('');
      await combo.fill(appGroup.profile.name);
      await expect(panel.getByRole('option').first()).toBeVisible({ timeout: 1000 });
    }).toPass();
    expect(await violations(panel, scheme), 'picker open').toEqual([]);
    await panel.getByRole('option').first().click();
    const result = await confirmPending(panel, 'Add to group');
    await expect(result).toHaveAttribute('data-outcome', 'failure');
    expect(await violations(panel, scheme), 'error result').toEqual([]);

    await panel.locator('body').press('/');
    await expect(panel.getByTestId('command-palette')).toBeVisible();
    expect(await violations(panel, scheme), 'command palette').toEqual([]);
    await panel.getByRole('combobox', { name: 'Type an action' }).press('Escape');

    const missing = await openTicket(context, await serveTicket(context, scheme === 'light' ? 552 : 553, { email: `nobody.${scheme}@example.com`, name: 'No Body' }));
    await missing.page.emulateMedia({ colorScheme: scheme });
    await expect(missing.panel.getByTestId('not-in-okta')).toBeVisible();
    expect(await violations(missing.panel, scheme), 'not in Okta').toEqual([]);
    await missing.panel.getByRole('button', { name: 'Create user' }).click();
    expect(await violations(missing.panel, scheme), 'create user form').toEqual([]);
  });
}
