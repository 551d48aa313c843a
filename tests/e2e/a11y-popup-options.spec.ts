import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, waitForFirstSync } from './fixtures';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const OPTIONS_SECTIONS = ['connection', 'sync', 'field-map', 'helpdesks', 'actions', 'audit', 'rollout'];

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
}

for (const scheme of ['light', 'dark'] as const) {
  test(`popup and every options section have no axe violations (${scheme})`, async ({ openExtensionPage, connect }) => {
    await connect();
    const popup = await openExtensionPage('popup.html');
    await waitForFirstSync(popup);
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize({ width: 420, height: 600 });
    await expect(popup.getByRole('combobox', { name: 'Find a person in Okta' })).toBeFocused();
    await popup.keyboard.type('gr');
    await expect(popup.getByRole('option').first()).toBeVisible();
    expect(await violations(popup), 'popup with results').toEqual([]);
    await popup.screenshot({ path: test.info().outputPath(`popup-results-${scheme}.png`) });
    await popup.keyboard.press('Enter');
    await expect(popup.getByTestId('user-card')).toBeVisible();
    expect(await violations(popup), 'popup with a card').toEqual([]);
    await popup.screenshot({ path: test.info().outputPath(`popup-card-${scheme}.png`), fullPage: true });

    const options = await openExtensionPage('options.html');
    await options.emulateMedia({ colorScheme: scheme });
    for (const section of OPTIONS_SECTIONS) {
      await options.goto(options.url().replace(/#.*$/, '') + `#${section}`);
      await expect(options.getByRole('main').getByRole('heading', { level: 2 }).first()).toBeVisible();
      await options.waitForLoadState('networkidle');
      expect(await violations(options), `options #${section}`).toEqual([]);
      await options.screenshot({ path: test.info().outputPath(`options-${section}-${scheme}.png`), fullPage: true });
    }
  });
}
