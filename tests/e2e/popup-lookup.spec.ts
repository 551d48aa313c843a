import { expect, test, waitForFirstSync } from './fixtures';
import { sendFromExtensionPage } from '../support/extension';

test('the popup opens on a context-menu lookup handed over through storage.session, as plain text; the shortcut is declared', async ({ openExtensionPage, connect, serviceWorker }) => {
  await connect();
  const options = await openExtensionPage('options.html');
  await waitForFirstSync(options);
  const [someone] = await sendFromExtensionPage<{ name: string; email: string }[]>(options, 'searchDirectory', { query: 'a' });

  // What the background's menu handler stores (lib/background/pending-lookup.ts), from a trusted context.
  const hand = (query: string) =>
    options.evaluate(
      (q) => (globalThis as unknown as { chrome: { storage: { session: { set(v: object): Promise<void> } } } }).chrome.storage.session.set({ pendingLookup: { query: q, at: Date.now() } }),
      query,
    );
  await hand(someone!.email);
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('combobox', { name: 'Find a person in Okta' })).toHaveValue(someone!.email);
  await expect(popup.getByRole('option').first()).toContainText(someone!.name);

  // A selection is untrusted text: it only ever fills the search box.
  await hand('<img src=x onerror="document.title=\'owned\'">');
  await expect(popup.getByRole('combobox', { name: 'Find a person in Okta' })).toHaveValue('<img src=x onerror="document.title=\'owned\'">');
  await expect(popup.locator('img[src="x"]')).toHaveCount(0);
  expect(await popup.title()).toBe('Deskside');

  const manifest = await serviceWorker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { commands?: Record<string, { suggested_key?: { default?: string } }> } } } }).chrome.runtime.getManifest());
  expect(manifest.commands?._execute_action?.suggested_key?.default).toBe('Alt+Shift+K');
});
